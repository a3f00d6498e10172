package io.tfbridge.inference;

import java.util.List;
import java.util.Map;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;

/**
 * Prediction with named inputs and outputs, the same for a model trained in Java and a model imported
 * from a SavedModel or Keras file: a service swaps one for the other by changing a path. Values are
 * host arrays ({@code FloatNdArray}, {@code IntNdArray}, {@code NdArray<String>}, ...): a predictor
 * owns its native state and closes every tensor it makes.
 *
 * <pre>{@code
 * try (Predictor predictor = model) {
 *   FloatNdArray probabilities = predictor.predict(features);
 * }
 * }</pre>
 */
public interface Predictor extends AutoCloseable {

  /** The inputs, in the order the model takes them. */
  List<TensorSpec> inputs();

  /** The outputs, in the order the model gives them. */
  List<TensorSpec> outputs();

  /**
   * Runs the model on named inputs.
   *
   * @return every output by name
   * @throws IllegalArgumentException for a missing or unknown input name, or an input of the wrong
   *     dtype or shape, naming the input, the expected and the found
   */
  Map<String, NdArray<?>> predict(Map<String, ? extends NdArray<?>> inputs);

  /**
   * Runs a model of one float input and one float output.
   *
   * @throws IllegalArgumentException if the model has several inputs or outputs, or they are not
   *     float32
   */
  default FloatNdArray predict(FloatNdArray x) {
    TensorSpec in = Predictors.single(inputs(), "input");
    TensorSpec out = Predictors.single(outputs(), "output");
    return Predictors.asFloats(predict(Map.of(in.name(), x)).get(out.name()), out);
  }

  /** Releases the native state; a second call does nothing. */
  @Override
  void close();
}

package io.tfbridge.losses;

import io.tfbridge.layers.LayerOutput;
import io.tfbridge.saving.Config;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A Keras loss. The model reduces its per-sample values Keras's way ({@code sum_over_batch_size}: the
 * sum of the values, each times its sample's weight when weights are given, over their number).
 */
public interface Loss {

  /** The Keras name, e.g. {@code "sparse_categorical_crossentropy"}. */
  String kerasName();

  /** The Keras class name, e.g. {@code "SparseCategoricalCrossentropy"}; by default the Java one. */
  default String className() {
    return getClass().getSimpleName();
  }

  /**
   * Keras's {@code get_config()}: {@code name} and {@code reduction} (always
   * {@code sum_over_batch_size} in tfbridge), and the loss's own options.
   */
  default Config getConfig() {
    return Config.builder().put("name", kerasName()).put("reduction", "sum_over_batch_size").build();
  }

  /** The shape labels must have for a model output of {@code outputShape} (batch first). */
  Shape labelShape(Shape outputShape);

  /**
   * Checks label values before they reach the graph, e.g. class ids in range for the sparse loss.
   *
   * @throws IllegalArgumentException naming the first bad label, its index and the expected range
   */
  default void validateLabels(FloatNdArray labels, Shape outputShape) {}

  /** Adds the per-sample loss ops: one value per sample (and timestep, for sequence outputs). */
  Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, LayerOutput yPred);
}

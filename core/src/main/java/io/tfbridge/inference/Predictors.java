package io.tfbridge.inference;

import java.util.List;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;

/** Checks shared by {@link Predictor} implementations. */
public final class Predictors {
  private Predictors() {}

  /** The only spec of {@code specs}, or an error naming them all. */
  static TensorSpec single(List<TensorSpec> specs, String what) {
    if (specs.size() != 1) {
      throw new IllegalArgumentException("predict(FloatNdArray) needs a model with one " + what
          + "; this one has " + specs.size() + ": " + specs + ". Use predict(Map) with names.");
    }
    return specs.get(0);
  }

  static FloatNdArray asFloats(NdArray<?> value, TensorSpec spec) {
    if (!(value instanceof FloatNdArray)) {
      throw new IllegalArgumentException("Output " + spec + " is not float32");
    }
    return (FloatNdArray) value;
  }

  /**
   * The value of input {@code spec} in {@code inputs}, or an error naming what was expected.
   *
   * @throws IllegalArgumentException if it is missing or there are unknown names
   */
  public static NdArray<?> require(java.util.Map<String, ? extends NdArray<?>> inputs,
      List<TensorSpec> specs, TensorSpec spec) {
    for (String name : inputs.keySet()) {
      if (specs.stream().noneMatch(s -> s.name().equals(name))) {
        throw new IllegalArgumentException("Unknown input '" + name + "'; the inputs are " + specs);
      }
    }
    NdArray<?> value = inputs.get(spec.name());
    if (value == null) {
      throw new IllegalArgumentException("Missing input '" + spec.name() + "'; the inputs are " + specs);
    }
    return value;
  }
}

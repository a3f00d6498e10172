package io.tfbridge.engine;

import java.util.Arrays;
import java.util.Objects;
import org.tensorflow.ndarray.Shape;

/**
 * One input of a model: its name (the Input layer's, {@code input_layer} unless named) and its shape,
 * batch dimension first.
 *
 * <p>Equal when names and dimensions are: {@link Shape#equals} is false for any shape with an unknown
 * dimension, and every input shape has one (the batch).
 */
public record ModelInput(String name, Shape shape) {

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelInput other && name.equals(other.name)
        && Arrays.equals(shape.asArray(), other.shape.asArray());
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(shape.asArray()));
  }
}

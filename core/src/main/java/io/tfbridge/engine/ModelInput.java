package io.tfbridge.engine;

import io.tfbridge.inference.DType;
import java.util.Arrays;
import java.util.Objects;
import org.tensorflow.ndarray.Shape;

/**
 * One input of a model: its name (the Input layer's, {@code input_layer} unless named), its shape,
 * batch dimension first, and its element type (float32 unless the Input says otherwise: int32 token
 * ids feed an Embedding).
 *
 * <p>Equal when names and dimensions are: {@link Shape#equals} is false for any shape with an unknown
 * dimension, and every input shape has one (the batch).
 */
public record ModelInput(String name, Shape shape, DType dtype) {

  /** A float32 input. */
  public ModelInput(String name, Shape shape) {
    this(name, shape, DType.FLOAT32);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelInput other && name.equals(other.name) && dtype == other.dtype
        && Arrays.equals(shape.asArray(), other.shape.asArray());
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dtype, Arrays.hashCode(shape.asArray()));
  }
}

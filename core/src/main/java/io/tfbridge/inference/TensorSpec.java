package io.tfbridge.inference;

import io.tfbridge.layers.Shapes;
import org.tensorflow.ndarray.Shape;

/**
 * A named input or output of a model: its name, element type and shape (batch first, {@code -1} for
 * unknown dimensions, {@link Shape#unknown()} for an unknown rank).
 */
public record TensorSpec(String name, DType dtype, Shape shape) {

  /** Equal name, dtype and dimensions ({@code Shape.equals} never holds for unknown dimensions). */
  @Override
  public boolean equals(Object o) {
    return o instanceof TensorSpec t && name.equals(t.name) && dtype == t.dtype
        && shape.isUnknown() == t.shape.isUnknown()
        && java.util.Arrays.equals(shape.asArray(), t.shape.asArray());
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(name, dtype, java.util.Arrays.hashCode(shape.asArray()));
  }

  @Override
  public String toString() {
    String dims = shape.isUnknown() ? "<unknown rank>" : Shapes.format(shape);
    return name + ": " + dtype.numpyName() + " " + dims;
  }
}

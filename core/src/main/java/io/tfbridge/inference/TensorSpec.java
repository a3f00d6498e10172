package io.tfbridge.inference;

import io.tfbridge.layers.Shapes;
import org.tensorflow.ndarray.Shape;

/**
 * A named input or output of a model: its name, element type and shape (batch first, {@code -1} for
 * unknown dimensions).
 */
public record TensorSpec(String name, DType dtype, Shape shape) {

  @Override
  public String toString() {
    return name + ": " + dtype.numpyName() + " " + Shapes.format(shape);
  }
}

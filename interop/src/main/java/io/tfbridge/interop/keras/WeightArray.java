package io.tfbridge.interop.keras;

import io.tfbridge.layers.Shapes;
import java.util.Arrays;
import org.tensorflow.ndarray.Shape;

/**
 * One array of a model file: its shape, its values row-major as float32, and where it was found
 * (for error messages), e.g. {@code layers/dense/vars/0}.
 */
record WeightArray(long[] shape, float[] values, String where) {

  /** Whether the array has exactly this shape. */
  boolean hasShape(Shape expected) {
    return Arrays.equals(shape, expected.asArray());
  }

  /** Keras's rendering of the shape: {@code (4, 10)}. */
  String shapeText() {
    return Shapes.format(shape);
  }
}

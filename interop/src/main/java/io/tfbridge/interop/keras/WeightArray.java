package io.tfbridge.interop.keras;

import io.tfbridge.engine.WeightSource;
import io.tfbridge.layers.Shapes;
import java.util.Arrays;
import java.util.function.Supplier;
import org.tensorflow.ndarray.Shape;

/**
 * One array of a model file: its shape, where it was found (for error messages), e.g.
 * {@code layers/dense/vars/0}, and its values row-major as float32, read from the file only when
 * asked for (a loaded model's weights stream into its variables one at a time).
 */
final class WeightArray {
  private final long[] shape;
  private final Supplier<float[]> values;
  private final WeightSource raw;
  private final String where;

  private WeightArray(long[] shape, Supplier<float[]> values, WeightSource raw, String where) {
    this.shape = shape;
    this.values = values;
    this.raw = raw;
    this.where = where;
  }

  /** An array whose values are at hand. */
  static WeightArray of(long[] shape, float[] values, String where) {
    return new WeightArray(shape, () -> values, null, where);
  }

  /**
   * An array whose values are read by {@code read} each time they are asked for, or copied straight
   * from the file by {@code raw} (null when the dataset is not stored as raw floats).
   */
  static WeightArray lazy(long[] shape, Supplier<float[]> read, WeightSource raw, String where) {
    return new WeightArray(shape, read, raw, where);
  }

  /** The values as a source for a variable: copied from the file when raw, else read as floats. */
  WeightSource source() {
    return raw != null ? raw : new WeightSource() {
      @Override
      public long size() {
        long n = 1;
        for (long d : shape) {
          n *= d;
        }
        return n;
      }

      @Override
      public void copyTo(org.tensorflow.ndarray.buffer.ByteDataBuffer target) {
        target.asFloats().write(values());
      }
    };
  }

  long[] shape() {
    return shape;
  }

  /** The values, row-major (read from the file now, for a lazy array). */
  float[] values() {
    return values.get();
  }

  String where() {
    return where;
  }

  /** Whether the array has exactly this shape. */
  boolean hasShape(Shape expected) {
    return Arrays.equals(shape, expected.asArray());
  }

  /** Keras's rendering of the shape: {@code (4, 10)}. */
  String shapeText() {
    return Shapes.format(shape);
  }
}

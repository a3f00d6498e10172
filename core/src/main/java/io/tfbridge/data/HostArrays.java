package io.tfbridge.data;

import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.ndarray.buffer.DataBuffers;

/**
 * Host arrays for {@code fit}, {@code evaluate} and {@code predict}: Java arrays to TF Java's
 * {@link FloatNdArray} and back.
 *
 * <pre>{@code
 * FloatNdArray images = HostArrays.of(pixels, 8000, 28, 28, 1);
 * }</pre>
 */
public final class HostArrays {
  private HostArrays() {}

  /** A {@code (rows, cols)} array. */
  public static FloatNdArray of(float[][] rows) {
    requireRectangular(rows);
    return StdArrays.ndCopyOf(rows);
  }

  /** A {@code (rows, cols)} array of ints (e.g. padded sequences), as floats. */
  public static FloatNdArray of(int[][] rows) {
    float[][] values = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      values[i] = new float[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        values[i][j] = rows[i][j];
      }
    }
    return of(values);
  }

  /** A vector of labels, e.g. class ids. */
  public static FloatNdArray of(int[] labels) {
    float[] values = new float[labels.length];
    for (int i = 0; i < labels.length; i++) {
      values[i] = labels[i];
    }
    return of(values, labels.length);
  }

  /** Row-major {@code data} viewed with {@code shape}; the array is not copied. */
  public static FloatNdArray of(float[] data, long... shape) {
    Shape s = Shape.of(shape);
    if (s.size() != data.length) {
      throw new IllegalArgumentException("Cannot view " + data.length + " values as shape "
          + io.tfbridge.layers.Shapes.format(shape) + " (" + s.size() + " values)");
    }
    return NdArrays.wrap(s, DataBuffers.of(data, true, false));
  }

  /** A rank-2 array back to Java rows. */
  public static float[][] toRows(FloatNdArray array) {
    return StdArrays.array2dCopyOf(array);
  }

  /** All values, row-major. */
  public static float[] toFlat(FloatNdArray array) {
    float[] data = new float[Math.toIntExact(array.size())];
    array.copyTo(DataBuffers.of(data, false, false));
    return data;
  }

  private static void requireRectangular(float[][] rows) {
    for (int i = 1; i < rows.length; i++) {
      if (rows[i].length != rows[0].length) {
        throw new IllegalArgumentException("Rows have different lengths: row 0 has "
            + rows[0].length + " values, row " + i + " has " + rows[i].length);
      }
    }
  }
}

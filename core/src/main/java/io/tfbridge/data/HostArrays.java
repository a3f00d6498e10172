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

  /**
   * A predictor input as floats: a {@code FloatNdArray} as is; for an integer input
   * ({@code spec.dtype()} int32, int64 or uint8) an int, long or byte array too, whose values must be
   * exact as floats (below 2^24 in magnitude).
   *
   * @throws IllegalArgumentException naming the input, the expected and the found array type
   */
  public static FloatNdArray asFloats(org.tensorflow.ndarray.NdArray<?> x,
      io.tfbridge.inference.TensorSpec spec) {
    boolean integral = spec.dtype() != io.tfbridge.inference.DType.FLOAT32;
    if (x instanceof FloatNdArray f) {
      return f;
    }
    if (integral && isInteger(x)) {
      return integersAsFloats(x, "Input '" + spec.name() + "'");
    }
    throw new IllegalArgumentException("Input '" + spec.name() + "' must be " + spec.dtype().numpyName()
        + (integral ? " (an IntNdArray, LongNdArray, ByteNdArray or FloatNdArray)" : " (a FloatNdArray)")
        + ", found " + x.getClass().getSimpleName());
  }

  /**
   * Labels or other numbers as floats: a {@code FloatNdArray} as is, integer arrays (class ids)
   * converted exactly (below 2^24 in magnitude).
   *
   * @param what what errors name, e.g. {@code "Labels 'out_a'"}
   */
  public static FloatNdArray numbersAsFloats(org.tensorflow.ndarray.NdArray<?> x, String what) {
    if (x instanceof FloatNdArray f) {
      return f;
    }
    if (isInteger(x)) {
      return integersAsFloats(x, what);
    }
    throw new IllegalArgumentException(what + " must be numbers (float or integer), found "
        + x.getClass().getSimpleName());
  }

  private static boolean isInteger(org.tensorflow.ndarray.NdArray<?> x) {
    return x instanceof org.tensorflow.ndarray.IntNdArray || x instanceof org.tensorflow.ndarray.LongNdArray
        || x instanceof org.tensorflow.ndarray.ByteNdArray;
  }

  private static FloatNdArray integersAsFloats(org.tensorflow.ndarray.NdArray<?> x, String what) {
    FloatNdArray out = org.tensorflow.ndarray.NdArrays.ofFloats(x.shape());
    long[] i = {0};
    x.scalars().forEach(s -> {
      double v = ((Number) s.getObject()).doubleValue();
      if (Math.abs(v) > (1 << 24)) {
        throw new IllegalArgumentException(what + " value " + (long) v
            + " exceeds 2^24, the largest integer tfbridge feeds exactly");
      }
      out.setFloat((float) v, coordinates(x.shape(), i[0]++));
    });
    return out;
  }

  private static long[] coordinates(org.tensorflow.ndarray.Shape shape, long flat) {
    long[] c = new long[shape.numDimensions()];
    for (int d = c.length - 1; d >= 0; d--) {
      c[d] = flat % shape.get(d);
      flat /= shape.get(d);
    }
    return c;
  }
}

package io.tfbridge.interop.npy;

import io.tfbridge.data.NpyArray;
import org.tensorflow.ndarray.BooleanNdArray;
import org.tensorflow.ndarray.ByteNdArray;
import org.tensorflow.ndarray.DoubleNdArray;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.IntNdArray;
import org.tensorflow.ndarray.LongNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

/**
 * Numeric and bool {@link NpyArray}s as {@code NdArray}s and back, one type for each:
 * {@code float32 ↔ FloatNdArray}, {@code float64 ↔ DoubleNdArray},
 * {@code int32 ↔ IntNdArray}, {@code int64 ↔ LongNdArray}, {@code uint8 ↔ ByteNdArray},
 * {@code bool ↔ BooleanNdArray}.
 *
 * <pre>{@code
 * FloatNdArray x = (FloatNdArray) NpyNdArrays.toNdArray(Npy.read(Path.of("x.npy")));
 * Npy.write(Path.of("y.npy"), NpyNdArrays.toNpy(y));
 * }</pre>
 */
public final class NpyNdArrays {
  private NpyNdArrays() {}

  /**
   * An array viewing {@code npy}'s data (not a copy).
   *
   * @throws IllegalArgumentException for int8, which no model input type takes
   */
  public static NdArray<?> toNdArray(NpyArray npy) {
    Shape shape = Shape.of(npy.shape());
    Object data = npy.data();
    return switch (npy.dtype()) {
      case "<f4" -> NdArrays.wrap(shape, DataBuffers.of((float[]) data, false, false));
      case "<f8" -> NdArrays.wrap(shape, DataBuffers.of((double[]) data, false, false));
      case "<i4" -> NdArrays.wrap(shape, DataBuffers.of((int[]) data, false, false));
      case "<i8" -> NdArrays.wrap(shape, DataBuffers.of((long[]) data, false, false));
      case "|u1" -> NdArrays.wrap(shape, DataBuffers.of((byte[]) data, false, false));
      case "|b1" -> NdArrays.wrap(shape, DataBuffers.of((boolean[]) data, false, false));
      default -> throw new IllegalArgumentException("dtype '" + npy.dtype() + "' has no model "
          + "input type; convert it (e.g. x.astype(np.int32)) first");
    };
  }

  /**
   * A copy of {@code array} as an {@link NpyArray}.
   *
   * @throws IllegalArgumentException for string or other arrays ({@link NpyStrings} writes strings)
   */
  public static NpyArray toNpy(NdArray<?> array) {
    long[] shape = array.shape().asArray();
    int size = Math.toIntExact(array.size());
    if (array instanceof FloatNdArray a) {
      float[] data = new float[size];
      a.copyTo(DataBuffers.of(data, false, false));
      return new NpyArray("<f4", shape, data);
    } else if (array instanceof DoubleNdArray a) {
      double[] data = new double[size];
      a.copyTo(DataBuffers.of(data, false, false));
      return new NpyArray("<f8", shape, data);
    } else if (array instanceof IntNdArray a) {
      int[] data = new int[size];
      a.copyTo(DataBuffers.of(data, false, false));
      return new NpyArray("<i4", shape, data);
    } else if (array instanceof LongNdArray a) {
      long[] data = new long[size];
      a.copyTo(DataBuffers.of(data, false, false));
      return new NpyArray("<i8", shape, data);
    }
    return toNpySmall(array, shape, size);
  }

  private static NpyArray toNpySmall(NdArray<?> array, long[] shape, int size) {
    if (array instanceof ByteNdArray a) {
      byte[] data = new byte[size];
      a.copyTo(DataBuffers.of(data, false, false));
      return new NpyArray("|u1", shape, data);
    } else if (array instanceof BooleanNdArray a) {
      boolean[] data = new boolean[size];
      a.copyTo(DataBuffers.of(data, false, false));
      return new NpyArray("|b1", shape, data);
    }
    throw new IllegalArgumentException("Cannot write " + array.getClass().getSimpleName()
        + " as a numeric .npy array");
  }
}

package io.tfbridge.engine;

import io.tfbridge.inference.DType;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;
import org.tensorflow.types.family.TType;

/**
 * The tensor types of model inputs, and host float samples turned into a tensor of an input's type
 * (integer inputs hold whole numbers, checked when the data is adapted).
 */
public final class HostTypes {
  private HostTypes() {}

  /** The TensorFlow Java type of an input's element type. */
  public static Class<? extends TType> tensorType(DType dtype) {
    return switch (dtype) {
      case FLOAT32 -> TFloat32.class;
      case INT32 -> TInt32.class;
      case INT64 -> TInt64.class;
      case UINT8 -> TUint8.class;
      default -> throw new IllegalArgumentException("model inputs of dtype " + dtype.numpyName()
          + " are not supported");
    };
  }

  /**
   * A tensor of {@code dtype} holding rows {@code order[from..to)} of {@code source}; the caller
   * closes it.
   */
  public static TType gather(DType dtype, FloatNdArray source, int[] order, int from, int to) {
    Shape shape = Shape.of(to - from).append(source.shape().tail());
    if (dtype == DType.FLOAT32) {
      return TFloat32.tensorOf(shape, t -> {
        for (int i = from; i < to; i++) {
          source.get(order[i]).copyTo(t.get(i - from));
        }
      });
    }
    float[] values = new float[Math.toIntExact(shape.size())];
    FloatNdArray flat = NdArrays.wrap(shape, DataBuffers.of(values, false, false));
    for (int i = from; i < to; i++) {
      source.get(order[i]).copyTo(flat.get(i - from));
    }
    return switch (dtype) {
      case INT32 -> TInt32.tensorOf(shape, DataBuffers.of(toInts(values), true, false));
      case INT64 -> TInt64.tensorOf(shape, DataBuffers.of(toLongs(values), true, false));
      case UINT8 -> TUint8.tensorOf(shape, DataBuffers.of(toBytes(values), true, false));
      default -> throw new IllegalArgumentException("model inputs of dtype " + dtype.numpyName()
          + " are not supported");
    };
  }

  private static int[] toInts(float[] v) {
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (int) v[i];
    }
    return out;
  }

  private static long[] toLongs(float[] v) {
    long[] out = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (long) v[i];
    }
    return out;
  }

  private static byte[] toBytes(float[] v) {
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) (int) v[i];
    }
    return out;
  }
}

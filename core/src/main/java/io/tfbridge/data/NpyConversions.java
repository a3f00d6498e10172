package io.tfbridge.data;

/** Element-type conversions behind {@link NpyArray#toFloats()} and {@link NpyArray#toInts()}. */
final class NpyConversions {

  private NpyConversions() {}

  static float[] toFloats(NpyArray a) {
    Object data = a.data();
    if (data instanceof float[] f) {
      return f.clone();
    }
    int n = java.lang.reflect.Array.getLength(data);
    float[] out = new float[n];
    switch (NpyDtype.of(a.dtype())) {
      case FLOAT64 -> fill(out, i -> (float) ((double[]) data)[i]);
      case INT32 -> fill(out, i -> ((int[]) data)[i]);
      case INT64 -> fill(out, i -> ((long[]) data)[i]);
      case UINT8 -> fill(out, i -> ((byte[]) data)[i] & 0xFF);
      case INT8 -> fill(out, i -> ((byte[]) data)[i]);
      case BOOL -> fill(out, i -> ((boolean[]) data)[i] ? 1f : 0f);
      default -> throw new AssertionError(a.dtype());
    }
    return out;
  }

  static int[] toInts(NpyArray a) {
    Object data = a.data();
    if (data instanceof int[] ints) {
      return ints.clone();
    }
    int n = java.lang.reflect.Array.getLength(data);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = intAt(a, data, i);
    }
    return out;
  }

  private static int intAt(NpyArray a, Object data, int i) {
    return switch (NpyDtype.of(a.dtype())) {
      case UINT8 -> ((byte[]) data)[i] & 0xFF;
      case INT8 -> ((byte[]) data)[i];
      case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
      case INT64 -> exactInt(a, i, ((long[]) data)[i]);
      case FLOAT32 -> exactInt(a, i, ((float[]) data)[i]);
      case FLOAT64 -> exactInt(a, i, ((double[]) data)[i]);
      default -> throw new AssertionError(a.dtype());
    };
  }

  private static int exactInt(NpyArray a, int index, double value) {
    if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("toInts(): element " + index + " of " + a
          + " is " + value + ", expected a whole number in int range");
    }
    return (int) value;
  }

  private static int exactInt(NpyArray a, int index, long value) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("toInts(): element " + index + " of " + a
          + " is " + value + ", expected a value in int range");
    }
    return (int) value;
  }

  private interface IndexToFloat {
    float at(int i);
  }

  private static void fill(float[] out, IndexToFloat f) {
    for (int i = 0; i < out.length; i++) {
      out[i] = f.at(i);
    }
  }
}

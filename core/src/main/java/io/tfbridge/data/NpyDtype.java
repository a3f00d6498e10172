package io.tfbridge.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The numpy dtypes that {@link Npy} can read and write, each tied to one Java array type.
 *
 * <p>The descriptor strings are numpy's own ({@code np.dtype('float32').str == '<f4'}).
 * Multi-byte dtypes may also be read big-endian ({@code '>f4'}); they are always written
 * little-endian.
 */
enum NpyDtype {
  FLOAT32("<f4", 4, float[].class),
  FLOAT64("<f8", 8, double[].class),
  INT32("<i4", 4, int[].class),
  INT64("<i8", 8, long[].class),
  UINT8("|u1", 1, byte[].class),
  INT8("|i1", 1, byte[].class),
  BOOL("|b1", 1, boolean[].class);

  final String descr;
  final int itemSize;
  final Class<?> arrayType;

  NpyDtype(String descr, int itemSize, Class<?> arrayType) {
    this.descr = descr;
    this.itemSize = itemSize;
    this.arrayType = arrayType;
  }

  /** The supported descriptors, for error messages: {@code '<f4', '<f8', ...}. */
  static String supported() {
    return Arrays.stream(values()).map(d -> "'" + d.descr + "'").collect(Collectors.joining(", "));
  }

  /** Looks up a canonical (little-endian or byte-order-free) descriptor such as {@code '<f4'}. */
  static NpyDtype of(String descr) {
    for (NpyDtype d : values()) {
      if (d.descr.equals(descr)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "unsupported dtype '" + descr + "': expected one of " + supported());
  }

  /**
   * Parses a descriptor read from a file, also accepting big-endian {@code '>f4'} and any
   * byte-order mark on single-byte types ({@code '<u1'} is {@code '|u1'}).
   */
  static NpyDtype parse(String descr, String source) {
    String canonical = descr;
    if (descr.length() == 3 && "<>=|".indexOf(descr.charAt(0)) >= 0) {
      canonical = (descr.endsWith("1") ? "|" : "<") + descr.substring(1);
    }
    try {
      return of(canonical);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  /** The byte order a file descriptor implies ({@code '>'} is big-endian, all else little). */
  static ByteOrder order(String descr) {
    return descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
  }

  Object allocate(int count) {
    return java.lang.reflect.Array.newInstance(arrayType.getComponentType(), count);
  }

  /** Decodes {@code count} items from {@code buf} into {@code dest[offset..]}. */
  void decode(ByteBuffer buf, Object dest, int offset, int count) {
    switch (this) {
      case FLOAT32 -> buf.asFloatBuffer().get((float[]) dest, offset, count);
      case FLOAT64 -> buf.asDoubleBuffer().get((double[]) dest, offset, count);
      case INT32 -> buf.asIntBuffer().get((int[]) dest, offset, count);
      case INT64 -> buf.asLongBuffer().get((long[]) dest, offset, count);
      case UINT8, INT8 -> buf.get((byte[]) dest, offset, count);
      case BOOL -> decodeBools(buf, (boolean[]) dest, offset, count);
    }
  }

  /** Encodes {@code count} items of {@code src[offset..]} into {@code buf} (little-endian). */
  void encode(Object src, int offset, int count, ByteBuffer buf) {
    switch (this) {
      case FLOAT32 -> buf.asFloatBuffer().put((float[]) src, offset, count);
      case FLOAT64 -> buf.asDoubleBuffer().put((double[]) src, offset, count);
      case INT32 -> buf.asIntBuffer().put((int[]) src, offset, count);
      case INT64 -> buf.asLongBuffer().put((long[]) src, offset, count);
      case UINT8, INT8 -> buf.put((byte[]) src, offset, count);
      case BOOL -> encodeBools((boolean[]) src, offset, count, buf);
    }
  }

  private static void decodeBools(ByteBuffer buf, boolean[] dest, int offset, int count) {
    for (int i = 0; i < count; i++) {
      dest[offset + i] = buf.get() != 0;
    }
  }

  private static void encodeBools(boolean[] src, int offset, int count, ByteBuffer buf) {
    for (int i = 0; i < count; i++) {
      buf.put((byte) (src[offset + i] ? 1 : 0));
    }
  }
}

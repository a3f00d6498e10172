package io.tfbridge.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An n-dimensional array as stored in a numpy {@code .npy} file: a dtype, a shape and the
 * elements flattened in C (row-major) order.
 *
 * <p>{@code data} is a Java array whose type follows the dtype:
 * <table>
 *   <caption>dtype to Java array</caption>
 *   <tr><th>dtype</th><th>numpy</th><th>data</th></tr>
 *   <tr><td>{@code '<f4'}</td><td>float32</td><td>{@code float[]}</td></tr>
 *   <tr><td>{@code '<f8'}</td><td>float64</td><td>{@code double[]}</td></tr>
 *   <tr><td>{@code '<i4'}</td><td>int32</td><td>{@code int[]}</td></tr>
 *   <tr><td>{@code '<i8'}</td><td>int64</td><td>{@code long[]}</td></tr>
 *   <tr><td>{@code '|u1'}</td><td>uint8</td><td>{@code byte[]}, unsigned</td></tr>
 *   <tr><td>{@code '|i1'}</td><td>int8</td><td>{@code byte[]}</td></tr>
 *   <tr><td>{@code '|b1'}</td><td>bool</td><td>{@code boolean[]}</td></tr>
 * </table>
 *
 * <p>The shape is copied; the data array is not (it may be large), so the record shares it
 * with whoever built it.
 *
 * <pre>{@code
 * NpyArray x = NpyArray.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
 * x.size();         // 6
 * x.shapeString();  // "(2, 3)"
 * x.toFloats();     // {1, 2, 3, 4, 5, 6}
 * }</pre>
 *
 * @param dtype numpy dtype descriptor, one of the table above
 * @param shape dimensions; an empty shape is a 0-d (scalar) array holding one element
 * @param data  the elements in C order, of the Java array type the dtype requires
 */
public record NpyArray(String dtype, long[] shape, Object data) {

  /** Checks that dtype, shape and data agree. */
  public NpyArray {
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(data, "data");
    NpyDtype type = NpyDtype.of(dtype);
    if (data.getClass() != type.arrayType) {
      throw new IllegalArgumentException("dtype '" + dtype + "' needs data of type "
          + type.arrayType.getSimpleName() + ", found " + data.getClass().getSimpleName());
    }
    shape = shape.clone();
    long size = sizeOf(shape);
    int length = java.lang.reflect.Array.getLength(data);
    if (size != length) {
      throw new IllegalArgumentException("shape " + shapeString(shape) + " holds " + size
          + " elements, but data has " + length);
    }
  }

  /** A float32 array; with no shape given it is 1-d of length {@code data.length}. */
  public static NpyArray ofFloats(float[] data, long... shape) {
    return new NpyArray("<f4", orVector(shape, data.length), data);
  }

  /** A float64 array; with no shape given it is 1-d. */
  public static NpyArray ofDoubles(double[] data, long... shape) {
    return new NpyArray("<f8", orVector(shape, data.length), data);
  }

  /** An int32 array; with no shape given it is 1-d. */
  public static NpyArray ofInts(int[] data, long... shape) {
    return new NpyArray("<i4", orVector(shape, data.length), data);
  }

  /** An int64 array; with no shape given it is 1-d. */
  public static NpyArray ofLongs(long[] data, long... shape) {
    return new NpyArray("<i8", orVector(shape, data.length), data);
  }

  /** A uint8 array (each byte read unsigned); with no shape given it is 1-d. */
  public static NpyArray ofUint8(byte[] data, long... shape) {
    return new NpyArray("|u1", orVector(shape, data.length), data);
  }

  /** An int8 array; with no shape given it is 1-d. */
  public static NpyArray ofInt8(byte[] data, long... shape) {
    return new NpyArray("|i1", orVector(shape, data.length), data);
  }

  /** A bool array; with no shape given it is 1-d. */
  public static NpyArray ofBools(boolean[] data, long... shape) {
    return new NpyArray("|b1", orVector(shape, data.length), data);
  }

  /** The dimensions (a copy). */
  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** The number of dimensions, {@code shape().length}. */
  public int ndim() {
    return shape.length;
  }

  /** The number of elements, the product of the shape (1 for a 0-d array). */
  public long size() {
    return sizeOf(shape);
  }

  /** The shape as numpy prints it: {@code (2, 3)}, {@code (5,)} or {@code ()}. */
  public String shapeString() {
    return shapeString(shape);
  }

  /**
   * The elements converted to float, as numpy's {@code astype(np.float32)}: uint8 is read
   * unsigned, bool gives 0 or 1.
   */
  public float[] toFloats() {
    return NpyConversions.toFloats(this);
  }

  /**
   * The elements converted to int. Integer and bool dtypes convert directly; float dtypes
   * only if every value is a whole number in int range (labels saved as float), and int64
   * only if every value fits in an int.
   *
   * @throws IllegalArgumentException naming the first index and value that does not convert
   */
  public int[] toInts() {
    return NpyConversions.toInts(this);
  }

  /**
   * A 2-d array as rows of floats, e.g. a feature matrix {@code X} of shape
   * {@code (n_samples, n_features)}.
   *
   * @throws IllegalArgumentException if the array is not 2-d
   */
  public float[][] toFloatMatrix() {
    if (shape.length != 2) {
      throw new IllegalArgumentException(
          "toFloatMatrix() needs a 2-d array, found shape " + shapeString());
    }
    float[] flat = toFloats();
    int rows = (int) shape[0];
    int cols = (int) shape[1];
    float[][] out = new float[rows][];
    for (int r = 0; r < rows; r++) {
      out[r] = Arrays.copyOfRange(flat, r * cols, (r + 1) * cols);
    }
    return out;
  }

  /** Equal if dtype, shape and every element are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof NpyArray other && dtype.equals(other.dtype)
        && Arrays.equals(shape, other.shape) && Objects.deepEquals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.deepHashCode(new Object[] {data}));
  }

  /** {@code NpyArray[dtype=<f4, shape=(2, 3)]} (the data is not printed). */
  @Override
  public String toString() {
    return "NpyArray[dtype=" + dtype + ", shape=" + shapeString() + "]";
  }

  static long sizeOf(long[] shape) {
    long size = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "shape dimensions must be >= 0, found shape " + shapeString(shape));
      }
      try {
        size = Math.multiplyExact(size, d);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("shape " + shapeString(shape)
            + " has more elements than fit in a long", e);
      }
    }
    return size;
  }

  static String shapeString(long[] shape) {
    String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
    return "(" + dims + (shape.length == 1 ? ",)" : ")");
  }

  private static long[] orVector(long[] shape, int length) {
    return shape.length == 0 ? new long[] {length} : shape;
  }
}

package io.tfbridge.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NpyArrayTest {

  @Test
  void factoriesSetDtypeAndShape() {
    assertEquals("<f4", NpyArray.ofFloats(new float[6], 2, 3).dtype());
    assertEquals("<f8", NpyArray.ofDoubles(new double[1]).dtype());
    assertEquals("<i4", NpyArray.ofInts(new int[1]).dtype());
    assertEquals("<i8", NpyArray.ofLongs(new long[1]).dtype());
    assertEquals("|u1", NpyArray.ofUint8(new byte[1]).dtype());
    assertEquals("|i1", NpyArray.ofInt8(new byte[1]).dtype());
    assertEquals("|b1", NpyArray.ofBools(new boolean[1]).dtype());
    NpyArray a = NpyArray.ofFloats(new float[6], 2, 3);
    assertArrayEquals(new long[] {2, 3}, a.shape());
    assertEquals(6, a.size());
    assertEquals("NpyArray[dtype=<f4, shape=(2, 3)]", a.toString());
  }

  @Test
  void scalarAndEmptyShapes() {
    NpyArray scalar = new NpyArray("<f8", new long[0], new double[] {3.5});
    assertEquals(1, scalar.size());
    assertEquals("()", scalar.shapeString());
    assertEquals(0, NpyArray.ofFloats(new float[0], 0, 3).size());
    assertEquals("(5,)", NpyArray.ofInts(new int[5]).shapeString());
  }

  @Test
  void shapeMustMatchData() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> NpyArray.ofFloats(new float[5], 2, 3));
    assertEquals("shape (2, 3) holds 6 elements, but data has 5", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> NpyArray.ofFloats(new float[0], -1));
    assertEquals("shape dimensions must be >= 0, found shape (-1,)", e.getMessage());
  }

  @Test
  void dataTypeMustMatchDtype() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new NpyArray("<f4", new long[] {1}, new double[1]));
    assertEquals("dtype '<f4' needs data of type float[], found double[]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new NpyArray("<f2", new long[] {1}, new float[1]));
    assertEquals("unsupported dtype '<f2': expected one of '<f4', '<f8', '<i4', '<i8', '|u1', "
        + "'|i1', '|b1'", e.getMessage());
  }

  @Test
  void shapeIsCopied() {
    long[] shape = {2, 2};
    NpyArray a = NpyArray.ofInts(new int[4], shape);
    shape[0] = 4;
    a.shape()[1] = 9;
    assertArrayEquals(new long[] {2, 2}, a.shape());
  }

  @Test
  void toFloatsConvertsEveryDtype() {
    assertArrayEquals(new float[] {0, 128, 255},
        NpyArray.ofUint8(new byte[] {0, (byte) 128, (byte) 255}).toFloats());
    assertArrayEquals(new float[] {-128, 127},
        NpyArray.ofInt8(new byte[] {(byte) -128, 127}).toFloats());
    assertArrayEquals(new float[] {1, 0}, NpyArray.ofBools(new boolean[] {true, false}).toFloats());
    assertArrayEquals(new float[] {-3, 7}, NpyArray.ofLongs(new long[] {-3, 7}).toFloats());
    assertArrayEquals(new float[] {0.1f}, NpyArray.ofDoubles(new double[] {0.1}).toFloats());
    assertArrayEquals(new float[] {5}, NpyArray.ofInts(new int[] {5}).toFloats());
  }

  @Test
  void toFloatsCopiesFloatData() {
    float[] data = {1, 2};
    NpyArray.ofFloats(data).toFloats()[0] = 9;
    assertEquals(1, data[0]);
  }

  @Test
  void toIntsAcceptsWholeFloatsOnly() {
    assertArrayEquals(new int[] {200, 1}, NpyArray.ofUint8(new byte[] {(byte) 200, 1}).toInts());
    assertArrayEquals(new int[] {2, 0}, NpyArray.ofDoubles(new double[] {2.0, -0.0}).toInts());
    var e = assertThrows(IllegalArgumentException.class,
        () -> NpyArray.ofFloats(new float[] {1, 2.5f}).toInts());
    assertEquals("toInts(): element 1 of NpyArray[dtype=<f4, shape=(2,)] is 2.5, expected a whole "
        + "number in int range", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> NpyArray.ofLongs(new long[] {1L << 40}).toInts());
    assertEquals("toInts(): element 0 of NpyArray[dtype=<i8, shape=(1,)] is 1099511627776, "
        + "expected a value in int range", e.getMessage());
  }

  @Test
  void toFloatMatrixNeedsTwoDimensions() {
    float[][] m = NpyArray.ofInts(new int[] {1, 2, 3, 4, 5, 6}, 3, 2).toFloatMatrix();
    assertArrayEquals(new float[] {5, 6}, m[2]);
    var e = assertThrows(IllegalArgumentException.class,
        () -> NpyArray.ofInts(new int[2]).toFloatMatrix());
    assertEquals("toFloatMatrix() needs a 2-d array, found shape (2,)", e.getMessage());
  }

  @Test
  void equalityComparesContents() {
    assertEquals(NpyArray.ofInts(new int[] {1, 2}), NpyArray.ofInts(new int[] {1, 2}));
    assertEquals(NpyArray.ofInts(new int[] {1, 2}).hashCode(),
        NpyArray.ofInts(new int[] {1, 2}).hashCode());
    assertNotEquals(NpyArray.ofInts(new int[] {1, 2}), NpyArray.ofInts(new int[] {1, 2}, 2, 1));
    assertNotEquals(NpyArray.ofUint8(new byte[] {1}), NpyArray.ofInt8(new byte[] {1}));
  }
}

package io.tfbridge.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The expected strings are Python's {@code repr(v)} and numpy's {@code str(float32 array)}. */
class PyFormatTest {

  @Test
  void reprOfFloats() {
    assertEquals("0.9777777777777777", PyFormat.repr(44.0 / 45));
    assertEquals("1.0", PyFormat.repr(1.0));
    assertEquals("0.1", PyFormat.repr(0.1));
    assertEquals("1e-05", PyFormat.repr(1e-5));
    assertEquals("0.0001", PyFormat.repr(0.0001));
    assertEquals("1e+16", PyFormat.repr(1e16));
    assertEquals("1.2345678901234568e+17", PyFormat.repr(123456789012345678.0));
    assertEquals("0.6666666666666666", PyFormat.repr(2.0 / 3));
    assertEquals("0.9850000143051147", PyFormat.repr(0.9850000143051147));
    assertEquals("1.5e-07", PyFormat.repr(1.5e-7));
    assertEquals("0.0", PyFormat.repr(0.0));
  }

  @Test
  void columnOfProbabilities() {
    assertEquals("[[0.5980866 ]\n [0.67700195]\n [0.75509095]]",
        PyFormat.array(new float[][] {{0.5980866f}, {0.67700195f}, {0.75509095f}}));
    assertEquals("[[1.  ]\n [0.25]\n [0.  ]]", PyFormat.array(new float[][] {{1f}, {0.25f}, {0f}}));
  }

  @Test
  void positionalAlignmentAndRounding() {
    assertEquals("[[-0.5  12.25]\n [ 3.    0.1 ]]",
        PyFormat.array(new float[][] {{-0.5f, 12.25f}, {3f, 0.1f}}));
    assertEquals("[[0.01234568]\n [0.5       ]]",
        PyFormat.array(new float[][] {{0.012345678f}, {0.5f}}));
    assertEquals("[[nan]\n [0.5]]", PyFormat.array(new float[][] {{Float.NaN}, {0.5f}}));
  }

  @Test
  void scientificWhenMagnitudesCallForIt() {
    assertEquals("[[1.e-05]\n [5.e-01]]", PyFormat.array(new float[][] {{1e-5f}, {0.5f}}));
    assertEquals("[[1.50e-05 2.50e-01]\n [2.00e+00 1.25e-01]]",
        PyFormat.array(new float[][] {{1.5e-5f, 0.25f}, {2f, 0.125f}}));
    assertEquals("[[1.e+09]\n [1.e+00]]", PyFormat.array(new float[][] {{1e9f}, {1f}}));
  }

  @Test
  void pythonReprOfFloats() {
    org.junit.jupiter.api.Assertions.assertArrayEquals(new String[] {"0.1", "1e-05", "0.0001", "1.5e+16", "1234567890123456.0",
        "0.30000000000000004", "nan", "-inf", "-0.0", "5e-324", "2.5e-310"},
        java.util.stream.DoubleStream.of(0.1, 1e-5, 1e-4, 1.5e16, 1234567890123456.0, 0.1 + 0.2,
            Double.NaN, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE, 2.5e-310)
            .mapToObj(PyFormat::repr).toArray(String[]::new));
  }
}

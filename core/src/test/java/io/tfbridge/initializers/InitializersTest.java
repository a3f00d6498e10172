package io.tfbridge.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class InitializersTest {

  @Test
  void glorotUniformDrawsWithinKerasLimitWithUniformVariance() {
    Shape shape = Shape.of(3, 3, 16, 32); // fan_in 144, fan_out 288
    float[] w = GlorotUniform.of().generate(shape, new SplittableRandom(3));
    double limit = Math.sqrt(6.0 / (144 + 288));
    double sumSq = 0;
    for (float v : w) {
      assertTrue(Math.abs(v) <= limit, "value " + v + " beyond limit " + limit);
      sumSq += v * v;
    }
    double variance = sumSq / w.length; // uniform(-l, l) has variance l^2 / 3
    assertEquals(limit * limit / 3, variance, 0.03 * limit * limit / 3);
  }

  @Test
  void orthogonalGivesOrthonormalRowsOrColumns() {
    assertOrthonormalColumns(Orthogonal.of().generate(Shape.of(50, 50), new SplittableRandom(1)), 50, 50);
    assertOrthonormalColumns(Orthogonal.of().generate(Shape.of(8, 3), new SplittableRandom(2)), 8, 3);
    // wider than tall: the rows are orthonormal, as in Keras (Q transposed)
    float[] wide = Orthogonal.of().generate(Shape.of(3, 8), new SplittableRandom(2));
    float[] transposed = new float[24];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 8; c++) {
        transposed[c * 3 + r] = wide[r * 8 + c];
      }
    }
    assertOrthonormalColumns(transposed, 8, 3);
  }

  private static void assertOrthonormalColumns(float[] m, int rows, int cols) {
    for (int a = 0; a < cols; a++) {
      for (int b = 0; b < cols; b++) {
        double dot = 0;
        for (int r = 0; r < rows; r++) {
          dot += m[r * cols + a] * m[r * cols + b];
        }
        assertEquals(a == b ? 1.0 : 0.0, dot, 1e-5, "column " + a + " . column " + b);
      }
    }
  }

  @Test
  void sameGeneratorSeedSameValues() {
    float[] a = GlorotUniform.of().generate(Shape.of(4, 5), new SplittableRandom(9));
    float[] b = GlorotUniform.of().generate(Shape.of(4, 5), new SplittableRandom(9));
    assertArrayEquals(a, b);
    assertArrayEquals(new float[6], Zeros.of().generate(Shape.of(2, 3), new SplittableRandom(9)));
  }
}

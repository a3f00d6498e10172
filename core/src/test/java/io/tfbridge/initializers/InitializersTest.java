package io.tfbridge.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.KerasObject;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ndarray.Shape;

/**
 * The initializers' distributions, bounds and scales (Keras's, not numpy's draws) over 60,000 values,
 * and their configs. Tolerances: the sample mean within 5 standard errors ({@code 5 * std /
 * sqrt(n)}, about 0.02 std), the sample standard deviation within 2 % (its standard error is about
 * 0.3 %), the bounds exact.
 */
class InitializersTest {
  /** fan_in 200, fan_out 300. */
  private static final Shape SHAPE = Shape.of(200, 300);

  static Stream<Arguments> varianceScaling() {
    return Stream.of(
        // initializer, expected standard deviation, bound (0: unbounded)
        Arguments.of(HeNormal.of(), Math.sqrt(2.0 / 200), 2 * Math.sqrt(2.0 / 200) / 0.87962566103423978),
        Arguments.of(HeUniform.of(), Math.sqrt(2.0 / 200), Math.sqrt(6.0 / 200)),
        Arguments.of(GlorotNormal.of(), Math.sqrt(2.0 / 500),
            2 * Math.sqrt(2.0 / 500) / 0.87962566103423978),
        Arguments.of(GlorotUniform.of(), Math.sqrt(2.0 / 500), Math.sqrt(6.0 / 500)),
        Arguments.of(LecunNormal.of(), Math.sqrt(1.0 / 200),
            2 * Math.sqrt(1.0 / 200) / 0.87962566103423978),
        Arguments.of(LecunUniform.of(), Math.sqrt(1.0 / 200), Math.sqrt(3.0 / 200)),
        Arguments.of(VarianceScaling.of(3.0, "fan_out", "untruncated_normal"), Math.sqrt(3.0 / 300), 0.0),
        Arguments.of(VarianceScaling.of(0.5, "fan_avg", "uniform"), Math.sqrt(0.5 / 250),
            Math.sqrt(1.5 / 250)),
        Arguments.of(VarianceScaling.of(2.0, "fan_in", "normal"), Math.sqrt(2.0 / 200),
            2 * Math.sqrt(2.0 / 200) / 0.87962566103423978),
        Arguments.of(RandomNormal.of(0.0, 0.3), 0.3, 0.0),
        Arguments.of(TruncatedNormal.of(0.0, 0.3), 0.3 * 0.87962566103423978, 0.6));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("varianceScaling")
  void drawsWithKerasScaleAndBounds(Initializer init, double std, double bound) {
    assertStatistics(init.generate(SHAPE, new SplittableRandom(7)), 0.0, std, bound);
  }

  @Test
  void normalsAroundAMean() {
    assertStatistics(RandomNormal.of(1.5, 0.2).generate(SHAPE, new SplittableRandom(1)), 1.5, 0.2, 0);
    float[] t = TruncatedNormal.of(-1, 0.5).generate(SHAPE, new SplittableRandom(2));
    assertStatistics(t, -1, 0.5 * 0.87962566103423978, 0);
    for (float v : t) {
      assertTrue(v >= -2 && v <= 0, "truncated draw " + v + " outside [mean - 2 std, mean + 2 std]");
    }
  }

  @Test
  void convolutionKernelFansCountTheReceptiveField() {
    // (3, 3, 16, 32): fan_in 144, fan_out 288
    float[] w = HeUniform.of().generate(Shape.of(3, 3, 16, 32), new SplittableRandom(4));
    assertStatistics(w, 0, Math.sqrt(2.0 / 144), Math.sqrt(6.0 / 144));
    VarianceScaling axes = HeUniform.of().fanAxes(new int[] {0}, new int[] {1, 2});
    assertStatistics(axes.generate(Shape.of(100, 30, 20), new SplittableRandom(5)), 0,
        Math.sqrt(2.0 / 100), Math.sqrt(6.0 / 100));
  }

  private static void assertStatistics(float[] w, double mean, double std, double bound) {
    double sum = 0;
    for (float v : w) {
      sum += v;
    }
    double m = sum / w.length;
    double sq = 0;
    for (float v : w) {
      sq += (v - m) * (v - m);
      if (bound > 0) {
        assertTrue(Math.abs(v - mean) <= bound * (1 + 1e-6), "value " + v + " beyond bound " + bound);
      }
    }
    double s = Math.sqrt(sq / w.length);
    assertEquals(mean, m, 5 * std / Math.sqrt(w.length), "mean");
    assertEquals(std, s, 0.02 * std, "standard deviation");
  }

  @Test
  void constantIdentityAndOrthogonalGain() {
    assertArrayEquals(new float[] {0.3f, 0.3f, 0.3f}, Constant.of(0.3).generate(Shape.of(3), null));
    assertArrayEquals(new float[] {2, 0, 0, 0, 2, 0},
        Identity.of().gain(2).generate(Shape.of(2, 3), null));
    assertThrows(IllegalArgumentException.class, () -> Identity.of().generate(Shape.of(2, 2, 2), null));
    float[] q = Orthogonal.of().gain(0.5).generate(Shape.of(6, 4), new SplittableRandom(3));
    for (int c = 0; c < 4; c++) {
      double norm = 0;
      for (int r = 0; r < 6; r++) {
        norm += q[r * 4 + c] * q[r * 4 + c];
      }
      assertEquals(0.25, norm, 1e-5, "column " + c + " has norm gain");
    }
  }

  @Test
  void configsAsKerasWritesThemAndReadBack() {
    assertEquals(Config.builder().putNull("seed", "input_axes", "output_axes").build(),
        HeNormal.of().getConfig());
    assertEquals(Config.builder().putNull("seed").put("scale", 2.0).put("mode", "fan_out")
        .put("distribution", "uniform").putNull("input_axes", "output_axes").build(),
        VarianceScaling.of(2.0, "fan_out", "uniform").getConfig());
    assertEquals(Config.empty(), Identity.of().getConfig());
    List<Initializer> all = List.of(GlorotUniform.of(), GlorotNormal.of(), HeNormal.of(), HeUniform.of(),
        LecunNormal.of(), LecunUniform.of(), VarianceScaling.of(0.5, "fan_avg", "untruncated_normal"),
        RandomNormal.of(0.1, 0.2), TruncatedNormal.of(), RandomUniform.of(), Constant.of(0.7),
        Identity.of().gain(3), Orthogonal.of().gain(0.5), Zeros.of(), Ones.of(),
        HeNormal.of().fanAxes(new int[] {0}, new int[] {1}));
    for (Initializer init : all) {
      KerasObject serialized = Initializers.serialize(init);
      Initializer back = Initializers.deserialize(serialized);
      assertEquals(init.kerasName(), back.kerasName());
      assertEquals(init.getConfig(), back.getConfig(), init.kerasName());
    }
  }

  @Test
  void kerasNamesAndAliases() {
    assertEquals("HeNormal", Initializers.deserialize("he_normal").kerasName());
    assertEquals("RandomNormal", Initializers.deserialize("normal").kerasName());
    assertEquals("Identity", Initializers.deserialize("IdentityInitializer").kerasName());
    assertEquals("VarianceScaling", Initializers.deserialize("variance_scaling").kerasName());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializers
        .deserialize(KerasObject.of("keras.initializers", "VarianceScaling",
            Config.builder().put("mode", "fan_sideways").build())));
    assertTrue(e.getMessage().contains("Invalid `mode` argument: fan_sideways"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> VarianceScaling.of(0, "fan_in", "uniform"));
  }

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

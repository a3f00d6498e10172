package io.tfbridge.layers;

import static io.tfbridge.layers.LayerRunner.filled;
import static io.tfbridge.layers.LayerRunner.roundTrip;
import static io.tfbridge.layers.LayerRunner.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.saving.Config;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * SpatialDropout1D/2D/3D, GaussianNoise and GaussianDropout: the identity at inference, and in training
 * the statistics Keras's definitions give, over inputs large enough that the stated tolerances are
 * several standard deviations of the estimate wide.
 */
class NoiseLayersTest {

  /** Mean and (population) variance. */
  private static double[] moments(float[] v) {
    double mean = 0;
    for (float x : v) {
      mean += x;
    }
    mean /= v.length;
    double var = 0;
    for (float x : v) {
      var += (x - mean) * (x - mean);
    }
    return new double[] {mean, var / v.length};
  }

  @Test
  void allAreTheIdentityAtInference() {
    FloatNdArray x = LayerRunner.counting(2, 3, 4, 2, 5);
    for (Layer<?> layer : List.of(SpatialDropout1D.of(0.5), SpatialDropout2D.of(0.5),
        SpatialDropout3D.of(0.9), GaussianNoise.of(1), GaussianDropout.of(0.5))) {
      FloatNdArray input = layer instanceof SpatialDropout1D ? LayerRunner.counting(3, 4, 5)
          : layer instanceof SpatialDropout2D ? LayerRunner.counting(2, 3, 4, 5) : x;
      assertArrayEquals(HostArrays.toFlat(input), HostArrays.toFlat(run(layer, false, 7, input)),
          layer.className());
    }
  }

  /**
   * SpatialDropout2D(0.4) on ones of shape (40, 3, 3, 50): every channel of a sample is either all 0
   * or all 1 / 0.6, and about 40% of the 2,000 channels are dropped (standard deviation of the
   * fraction: 0.011; tolerance 0.05).
   */
  @Test
  void spatialDropoutDropsWholeChannels() {
    int batch = 40;
    int channels = 50;
    float[] y = HostArrays.toFlat(run(SpatialDropout2D.of(0.4), true, 11, filled(1, batch, 3, 3,
        channels)));
    int dropped = 0;
    for (int b = 0; b < batch; b++) {
      for (int c = 0; c < channels; c++) {
        float first = y[b * 9 * channels + c];
        for (int p = 0; p < 9; p++) {
          assertEquals(first, y[(b * 9 + p) * channels + c], "sample " + b + ", channel " + c);
        }
        assertTrue(first == 0 || Math.abs(first - 1 / 0.6f) < 1e-6, "value " + first);
        dropped += first == 0 ? 1 : 0;
      }
    }
    assertEquals(0.4, dropped / (double) (batch * channels), 0.05);
  }

  @Test
  void spatialDropout1DAnd3DShareTheMaskOverSpatialAxes() {
    float[] y1 = HostArrays.toFlat(run(SpatialDropout1D.of(0.5), true, 3, filled(1, 20, 6, 30)));
    float[] y3 = HostArrays.toFlat(run(SpatialDropout3D.of(0.5), true, 3, filled(1, 20, 2, 2, 2, 30)));
    for (float[] y : List.of(y1, y3)) {
      int positions = y.length / (20 * 30);
      int dropped = 0;
      for (int b = 0; b < 20; b++) {
        for (int c = 0; c < 30; c++) {
          float first = y[b * positions * 30 + c];
          for (int p = 0; p < positions; p++) {
            assertEquals(first, y[(b * positions + p) * 30 + c]);
          }
          dropped += first == 0 ? 1 : 0;
          assertTrue(first == 0 || first == 2f, "kept channels are scaled by 1 / (1 - 0.5)");
        }
      }
      assertEquals(0.5, dropped / 600.0, 0.08); // standard deviation 0.02
    }
  }

  /** GaussianNoise(0.3) on zeros: mean 0, standard deviation 0.3 over 100,000 draws. */
  @Test
  void gaussianNoiseAddsNoiseOfStddev() {
    float[] y = HostArrays.toFlat(run(GaussianNoise.of(0.3), true, 5, filled(0, 100, 1000)));
    double[] m = moments(y);
    assertEquals(0, m[0], 0.005);
    assertEquals(0.3, Math.sqrt(m[1]), 0.005);
    float[] other = HostArrays.toFlat(run(GaussianNoise.of(0.3), true, 6, filled(0, 100, 1000)));
    assertNotEquals(y[0], other[0], "another seed, other draws");
  }

  /** GaussianDropout(0.2) on twos: mean 2, variance 4 * 0.2 / 0.8 = 1 over 100,000 draws. */
  @Test
  void gaussianDropoutMultipliesByNoiseOfMeanOne() {
    float[] y = HostArrays.toFlat(run(GaussianDropout.of(0.2), true, 5, filled(2, 100, 1000)));
    double[] m = moments(y);
    assertEquals(2, m[0], 0.02);
    assertEquals(1, m[1], 0.03);
  }

  @Test
  void ratesAndStddevAreChecked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpatialDropout2D.of(1.5));
    assertTrue(e.getMessage().contains("Received: rate=1.5"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> GaussianDropout.of(-0.1));
    e = assertThrows(IllegalArgumentException.class, () -> GaussianNoise.of(2));
    assertTrue(e.getMessage().contains("Received: stddev=2.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> SpatialDropout1D.of(0.1).outputShape("sd", org.tensorflow.ndarray.Shape.of(-1, 4)));
    assertTrue(e.getMessage().contains("expected ndim=3, found ndim=2"), e.getMessage());
  }

  @Test
  void configsAsKerasWritesThem() {
    Config spatial = Config.builder().put("rate", 0.25).putNull("seed")
        .put("data_format", "channels_last").build();
    assertEquals(spatial, SpatialDropout2D.of(0.25).getConfig());
    assertEquals(Config.builder().put("rate", 0.25).putNull("seed").build(),
        SpatialDropout1D.of(0.25).getConfig());
    assertEquals(Config.builder().put("stddev", 0.1).putNull("seed").build(),
        GaussianNoise.of(0.1).getConfig());
    for (Layer<?> layer : List.of(SpatialDropout1D.of(0.1), SpatialDropout2D.of(0.2),
        SpatialDropout3D.of(0.3), GaussianNoise.of(0.4), GaussianDropout.of(0.5))) {
      assertEquals(layer.getConfig(), roundTrip(layer).getConfig(), layer.className());
      assertFalse(layer.hasBuildConfig());
    }
    // Keras's SpatialDropout configs have no trainable (its constructor refuses one)
    assertFalse(SpatialDropout3D.of(0.1).configHasTrainable());
    assertTrue(GaussianNoise.of(0.1).configHasTrainable());
    Config seeded = Config.builder().put("rate", 0.5).put("seed", 42).build();
    assertEquals(0.5, ((GaussianDropout) KerasLayers.deserialize("GaussianDropout", seeded, "g"))
        .rate());
  }

  /** Dropout(0.5, noise_shape=(None, 1, 1)) on ones (30, 4, 5): each sample is all 0 or all 2. */
  @Test
  void dropoutWithANoiseShapeDropsWholeSamples() {
    Dropout layer = Dropout.of(0.5).noiseShape(-1, 1, 1);
    float[] y = HostArrays.toFlat(run(layer, true, 5, filled(1, 30, 4, 5)));
    int dropped = 0;
    for (int b = 0; b < 30; b++) {
      for (int i = 0; i < 20; i++) {
        assertEquals(y[b * 20], y[b * 20 + i], "sample " + b);
      }
      assertTrue(y[b * 20] == 0 || y[b * 20] == 2, "value " + y[b * 20]);
      dropped += y[b * 20] == 0 ? 1 : 0;
    }
    assertTrue(dropped > 5 && dropped < 25, dropped + " of 30 samples dropped");
    assertArrayEquals(HostArrays.toFlat(filled(1, 30, 4, 5)),
        HostArrays.toFlat(run(layer, false, 5, filled(1, 30, 4, 5))));
  }

  @Test
  void dropoutNoiseShapeConfigAndErrors() {
    Dropout layer = Dropout.of(0.2).noiseShape(-1, 1, 1, 1);
    Config config = layer.getConfig();
    assertEquals(List.of("rate", "seed", "noise_shape"), List.copyOf(config.keys()));
    assertEquals(java.util.Arrays.asList(null, 1L, 1L, 1L), config.get("noise_shape"));
    assertArrayEquals(new long[] {-1, 1, 1, 1}, ((Dropout) roundTrip(layer)).noiseShape());
    assertEquals(null, ((Dropout) roundTrip(Dropout.of(0.2))).noiseShape());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> layer.outputShape("drop", org.tensorflow.ndarray.Shape.of(-1, 4, 4)));
    assertTrue(e.getMessage().contains("noise_shape (None, 1, 1, 1)")
        && e.getMessage().contains("(None, 4, 4)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Dropout.of(0.2).noiseShape(-1, 0));
    assertTrue(e.getMessage().contains("must be positive or -1"), e.getMessage());
  }
}

package io.tfbridge.layers;

import static io.tfbridge.layers.ActivationLayersTest.predictFlat;
import static io.tfbridge.layers.ActivationLayersTest.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.saving.Config;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

/** Normalization, LayerNormalization, GroupNormalization and UnitNormalization. */
class NormalizationLayersTest {
  private static final float[] X = {1, 2, 3, 4, -1, 0.5f, 2.5f, 7, 0, 0, 1, -3};

  @Test
  void normalizationWithConstantsHasNoWeightsAndDividesByTheStandardDeviation() {
    Normalization n = Normalization.of().meanAndVariance(new double[] {1, 2, 3}, new double[] {4, 9, 1});
    assertTrue(n.weights(Shape.of(-1, 3)).isEmpty());
    float[] y = predictFlat(Sequential.of(Input.of(3), n), new float[] {3, 2, 0}, 1, 3);
    assertArrayEquals(new float[] {1, 0, -3}, y, 1e-6f);
    float[] back = predictFlat(Sequential.of(Input.of(3), n.invert(true)), new float[] {1, 0, -3}, 1, 3);
    assertArrayEquals(new float[] {3, 2, 0}, back, 1e-6f);
    assertEquals(List.of(1.0, 2.0, 3.0), n.getConfig().get("mean"));
    assertEquals(List.of(-1), n.getConfig().get("axis"));
  }

  @Test
  void adaptedNormalizationKeepsItsStatisticsAsKerasWeights() {
    Normalization n = Normalization.of().axis(1, 2);
    List<WeightSpec> w = n.weights(Shape.of(-1, 3, 4));
    assertEquals(List.of("mean", "variance", "count"), w.stream().map(WeightSpec::name).toList());
    assertEquals(Shape.of(3, 4), w.get(0).shape());
    assertEquals(Shape.scalar(), w.get(2).shape());
    assertFalse(w.get(0).trainable());
    assertEquals(Shape.scalar(),
        Normalization.of().axis(new int[0]).weights(Shape.of(-1, 3, 4)).get(0).shape());
    try (Model model = Sequential.of(Input.of(3), n.axis(-1)).compile("sgd", "mean_squared_error")) {
      model.setWeights(List.of(new float[] {1, 2, 3}, new float[] {4, 9, 1}, new float[] {0}));
      float[] y = model.predict(new float[][] {{3, 2, 0}})[0];
      assertArrayEquals(new float[] {1, 0, -3}, y, 1e-6f);
    }
  }

  @Test
  void normalizationRefusesMismatchedStatistics() {
    assertThrows(IllegalArgumentException.class, () ->
        Normalization.of().meanAndVariance(new double[] {1, 2}, new double[] {1, 2, 3}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Normalization.of()
        .meanAndVariance(new double[] {1, 2}, new double[] {1, 2}).outputShape("norm", Shape.of(-1, 3)));
    assertTrue(e.getMessage().startsWith("Input 0 of layer \"norm\""), e.getMessage());
    IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
        () -> Normalization.of().axis(0).outputShape("norm", Shape.of(-1, 3)));
    assertTrue(batch.getMessage().contains("the batch axis excluded"), batch.getMessage());
  }

  @Test
  void layerNormalizationGivesEachSampleZeroMeanAndUnitVariance() {
    float[] y = predictFlat(Sequential.of(Input.of(3, 4), LayerNormalization.of().axis(-2, -1)
        .epsilon(0)), X, 1, 3, 4);
    double mean = 0;
    double square = 0;
    for (float v : y) {
      mean += v / y.length;
      square += v * v / y.length;
    }
    assertEquals(0, mean, 1e-6);
    assertEquals(1, square, 1e-5);
    List<WeightSpec> w = LayerNormalization.of().axis(-1, 1).weights(Shape.of(-1, 3, 4));
    assertEquals(Shape.of(4, 3), w.get(0).shape(), "Keras's sorted order of [-1, 1]: [-1, 1]");
    assertEquals(List.of(-1, 1), LayerNormalization.of().axis(1, -1).getConfig().get("axis"));
    assertEquals(List.of(-1), LayerNormalization.of().getConfig().get("axis"));
    assertEquals(List.of("gamma"), LayerNormalization.of().rmsScaling(true).weights(Shape.of(-1, 3))
        .stream().map(WeightSpec::name).toList());
  }

  @Test
  void groupNormalizationNormalisesEachGroup() {
    // 2 groups of 2 channels over 3 positions: each group's 6 values get mean 0, variance 1
    float[] x = {1, 2, 3, 4, -1, 0.5f, 2.5f, 7, 0, 0, 1, -3};
    Sequential spec = Sequential.of(Input.of(3, 4), GroupNormalization.of(2).epsilon(0));
    float[] y = predictFlat(spec, x, 1, 3, 4);
    for (int g = 0; g < 2; g++) {
      double mean = 0;
      double square = 0;
      for (int p = 0; p < 3; p++) {
        for (int c = 2 * g; c < 2 * g + 2; c++) {
          mean += y[p * 4 + c] / 6;
          square += y[p * 4 + c] * y[p * 4 + c] / 6;
        }
      }
      assertEquals(0, mean, 1e-6, "group " + g);
      assertEquals(1, square, 1e-5, "group " + g);
    }
    assertEquals(Shape.of(4), GroupNormalization.of(2).weights(Shape.of(-1, 3, 4)).get(0).shape());
  }

  @Test
  void groupNormalizationRefusesGroupsThatDoNotDivideTheChannels() {
    assertThrows(IllegalArgumentException.class, () -> GroupNormalization.of(0));
    IllegalArgumentException more = assertThrows(IllegalArgumentException.class,
        () -> GroupNormalization.of().outputShape("gn", Shape.of(-1, 8)));
    assertEquals("Layer \"gn\": Number of groups (32) cannot be more than the number of channels (8).",
        more.getMessage());
    IllegalArgumentException uneven = assertThrows(IllegalArgumentException.class,
        () -> GroupNormalization.of(3).outputShape("gn", Shape.of(-1, 8)));
    assertTrue(uneven.getMessage().contains("Number of groups (3) must be a multiple"),
        uneven.getMessage());
    GroupNormalization.of(-1).outputShape("gn", Shape.of(-1, 8));
  }

  @Test
  void unitNormalizationScalesToUnitNorm() {
    float[] y = predictFlat(Sequential.of(Input.of(3, 4), UnitNormalization.of().axis(1, 2)), X, 1, 3, 4);
    double norm = 0;
    for (float v : y) {
      norm += v * v;
    }
    assertEquals(1, norm, 1e-5);
    assertEquals(List.of(1, 2), UnitNormalization.of().axis(1, 2).getConfig().get("axis"));
  }

  @Test
  void configsReadBackToTheSameConfig() {
    List<Supplier<Layer<?>>> layers = List.of(() -> Normalization.of().axis(1, 2).invert(true),
        () -> Normalization.of().meanAndVariance(0.5, 2), () -> LayerNormalization.of().axis(-2, -1)
            .center(false).epsilon(1e-5), () -> LayerNormalization.of().rmsScaling(true),
        () -> GroupNormalization.of(4).axis(1).scale(false), () -> UnitNormalization.of().axis(-1));
    for (Supplier<Layer<?>> s : layers) {
      Layer<?> layer = s.get();
      assertEquals(layer.getConfig(), read(layer.className(), layer.getConfig()).getConfig(),
          layer.className());
    }
  }

  @Test
  void normalizationReadsNullAxisAsNoKeptAxis() {
    Config config = Config.builder().putNull("axis").put("invert", false).putNull("mean", "variance")
        .build();
    Normalization n = (Normalization) read("Normalization", config);
    assertArrayEquals(new int[0], n.axis());
    assertEquals(List.of(), n.getConfig().get("axis"));
  }
}

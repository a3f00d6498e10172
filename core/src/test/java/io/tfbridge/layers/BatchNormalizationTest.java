package io.tfbridge.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * BatchNormalization's moving statistics: non-trainable weights that only a training step moves, by
 * {@code moving * momentum + batch * (1 - momentum)} with the batch's mean and biased variance.
 */
class BatchNormalizationTest {
  private static final float[][] X = {{1, 2}, {3, -2}, {5, 0}, {-1, 4}};
  private static final float[][] Y = {{0}, {1}, {0}, {1}};

  @Test
  void onlyTrainingStepsMoveTheMovingStatistics() {
    Sequential spec = Sequential.of(Input.of(2), BatchNormalization.of().momentum(0.75).name("bn"),
        Dense.of(1)).seed(1);
    try (Model model = spec.compile("sgd", "mean_squared_error")) {
      model.predict(X);
      model.evaluate(io.tfbridge.data.HostArrays.of(X), io.tfbridge.data.HostArrays.of(Y));
      assertArrayEquals(new float[] {0, 0}, model.weights().get("bn/moving_mean"));
      assertArrayEquals(new float[] {1, 1}, model.weights().get("bn/moving_variance"));

      model.fit(io.tfbridge.data.HostArrays.of(X), io.tfbridge.data.HostArrays.of(Y),
          FitOptions.epochs(1).batchSize(4).shuffle(false).verbose(0));
      // batch mean (2, 1), biased variance (5, 5): 0.75 * old + 0.25 * batch
      Map<String, float[]> w = model.weights();
      assertArrayEquals(new float[] {0.5f, 0.25f}, w.get("bn/moving_mean"), 1e-6f);
      assertArrayEquals(new float[] {2f, 2f}, w.get("bn/moving_variance"), 1e-6f);
    }
  }

  @Test
  void movingStatisticsAreNonTrainableWeightsInKerasOrder() {
    Sequential spec = Sequential.of(Input.of(3), Dense.of(4), BatchNormalization.of());
    try (Model model = spec.seed(2).compile("adam", "mean_squared_error")) {
      assertEquals(java.util.List.of("dense/kernel", "dense/bias", "batch_normalization/gamma",
          "batch_normalization/beta", "batch_normalization/moving_mean",
          "batch_normalization/moving_variance"), model.graph().weightPaths());
      String summary = model.summary();
      assertTrue(summary.contains("Trainable params: 24"), summary);
      assertTrue(summary.contains("Non-trainable params: 8"), summary);
      assertArrayEquals(new float[] {1, 1, 1, 1}, model.weights().get("batch_normalization/gamma"));
    }
  }

  @Test
  void onlyTheLastAxis() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        Sequential.of(Input.of(3, 4), BatchNormalization.of().axis(1)).compile("sgd", "mse"));
    assertTrue(e.getMessage().contains("supports only the last axis"), e.getMessage());
  }
}

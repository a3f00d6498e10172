package io.tfbridge.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.Dense;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.optimizers.SGD;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EarlyStopping and ReduceLROnPlateau inside a real fit, against the weights recorded per epoch. */
class EarlyStoppingFitTest {
  private static final float[][] X = {{0.1f, 0.2f}, {0.3f, -0.4f}, {-0.5f, 0.6f}, {0.7f, 0.1f},
      {0.2f, -0.3f}, {-0.6f, -0.2f}};
  private static final float[][] Y = {{0.5f}, {-0.2f}, {0.9f}, {0.1f}, {0.4f}, {-0.3f}};
  /** Validation targets that training on Y first approaches, then leaves. */
  private static final float[][] VAL_Y = {{0.3f}, {0.2f}, {0.4f}, {0.3f}, {0.3f}, {0.2f}};

  private static Model model() {
    return Sequential.of(Dense.of(1).inputShape(2)).seed(3)
        .compile(SGD.of().learningRate(0.5), io.tfbridge.losses.Losses.get("mse"));
  }

  @Test
  void restoreBestWeightsRestoresTheBestEpochsWeights() {
    try (Model model = model()) {
      List<List<float[]>> perEpoch = new ArrayList<>();
      LambdaCallback recorder = LambdaCallback.builder()
          .onEpochEnd((epoch, logs) -> perEpoch.add(model.getWeights())).build();
      EarlyStopping stop = EarlyStopping.of().patience(2).restoreBestWeights(true);
      History history = model.fit(HostArrays.of(X), HostArrays.of(Y), FitOptions.epochs(40)
          .batchSize(6).shuffle(false).verbose(0)
          .validationData(HostArrays.of(X), HostArrays.of(VAL_Y)).callbacks(recorder, stop));
      List<Double> valLoss = history.get("val_loss");
      int best = argmin(valLoss);
      assertTrue(history.epochs() < 40, "stopped early: " + valLoss);
      assertEquals(history.epochs() - 1, stop.stoppedEpoch());
      assertEquals(best, stop.bestEpoch(), valLoss.toString());
      assertTrue(best > 0 && best < history.epochs() - 1, "a best epoch inside the run: " + valLoss);
      List<float[]> restored = model.getWeights();
      for (int i = 0; i < restored.size(); i++) {
        assertArrayEquals(perEpoch.get(best).get(i), restored.get(i));
      }
      assertFalse(java.util.Arrays.equals(perEpoch.get(history.epochs() - 1).get(0),
          restored.get(0)), "the last epoch's weights differ from the best's");
    }
  }

  private static int argmin(List<Double> values) {
    int best = 0;
    for (int i = 1; i < values.size(); i++) {
      best = values.get(i) < values.get(best) ? i : best;
    }
    return best;
  }

  @Test
  void reduceLrOnPlateauLowersTheRateInFitAndLogsIt() {
    try (Model model = model()) {
      ReduceLROnPlateau plateau = ReduceLROnPlateau.of().factor(0.5).patience(1);
      History history = model.fit(HostArrays.of(X), HostArrays.of(Y), FitOptions.epochs(12)
          .batchSize(6).shuffle(false).verbose(0)
          .validationData(HostArrays.of(X), HostArrays.of(VAL_Y)).callbacks(plateau));
      List<Double> rates = history.get("learning_rate");
      assertEquals(12, rates.size());
      assertEquals(0.5, rates.get(0), 1e-7);
      assertTrue(rates.get(11) < 0.5, "lowered at a plateau: " + rates);
      for (int i = 1; i < rates.size(); i++) {
        double before = rates.get(i - 1);
        double now = rates.get(i);
        assertTrue(now == before || now == (float) (before * 0.5), "kept or halved: " + rates);
      }
    }
  }
}

package io.tfbridge.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tfbridge.layers.Dense;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LambdaCallback calls the hooks it was given, at their moments, and nothing else. */
class LambdaCallbackTest {
  private static final float[][] X = {{0.1f, 0.2f}, {0.3f, -0.4f}, {-0.5f, 0.6f}, {0.7f, 0.1f}};
  private static final float[][] Y = {{1f}, {0f}, {1f}, {0f}};

  @Test
  void callsTheGivenHooksInFitEvaluateAndPredict() {
    List<String> events = new ArrayList<>();
    LambdaCallback hooks = LambdaCallback.builder()
        .onTrainBegin(logs -> events.add("train_begin"))
        .onEpochBegin((epoch, logs) -> events.add("epoch_begin:" + epoch))
        .onTrainBatchEnd((batch, logs) -> events.add("batch_end:" + batch + logs.keySet()))
        .onEpochEnd((epoch, logs) -> events.add("epoch_end:" + epoch + logs.keySet()))
        .onTestBegin(logs -> events.add("test_begin"))
        .onTrainEnd(logs -> events.add("train_end"))
        .build();
    try (Model model = Sequential.of(Dense.of(1).inputShape(2)).seed(1).compile("sgd", "mse")) {
      model.fit(X, Y, FitOptions.epochs(2).batchSize(4).validationSplit(0.5).verbose(0)
          .callbacks(hooks));
    }
    assertEquals(List.of("train_begin", "epoch_begin:0", "batch_end:0[loss]", "test_begin",
        "epoch_end:0[loss, val_loss]", "epoch_begin:1", "batch_end:0[loss]", "test_begin",
        "epoch_end:1[loss, val_loss]", "train_end"), events);
  }

  @Test
  void aHookGivenTwiceKeepsTheLast() {
    List<String> events = new ArrayList<>();
    LambdaCallback hooks = LambdaCallback.builder()
        .onEpochEnd((epoch, logs) -> events.add("first"))
        .onEpochEnd((epoch, logs) -> events.add("second")).build();
    hooks.onEpochEnd(0, new java.util.HashMap<>());
    hooks.onEpochBegin(0, new java.util.HashMap<>());
    assertEquals(List.of("second"), events);
  }
}

package io.tfbridge.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.Dense;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.optimizers.SGD;
import io.tfbridge.optimizers.schedules.ExponentialDecay;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad arguments are refused at once (or when fit starts, for a monitor) naming what is wrong. */
class CallbackArgumentsTest {
  private static final float[][] X = {{0.1f, 0.2f}, {0.3f, -0.4f}, {-0.5f, 0.6f}, {0.7f, 0.1f}};
  private static final float[][] Y = {{1f}, {0f}, {1f}, {0f}};

  private static String error(Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }

  @Test
  void reduceLrOnPlateauRefusesKerasBadArguments() {
    assertEquals("ReduceLROnPlateau does not support a factor >= 1.0. Received factor=1.0",
        error(() -> ReduceLROnPlateau.of().factor(1.0)));
    assertEquals("ReduceLROnPlateau: `patience` must be >= 0. Received: patience=-1",
        error(() -> ReduceLROnPlateau.of().patience(-1)));
    assertEquals("ReduceLROnPlateau: `cooldown` must be >= 0. Received: cooldown=-2",
        error(() -> ReduceLROnPlateau.of().cooldown(-2)));
    assertEquals("ReduceLROnPlateau: `min_lr` must be >= 0. Received: min_lr=-0.001",
        error(() -> ReduceLROnPlateau.of().minLr(-0.001)));
    assertEquals("ReduceLROnPlateau: `mode` must be one of \"auto\", \"min\", \"max\". Received: "
        + "mode=lowest", error(() -> ReduceLROnPlateau.of().mode("lowest")));
  }

  @Test
  void earlyStoppingRefusesBadArguments() {
    assertEquals("EarlyStopping: `patience` must be >= 0. Received: patience=-3",
        error(() -> EarlyStopping.of().patience(-3)));
    assertEquals("EarlyStopping: `start_from_epoch` must be >= 0. Received: start_from_epoch=-1",
        error(() -> EarlyStopping.of().startFromEpoch(-1)));
    assertEquals("EarlyStopping: `baseline` must be a finite number. Received: baseline=nan",
        error(() -> EarlyStopping.of().baseline(Double.NaN)));
    assertEquals("EarlyStopping: `mode` must be one of \"auto\", \"min\", \"max\". Received: "
        + "mode=MAX", error(() -> EarlyStopping.of().mode("MAX")));
  }

  @Test
  void anUnknownMonitorIsRefusedWhenFitStartsListingTheFigures() {
    try (Model model = Sequential.of(Dense.of(1).inputShape(2)).seed(1).compile("sgd", "mse")) {
      String message = error(() -> model.fit(X, Y,
          FitOptions.epochs(2).verbose(0).callbacks(EarlyStopping.of().monitor("val_acc"))));
      assertEquals("EarlyStopping: unknown `monitor`=val_acc. The model reports: loss, val_loss, "
          + "learning_rate", message);
      message = error(() -> model.fit(X, Y,
          FitOptions.epochs(2).verbose(0).callbacks(ReduceLROnPlateau.of().monitor("acc"))));
      assertTrue(message.startsWith("ReduceLROnPlateau: unknown `monitor`=acc."), message);
    }
  }

  @Test
  void aScheduledRateCannotBeLoweredAsInKeras() {
    var schedule = ExponentialDecay.of(0.1, 10, 0.9);
    try (Model model = Sequential.of(Dense.of(1).inputShape(2)).seed(1)
        .compile(SGD.of().learningRate(schedule), io.tfbridge.losses.Losses.get("mse"))) {
      var e = assertThrows(IllegalStateException.class, () -> model.fit(X, Y, FitOptions.epochs(2)
          .verbose(0).callbacks(ReduceLROnPlateau.of().monitor("loss").mode("max").patience(0))));
      assertTrue(e.getMessage().contains("`LearningRateSchedule`"), e.getMessage());
    }
  }

  @Test
  void terminateOnNanEndsADivergingFitAfterTheBatch() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    float[][] big = {{1e18f, 1e18f}, {-1e18f, 1e18f}, {1e18f, -1e18f}, {1e18f, 1e18f}};
    try (Model model = Sequential.of(Dense.of(1).inputShape(2)).seed(1)
        .compile(SGD.of().learningRate(1e10), io.tfbridge.losses.Losses.get("mse"))) {
      List<Integer> batches = new ArrayList<>();
      LambdaCallback count = LambdaCallback.builder()
          .onTrainBatchEnd((batch, logs) -> batches.add(batch)).build();
      History history = model.fit(big, Y, FitOptions.epochs(5).batchSize(1).shuffle(false)
          .verbose(0).callbacks(new TerminateOnNaN()
              .printTo(new PrintStream(printed, true, StandardCharsets.UTF_8)), count));
      int last = batches.get(batches.size() - 1);
      assertEquals(1, history.epochs(), "the epoch ends, no other starts");
      assertEquals("Batch " + last + ": Invalid loss, terminating training\n",
          printed.toString(StandardCharsets.UTF_8));
      assertTrue(last < 3, "stopped after the first bad batch: " + batches);
    }
  }
}

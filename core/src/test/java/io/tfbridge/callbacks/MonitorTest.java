package io.tfbridge.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.layers.Dense;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keras's MonitorCallback rules: direction by name or metric, min_delta, unknown figures refused. */
class MonitorTest {
  private static Model model() {
    return Sequential.of(Dense.of(3).activation(io.tfbridge.activations.Activation.SOFTMAX)
        .inputShape(2)).seed(1).compile("sgd", "sparse_categorical_crossentropy", "accuracy");
  }

  @Test
  void autoModeMinimizesLossesAndMaximizesAccuracy() {
    try (Model model = model()) {
      Monitor loss = Monitor.of("EarlyStopping", "val_loss", "auto", 0.1);
      loss.setModel(model);
      assertTrue(loss.minimizes());
      assertTrue(loss.isImprovement(0.5, null));
      assertTrue(loss.isImprovement(0.39, 0.5));
      assertFalse(loss.isImprovement(0.41, 0.5), "within min_delta is no improvement");
      Monitor accuracy = Monitor.of("EarlyStopping", "accuracy", "auto", -0.1);
      accuracy.setModel(model);
      assertFalse(accuracy.minimizes());
      assertTrue(accuracy.isImprovement(0.61, 0.5));
      assertFalse(accuracy.isImprovement(0.59, 0.5));
      Monitor forced = Monitor.of("EarlyStopping", "accuracy", "min", 0);
      forced.setModel(model);
      assertTrue(forced.minimizes());
      assertEquals(0.25, forced.value(Map.of("accuracy", 0.25)).getAsDouble());
      assertTrue(forced.value(Map.of("loss", 1.0)).isEmpty());
    }
  }

  @Test
  void eachMetricImprovesTheWayKerasSays() {
    try (Model model = Sequential.of(Dense.of(3).activation(io.tfbridge.activations.Activation.SOFTMAX)
        .inputShape(2)).seed(1).compile(io.tfbridge.optimizers.SGD.of(),
            java.util.List.of(io.tfbridge.losses.Losses.get("categorical_crossentropy")), null,
            java.util.List.of("mae", "auc", "cosine_similarity", "kl_divergence"))) {
      java.util.Map<String, Boolean> minimizes = new java.util.LinkedHashMap<>();
      for (String name : java.util.List.of("val_mae", "auc", "cosine_similarity")) {
        Monitor m = Monitor.of("EarlyStopping", name, "auto", 0);
        m.setModel(model);
        minimizes.put(name, m.minimizes());
      }
      assertEquals(java.util.Map.of("val_mae", true, "auc", false,
          "cosine_similarity", false), minimizes);
      Monitor kld = Monitor.of("EarlyStopping", "kl_divergence", "auto", 0);
      var e = assertThrows(IllegalArgumentException.class, () -> kld.setModel(model));
      assertTrue(e.getMessage().contains("Pass `mode='max'`"), e.getMessage());
    }
  }

  @Test
  void anUnknownMonitorOrModeIsRefusedWithTheChoices() {
    try (Model model = model()) {
      Monitor typo = Monitor.of("EarlyStopping", "val_acc", "auto", 0);
      var e = assertThrows(IllegalArgumentException.class, () -> typo.setModel(model));
      assertEquals("EarlyStopping: unknown `monitor`=val_acc. The model reports: loss, accuracy, "
          + "val_loss, val_accuracy, learning_rate", e.getMessage());
    }
    var e = assertThrows(IllegalArgumentException.class,
        () -> Monitor.of("ReduceLROnPlateau", "val_loss", "lowest", 0));
    assertEquals("ReduceLROnPlateau: `mode` must be one of \"auto\", \"min\", \"max\". Received: "
        + "mode=lowest", e.getMessage());
  }
}

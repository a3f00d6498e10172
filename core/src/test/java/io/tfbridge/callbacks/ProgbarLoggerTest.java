package io.tfbridge.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgbarLoggerTest {
  @Test
  void printsKerasLikeEpochLine() {
    ProgbarLogger logger = new ProgbarLogger(System.out);
    logger.setParams(new TrainingParams(30, 84, 1));
    Map<String, Double> logs = new LinkedHashMap<>();
    logs.put("loss", 0.45211);
    logs.put("accuracy", 0.85416);
    logs.put("val_loss", 0.41);
    logs.put("val_accuracy", 0.875);
    assertEquals("Epoch 3/30 - 84/84 - 1s - 14ms/step - loss: 0.4521 - accuracy: 0.8542 - val_loss: 0.4100 "
        + "- val_accuracy: 0.8750", logger.line(2, logs, 1.2));
  }

  @Test
  void historyKeepsEveryEpochAndNamesWhatItHas() {
    History h = new History();
    h.onEpochEnd(0, Map.of("loss", 1.0));
    h.onEpochEnd(1, Map.of("loss", 0.5));
    assertEquals(java.util.List.of(1.0, 0.5), h.get("loss"));
    assertEquals(2, h.epochs());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> h.get("val_loss"));
    assertEquals("History has no 'val_loss'; it has [loss]", e.getMessage());
  }
}

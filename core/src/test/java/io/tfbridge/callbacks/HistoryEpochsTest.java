package io.tfbridge.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tfbridge.layers.Dense;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** History.epochsOf: the epoch of each value of a figure, so a plot puts it where it belongs. */
class HistoryEpochsTest {
  @Test
  void eachFigureKnowsTheEpochsOfItsValues() {
    History h = new History();
    h.onEpochEnd(0, Map.of("loss", 1.0));
    h.onEpochEnd(1, Map.of("loss", 0.8, "val_loss", 0.9));
    h.onEpochEnd(2, Map.of("loss", 0.6));
    assertEquals(List.of(0, 1, 2), h.epochsOf("loss"));
    assertEquals(List.of(1), h.epochsOf("val_loss"));
    var e = assertThrows(IllegalArgumentException.class, () -> h.epochsOf("accuracy"));
    assertEquals("History has no 'accuracy'; it has [loss, val_loss]", e.getMessage());
  }

  @Test
  void validationFreqValuesCarryTheirEpochs() {
    float[][] x = {{0.1f, 0.2f}, {0.3f, -0.4f}, {-0.5f, 0.6f}, {0.7f, 0.1f}, {0.2f, -0.3f}};
    float[][] y = {{1f}, {0f}, {1f}, {0f}, {1f}};
    try (Model model = Sequential.of(Dense.of(1).inputShape(2)).seed(1).compile("sgd", "mse")) {
      History h = model.fit(x, y, FitOptions.epochs(5).validationSplit(0.4).validationFreq(2)
          .verbose(0));
      assertEquals(List.of(0, 1, 2, 3, 4), h.epochsOf("loss"));
      assertEquals(List.of(1, 3), h.epochsOf("val_loss"));
      assertEquals(2, h.get("val_loss").size());
    }
  }
}

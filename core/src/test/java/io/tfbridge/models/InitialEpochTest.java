package io.tfbridge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.callbacks.Callback;
import io.tfbridge.callbacks.History;
import io.tfbridge.layers.Dense;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keras's {@code initial_epoch}: a resumed fit runs only the epochs after it. */
class InitialEpochTest {

  @Test
  void fitRunsTheEpochsFromInitialEpoch() {
    List<Integer> seen = new ArrayList<>();
    Callback recorder = new Callback() {
      @Override
      public void onEpochEnd(int epoch, Map<String, Double> logs) {
        seen.add(epoch);
      }
    };
    float[][] x = {{0.1f, 0.2f}, {0.3f, -0.4f}, {-0.5f, 0.6f}};
    float[][] y = {{1f}, {0f}, {1f}};
    try (Model model = Sequential.of(Dense.of(1).inputShape(2)).seed(1).compile("sgd", "mse")) {
      History history = model.fit(x, y, FitOptions.epochs(5).initialEpoch(3).verbose(0)
          .callbacks(recorder));
      assertEquals(List.of(3, 4), seen);
      assertEquals(2, history.get("loss").size());
    }
  }

  @Test
  void aCallbackCanMoveTheStartWhenTrainingBegins() {
    List<Integer> seen = new ArrayList<>();
    Callback resumer = new Callback() {
      Model model;

      @Override
      public void setModel(Model model) {
        this.model = model;
      }

      @Override
      public void onTrainBegin(Map<String, Double> logs) {
        model.setInitialEpoch(2);
      }

      @Override
      public void onEpochEnd(int epoch, Map<String, Double> logs) {
        seen.add(epoch);
      }
    };
    float[][] x = {{0.1f, 0.2f}, {0.3f, -0.4f}};
    float[][] y = {{1f}, {0f}};
    try (Model model = Sequential.of(Dense.of(1).inputShape(2)).seed(1).compile("sgd", "mse")) {
      model.fit(x, y, FitOptions.epochs(4).verbose(0).callbacks(resumer));
      assertEquals(List.of(2, 3), seen);
      seen.clear();
      model.setInitialEpoch(3); // outside onTrainBegin: not honoured
      model.fit(x, y, FitOptions.epochs(2).verbose(0).callbacks(new Callback() {
        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
          seen.add(epoch);
        }
      }));
      assertEquals(List.of(0, 1), seen);
    }
  }

  @Test
  void aNegativeInitialEpochIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> FitOptions.epochs(2).initialEpoch(-1));
    assertTrue(e.getMessage().contains("initial_epoch=-1"), e.getMessage());
  }
}

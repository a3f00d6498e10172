package io.tfbridge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tfbridge.layers.Dense;
import io.tfbridge.layers.SimpleRNN;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Variables are graph ops named exactly by their Keras paths: what Python sees in a SavedModel. */
class VariableNamesTest {

  @Test
  void everyVariableOpIsNamedByItsKerasPath() {
    Sequential spec = Sequential.of(SimpleRNN.of(3).inputShape(4, 2), Dense.of(4), Dense.of(2))
        .seed(1);
    try (Model model = spec.compile("adam", "mse")) {
      Map<String, String> names = model.graph().variableNames();
      names.forEach((path, op) -> assertEquals(path, op, "variable " + path));
      assertEquals("dense_1/bias", names.get("dense_1/bias"));
      assertEquals("adam/iteration", names.get("adam/iteration"));
    }
  }
}

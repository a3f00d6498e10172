package io.tfbridge.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tfbridge.data.MiniJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** accuracyScore and argmax against sklearn and numpy (golden.json). */
class MetricsTest {

  @Test
  void accuracyMatchesScikitLearn() {
    for (Object o : MiniJson.list(Golden.get("accuracy_score"))) {
      Map<String, Object> c = MiniJson.obj(o);
      int[] yTrue = MiniJson.ints(c.get("y_true"));
      double actual = Metrics.accuracyScore(yTrue, MiniJson.ints(c.get("y_pred")));
      assertEquals(((Number) c.get("expected")).doubleValue(), actual, 0.0, c.toString());
    }
  }

  @Test
  void argmaxMatchesNumpyIncludingTiesAndNaN() {
    Map<String, Object> c = MiniJson.obj(Golden.get("argmax"));
    int[] actual = Metrics.argmax(MiniJson.floatMatrix(c.get("probs")));
    assertArrayEquals(MiniJson.ints(c.get("expected")), actual);
  }

  @Test
  void lengthMismatchAndEmptyInputAreRejected() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Metrics.accuracyScore(new int[] {1, 2}, new int[] {1}));
    assertEquals("Found input variables with inconsistent numbers of samples: [2, 1]",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Metrics.accuracyScore(new int[0], new int[0]));
    assertEquals("Found empty input array (e.g., `y_true` or `y_pred`) while a minimum of 1 "
        + "sample is required.", e.getMessage());
  }

  @Test
  void argmaxOfAnEmptyRowNamesTheRow() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Metrics.argmax(new float[][] {{1}, {}}));
    assertEquals("attempt to get argmax of an empty sequence: row 1 has 0 values, expected at "
        + "least 1", e.getMessage());
    assertArrayEquals(new int[0], Metrics.argmax(new float[0][]));
  }
}

package io.tfbridge.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tfbridge.data.MiniJson;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** toCategorical against keras.utils.to_categorical (golden.json). */
class UtilsTest {

  static Stream<Map<String, Object>> kerasCases() {
    return MiniJson.list(Golden.get("to_categorical")).stream().map(MiniJson::obj);
  }

  @ParameterizedTest
  @MethodSource("kerasCases")
  void matchesKeras(Map<String, Object> c) {
    int[] y = MiniJson.ints(c.get("y"));
    Object n = c.get("num_classes");
    float[][] actual =
        n == null ? Utils.toCategorical(y) : Utils.toCategorical(y, ((Number) n).intValue());
    assertArrayEquals(MiniJson.floatMatrix(c.get("expected")), actual, c.toString());
  }

  @Test
  void outOfRangeLabelNamesIndexAndValue() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Utils.toCategorical(new int[] {0, 1, 3}, 3));
    assertEquals("label y[2] = 3 is out of range: expected 0 <= label < num_classes = 3",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Utils.toCategorical(new int[] {2, -1}));
    assertEquals("label y[1] = -1 is out of range: expected 0 <= label < num_classes = 3",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Utils.toCategorical(new int[] {-4}));
    assertEquals("label y[0] = -4 is out of range: expected 0 <= label < num_classes = 1",
        e.getMessage());
  }

  @Test
  void badNumClassesAndEmptyInput() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Utils.toCategorical(new int[] {0}, 0));
    assertEquals("num_classes must be >= 1, found 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Utils.toCategorical(new int[0]));
    assertEquals("cannot infer num_classes from 0 labels: expected at least one label or "
        + "num_classes", e.getMessage());
  }
}

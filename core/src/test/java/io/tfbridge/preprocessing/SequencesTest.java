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

/** padSequences against keras.utils.pad_sequences (golden.json). */
class SequencesTest {

  static Stream<Map<String, Object>> kerasCases() {
    return MiniJson.list(Golden.get("pad_sequences")).stream().map(MiniJson::obj);
  }

  @ParameterizedTest
  @MethodSource("kerasCases")
  void matchesKeras(Map<String, Object> c) {
    int[][] sequences = MiniJson.intMatrix(c.get("sequences"));
    Integer maxlen = c.get("maxlen") == null ? null : ((Number) c.get("maxlen")).intValue();
    String padding = (String) c.getOrDefault("padding", "pre");
    String truncating = (String) c.getOrDefault("truncating", "pre");
    int value = ((Number) c.getOrDefault("value", 0L)).intValue();
    int[][] actual = Sequences.padSequences(sequences, maxlen, padding, truncating, value);
    assertArrayEquals(MiniJson.intMatrix(c.get("expected")), actual, c.toString());
  }

  @Test
  void theLessonExample() {
    int[][] x = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
    int[][] padded = Sequences.padSequences(x, 5, "post", "pre", 0);
    assertArrayEquals(new int[][] {{1, 2, 3, 0, 0}, {4, 5, 6, 0, 0}, {7, 8, 9, 0, 0}}, padded);
    assertArrayEquals(new int[] {1, 2, 3}, x[0], "input untouched");
  }

  @Test
  void defaultsArePrePrePaddingWithZero() {
    int[][] x = {{1}, {2, 3, 4}};
    assertArrayEquals(new int[][] {{0, 0, 1}, {2, 3, 4}}, Sequences.padSequences(x));
    assertArrayEquals(new int[][] {{1}, {4}}, Sequences.padSequences(x, 1));
  }

  @Test
  void maxlenZeroGivesEmptyRowsEvenWithPreTruncating() {
    assertArrayEquals(new int[][] {{}, {}}, Sequences.padSequences(new int[][] {{1, 2}, {3}}, 0));
  }

  @Test
  void badArgumentsSayWhatIsExpected() {
    int[][] x = {{1}};
    var e = assertThrows(IllegalArgumentException.class,
        () -> Sequences.padSequences(x, 2, "middle", "pre", 0));
    assertEquals("Padding type \"middle\" not understood: padding must be \"pre\" or \"post\"",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Sequences.padSequences(x, 2, "pre", "Post", 0));
    assertEquals("Truncating type \"Post\" not understood: truncating must be \"pre\" or \"post\"",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Sequences.padSequences(x, -1));
    assertEquals("maxlen must be >= 0 or null, found -1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Sequences.padSequences(new int[0][]));
    assertEquals("cannot infer maxlen from 0 sequences: expected at least one sequence or a "
        + "non-null maxlen", e.getMessage());
  }
}

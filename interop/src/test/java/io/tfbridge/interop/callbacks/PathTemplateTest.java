package io.tfbridge.interop.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python's {@code str.format} as ModelCheckpoint fills a file path. */
class PathTemplateTest {

  /** Each case: spec, value, and what Python 3's {@code format(value, spec)} returns. */
  @Test
  void formatsNumbersAsPython() {
    List<Object[]> cases = List.of(
        new Object[] {"02d", 3, "03"},
        new Object[] {".2f", 0.123456, "0.12"},
        new Object[] {"", 0.30000001192092896, "0.30000001192092896"},
        new Object[] {".3e", 0.000123456, "1.235e-04"},
        new Object[] {"g", 1234567.0, "1.23457e+06"},
        new Object[] {".3g", 0.0001234, "0.000123"},
        new Object[] {"08.3f", -1.5, "-001.500"},
        new Object[] {"+.1%", 0.256, "+25.6%"},
        new Object[] {".2f", 2.675, "2.67"}, // the binary value is below 2.675
        new Object[] {">6d", 42, "    42"},
        new Object[] {"<6d", 42, "42    "},
        new Object[] {"^7.1f", 2.25, "  2.2  "}); // half to even
    for (Object[] c : cases) {
      assertEquals(c[2], FormatSpec.parse((String) c[0]).format((Number) c[1]),
          () -> "format(" + c[1] + ", '" + c[0] + "')");
    }
  }

  @Test
  void fillsPlaceholdersAndBraces() {
    PathTemplate t = PathTemplate.of("ckpt/{{run}}-{epoch:02d}-{val_loss:.2f}-{batch}.keras");
    Map<String, Number> values = new LinkedHashMap<>();
    values.put("epoch", 3);
    values.put("batch", 12);
    values.put("val_loss", 0.4567);
    assertEquals("ckpt/{run}-03-0.46-12.keras", t.format(values));
    assertEquals(List.of("epoch", "val_loss", "batch"), List.copyOf(t.names()));
  }

  @Test
  void aMissingPlaceholderNamesItAndTheValuesThereAre() {
    PathTemplate t = PathTemplate.of("m-{val_acc:.3f}.keras");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> t.format(Map.of("epoch", 1)));
    assertEquals("Failed to format this callback filepath: \"m-{val_acc:.3f}.keras\". Reason: no "
        + "value for the placeholder {val_acc}; the values available are epoch", e.getMessage());
  }

  @Test
  void badTemplatesAreRefusedAtOnce() {
    for (String bad : List.of("m-{epoch.keras", "m-}.keras", "m-{}.keras", "m-{epoch!r}.keras",
        "m-{epoch:,d}.keras")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> PathTemplate.of(bad), bad);
      assertTrue(e.getMessage().startsWith("Failed to format this callback filepath: \"" + bad
          + "\". Reason: "), e.getMessage());
    }
    PathTemplate floatAsInt = PathTemplate.of("m-{loss:d}.keras");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> floatAsInt.format(Map.of("loss", 0.5)));
    assertTrue(e.getMessage().endsWith("{loss}: Unknown format code 'd' for object of type 'float'"),
        e.getMessage());
  }
}

package io.tfbridge.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keras's Progbar: a line redrawn in place on a terminal, printed once elsewhere. */
class ProgbarTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Map<String, Double> logs(double loss) {
    Map<String, Double> logs = new LinkedHashMap<>();
    logs.put("loss", loss);
    logs.put("accuracy", 0.5);
    return logs;
  }

  @Test
  void onATerminalTheLineIsRedrawnWithTheEtaThenFinishedWithTheElapsedTime() {
    Progbar bar = new Progbar(10, out, true);
    bar.update(5, logs(0.25), false);
    String running = printed();
    assertTrue(running.startsWith("\r\u001b[1m 5/10\u001b[0m \u001b[32m" + "━".repeat(10)),
        running);
    assertTrue(running.matches("(?s).*\u001b\\[0m \\d+s \\d+(us|ms|s)/step - loss: 0\\.2500 "
        + "- accuracy: 0\\.5000$"), running);
    bar.update(10, logs(0.0001), true);
    String done = printed().substring(running.length());
    assertTrue(done.startsWith("\r\u001b[1m10/10\u001b[0m \u001b[32m" + "━".repeat(20)), done);
    assertTrue(done.endsWith(" - loss: 1.0000e-04 - accuracy: 0.5000\n"), done);
  }

  @Test
  void elsewhereOnlyTheFinishedLineIsPrinted() {
    Progbar bar = new Progbar(84, out, false);
    bar.update(40, logs(0.3), false);
    assertEquals("", printed());
    bar.update(84, logs(0.3), true);
    assertTrue(printed().matches("84/84 ━{20} \\d+s \\d+(us|ms|s)/step - loss: 0\\.3000 - "
        + "accuracy: 0\\.5000\n"), printed());
  }

  @Test
  void timesAreFormattedAsKerasFormatsThem() {
    assertEquals("42s", Progbar.eta(42.7));
    assertEquals("3:07", Progbar.eta(187));
    assertEquals("1:02:03", Progbar.eta(3723));
    assertEquals("2s/step", Progbar.perStep(2.4));
    assertEquals("41ms/step", Progbar.perStep(0.041));
    assertEquals("650us/step", Progbar.perStep(0.00065));
  }
}

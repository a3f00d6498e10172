package io.tfbridge.callbacks;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * A Keras-style progress bar (Keras's {@code keras.utils.Progbar}): on a terminal it redraws one line
 * as steps complete, {@code 12/84 ━━━━━━━━━━━━━━━━━━━━ 3s 41ms/step - loss: 0.4521}, with the ETA
 * while running and the elapsed time once finished; elsewhere it prints that line once, when
 * finished. The values shown are given as they are (running means), not averaged again.
 *
 * <pre>{@code
 * Progbar bar = new Progbar(84, System.out, false);
 * bar.update(84, Map.of("loss", 0.45), true);
 * }</pre>
 */
public final class Progbar {
  private static final int WIDTH = 20;
  private static final double INTERVAL_SECONDS = 0.05;
  private final int target;
  private final PrintStream out;
  private final boolean dynamic;
  private final long start = System.nanoTime();
  private long lastUpdate;
  private int previousWidth;

  /**
   * A bar for {@code target} steps printing to {@code out}, redrawn in place when {@code dynamic} (a
   * terminal), else printed once when finished.
   */
  public Progbar(int target, PrintStream out, boolean dynamic) {
    this.target = target;
    this.out = out;
    this.dynamic = dynamic;
  }

  /** Shows {@code current} steps done with these figures; {@code finalize} ends the line. */
  public void update(int current, Map<String, Double> values, boolean finalize) {
    long now = System.nanoTime();
    if (!finalize && (!dynamic || (now - lastUpdate) / 1e9 < INTERVAL_SECONDS)) {
      return;
    }
    lastUpdate = now;
    String count = count(current);
    double elapsed = (now - start) / 1e9;
    double perStep = current > 0 ? elapsed / current : 0;
    String time = finalize ? String.format(Locale.ROOT, "%.0fs", elapsed)
        : eta(perStep * (target - current));
    String line = count + " " + bar(current) + " " + time + " " + perStep(perStep)
        + figures(values);
    if (dynamic) {
      int pad = Math.max(0, previousWidth - line.length());
      out.print("\r" + styled(count, current) + line.substring(count.length() + 1 + WIDTH)
          + " ".repeat(pad) + (finalize ? "\n" : ""));
      previousWidth = line.length();
      out.flush();
    } else {
      out.println(line);
    }
  }

  private String count(int current) {
    int digits = String.valueOf(target).length();
    return String.format(Locale.ROOT, "%" + digits + "d/%d", current, target);
  }

  private String bar(int current) {
    int done = target > 0 ? (int) (WIDTH * (double) current / target) : 0;
    return "━".repeat(done) + "━".repeat(WIDTH - done);
  }

  /** The count in bold and the bar in green (done) and grey, as Keras draws them. */
  private String styled(String count, int current) {
    int done = target > 0 ? (int) (WIDTH * (double) current / target) : 0;
    return "\u001b[1m" + count + "\u001b[0m " + "\u001b[32m" + "━".repeat(done) + "\u001b[0m"
        + "\u001b[37m" + "━".repeat(WIDTH - done) + "\u001b[0m";
  }

  /** Seconds left as Keras prints them: {@code 42s}, {@code 3:07}, {@code 1:02:03}. */
  static String eta(double seconds) {
    long s = (long) seconds;
    if (seconds > 3600) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
    }
    return seconds > 60 ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60) : s + "s";
  }

  /** The time per step as Keras prints it: {@code 2s/step}, {@code 41ms/step}, {@code 650us/step}. */
  static String perStep(double seconds) {
    if (seconds >= 1 || seconds == 0) {
      return String.format(Locale.ROOT, "%.0fs/step", seconds);
    }
    return seconds >= 1e-3 ? String.format(Locale.ROOT, "%.0fms/step", seconds * 1e3)
        : String.format(Locale.ROOT, "%.0fus/step", seconds * 1e6);
  }

  /** {@code " - loss: 0.4521 - accuracy: 0.8542"}, tiny values in exponent form as Keras does. */
  static String figures(Map<String, Double> values) {
    StringBuilder text = new StringBuilder();
    values.forEach((name, value) -> text.append(" - ").append(name).append(": ").append(
        String.format(Locale.ROOT, Math.abs(value) > 1e-3 ? "%.4f" : "%.4e", value)));
    return text.toString();
  }
}

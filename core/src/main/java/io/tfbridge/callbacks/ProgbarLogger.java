package io.tfbridge.callbacks;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a Keras-like line per epoch:
 * {@code Epoch 3/30 - 84/84 - 0s - loss: 0.4521 - accuracy: 0.8542 - val_loss: 0.4102 - val_accuracy: 0.8750}.
 */
public final class ProgbarLogger implements Callback {
  private final PrintStream out;
  private int epochs;
  private int steps;
  private long epochStart;

  /** A logger printing to {@code out}. */
  public ProgbarLogger(PrintStream out) {
    this.out = out;
  }

  @Override
  public void onTrainBegin(int epochs, int steps) {
    this.epochs = epochs;
    this.steps = steps;
  }

  @Override
  public void onEpochBegin(int epoch) {
    epochStart = System.nanoTime();
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    out.println(line(epoch, logs, (System.nanoTime() - epochStart) / 1e9));
  }

  /** The line printed for {@code epoch} (counting from 0). */
  String line(int epoch, Map<String, Double> logs, double seconds) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
        "Epoch %d/%d - %d/%d - %ds", epoch + 1, epochs, steps, steps, Math.round(seconds)));
    logs.forEach((name, value) ->
        line.append(String.format(Locale.ROOT, " - %s: %.4f", name, value)));
    return line.toString();
  }
}

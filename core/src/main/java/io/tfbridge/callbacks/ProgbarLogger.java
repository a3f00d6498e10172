package io.tfbridge.callbacks;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Prints training progress as Keras's {@code ProgbarLogger}. With verbose 1 on a terminal it prints
 * {@code Epoch 3/30}, then a {@link Progbar} redrawn after each batch, finished with the validation
 * figures. Otherwise (verbose 2, or output that is not a terminal) it prints one line per epoch:
 * {@code Epoch 3/30 - 84/84 - 0s - 3ms/step - loss: 0.4521 - accuracy: 0.8542 - val_loss: 0.4102}.
 *
 * <pre>{@code
 * FitOptions options = FitOptions.epochs(3).verbose(0).callbacks(new ProgbarLogger(System.out));
 * }</pre>
 */
public final class ProgbarLogger implements Callback {
  private final PrintStream out;
  private final boolean dynamic;
  private int epochs;
  private int steps;
  private int epoch;
  private Progbar bar;
  private long epochStart;

  /** A logger printing one line per epoch to {@code out}. */
  public ProgbarLogger(PrintStream out) {
    this(out, false);
  }

  /** A logger printing to {@code out}, with a bar redrawn in place when {@code dynamic}. */
  public ProgbarLogger(PrintStream out, boolean dynamic) {
    this.out = out;
    this.dynamic = dynamic;
  }

  /**
   * The logger Keras's {@code verbose} asks for on standard output: a live bar when 1 and standard
   * output is a terminal, one line per epoch otherwise.
   */
  public static ProgbarLogger forVerbose(int verbose) {
    return new ProgbarLogger(System.out, verbose == 1 && System.console() != null);
  }

  @Override
  public void setParams(TrainingParams params) {
    this.epochs = params.epochs();
    this.steps = params.steps();
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    this.epoch = epoch;
    epochStart = System.nanoTime();
    if (dynamic) {
      out.printf(Locale.ROOT, "Epoch %d/%d%n", epoch + 1, epochs);
      bar = new Progbar(steps, out, true);
    }
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    if (bar != null && batch + 1 < steps) {
      bar.update(batch + 1, logs, false);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (bar != null) {
      bar.update(steps, logs, true);
      bar = null;
    } else {
      out.println(line(epoch, logs, (System.nanoTime() - epochStart) / 1e9));
    }
  }

  /** The line printed for {@code epoch} (counting from 0) when not drawing a bar. */
  String line(int epoch, Map<String, Double> logs, double seconds) {
    return String.format(Locale.ROOT, "Epoch %d/%d - %d/%d - %ds - %s", epoch + 1, epochs, steps,
        steps, Math.round(seconds), Progbar.perStep(steps > 0 ? seconds / steps : 0))
        + Progbar.figures(logs);
  }
}

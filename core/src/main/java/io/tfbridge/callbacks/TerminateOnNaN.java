package io.tfbridge.callbacks;

import io.tfbridge.models.Model;
import io.tfbridge.utils.PyFormat;
import java.io.PrintStream;
import java.util.Map;

/**
 * Stops training after a batch whose loss is NaN or infinite, as Keras's
 * {@code keras.callbacks.TerminateOnNaN}: it prints {@code Batch 3: Invalid loss, terminating
 * training} and sets {@code stop_training}, so the epoch still ends and every callback's
 * {@code onTrainEnd} runs. With {@code raise_error} it throws at once instead.
 *
 * <pre>{@code
 * model.fit(x, y, FitOptions.epochs(5).verbose(0).callbacks(new TerminateOnNaN()));
 * }</pre>
 */
public final class TerminateOnNaN implements Callback {
  private final boolean raiseError;
  private final PrintStream out;
  private Model model;

  /** Stops training gracefully (Keras's default {@code raise_error=False}), printing to stdout. */
  public TerminateOnNaN() {
    this(false, System.out);
  }

  private TerminateOnNaN(boolean raiseError, PrintStream out) {
    this.raiseError = raiseError;
    this.out = out;
  }

  /** Whether a NaN or infinite loss throws an {@link IllegalStateException} instead. */
  public TerminateOnNaN raiseError(boolean value) {
    return new TerminateOnNaN(value, out);
  }

  /** Where the message goes (standard output by default). */
  public TerminateOnNaN printTo(PrintStream value) {
    return new TerminateOnNaN(raiseError, value);
  }

  @Override
  public void setModel(Model model) {
    this.model = model;
  }

  /**
   * Checks the batch's loss.
   *
   * @throws IllegalStateException with {@code raise_error}, when the loss is NaN or infinite
   */
  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    Double loss = logs.get("loss");
    if (loss == null || Double.isFinite(loss)) {
      return;
    }
    if (raiseError) {
      throw new IllegalStateException("NaN or Inf loss encountered at batch " + batch
          + ". Loss value: " + PyFormat.repr(loss) + ". Terminating training immediately.");
    }
    CallbackArgs.printMsg(out, "Batch " + batch + ": Invalid loss, terminating training");
    model.setStopTraining(true);
  }
}

package io.tfbridge.examples;

import io.tfbridge.callbacks.ProgbarLogger;
import io.tfbridge.callbacks.PyFormat;
import io.tfbridge.models.FitOptions;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Where a lesson prints: its results, as Python's {@code print("Label:", value)} would show
 * them, and, unless quiet, Keras's per-epoch progress lines during {@code fit}.
 *
 * <pre>{@code
 * LessonConsole console = new LessonConsole(System.out, true);
 * model.fit(x, y, console.progress(FitOptions.epochs(30).batchSize(10)));
 * console.print("Accuracy:", 0.9777777777777777);   // Accuracy: 0.9777777777777777
 * }</pre>
 */
public final class LessonConsole {
  private final PrintStream out;
  private final boolean progress;

  /**
   * A console printing to {@code out}.
   *
   * @param out where results (and progress) go
   * @param progress whether {@code fit} prints a line per epoch, as Keras's {@code verbose=1}
   */
  public LessonConsole(PrintStream out, boolean progress) {
    this.out = out;
    this.progress = progress;
  }

  /** A console that prints nothing at all, for benchmarks. */
  public static LessonConsole silent() {
    return new LessonConsole(new PrintStream(OutputStream.nullOutputStream()), false);
  }

  /** The stream results go to. */
  public PrintStream out() {
    return out;
  }

  /** Whether {@code fit} prints progress. */
  public boolean showsProgress() {
    return progress;
  }

  /**
   * The lesson's fit options with progress routed to this console: Keras's own verbosity is turned
   * off and, unless quiet, a {@link ProgbarLogger} on {@link #out()} prints each epoch instead.
   */
  public FitOptions progress(FitOptions lessonOptions) {
    FitOptions options = lessonOptions.verbose(0);
    return progress ? options.callbacks(new ProgbarLogger(out)) : options;
  }

  /** Python's {@code print(label, value)} of a float: {@code Accuracy: 0.9777777777777777}. */
  public void print(String label, double value) {
    out.println(label + " " + PyFormat.repr(value));
  }

  /** Python's {@code print(label, array)} for a 2-D float32 numpy array. */
  public void print(String label, float[][] array) {
    out.println(label + " " + PyFormat.array(array));
  }

  /** A line of text. */
  public void println(String line) {
    out.println(line);
  }
}

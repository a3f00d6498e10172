package io.tfbridge.examples;

import io.tfbridge.callbacks.Callback;
import io.tfbridge.callbacks.History;
import io.tfbridge.callbacks.ProgbarLogger;
import io.tfbridge.utils.PyFormat;
import io.tfbridge.models.FitOptions;
import io.tfbridge.plot.HistoryPlot;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
  private final List<Callback> callbacks;
  private final Path plot;

  /**
   * A console printing to {@code out}.
   *
   * @param out where results (and progress) go
   * @param progress whether {@code fit} prints a line per epoch, as Keras's {@code verbose=1}
   */
  public LessonConsole(PrintStream out, boolean progress) {
    this(out, progress, List.of(), null);
  }

  private LessonConsole(PrintStream out, boolean progress, List<Callback> callbacks, Path plot) {
    this.out = out;
    this.progress = progress;
    this.callbacks = callbacks;
    this.plot = plot;
  }

  /** A copy whose {@link #progress} options also get {@code callback} (a TensorBoard, ...). */
  public LessonConsole withCallback(Callback callback) {
    List<Callback> all = new ArrayList<>(callbacks);
    all.add(callback);
    return new LessonConsole(out, progress, List.copyOf(all), plot);
  }

  /** This console, {@link #plot} writing a PNG of the History to {@code png}. */
  public LessonConsole plotTo(Path png) {
    return new LessonConsole(out, progress, callbacks, png);
  }

  /**
   * Writes the plot of a run's History, titled, to the {@link #plotTo} file; does nothing
   * without one.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public void plot(History history, String title) {
    if (plot != null) {
      try {
        HistoryPlot.of(history).title(title).save(plot);
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    }
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
   * off and, unless quiet, a {@link ProgbarLogger} on {@link #out()} prints each epoch instead (a
   * live bar on a terminal, one line per epoch otherwise); then the console's callbacks
   * ({@link #withCallback}), as Keras puts its progress bar first.
   */
  public FitOptions progress(FitOptions lessonOptions) {
    FitOptions options = lessonOptions.verbose(0);
    options = progress ? options.callbacks(new ProgbarLogger(out, System.console() != null))
        : options;
    return options.callbacks(callbacks.toArray(Callback[]::new));
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

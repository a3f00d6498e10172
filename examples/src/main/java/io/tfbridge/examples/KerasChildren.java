package io.tfbridge.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfbridge.data.Npy;
import io.tfbridge.data.NpyArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The workloads that need a process of their own on each side: peak resident memory of CNN training
 * (the OS's high-water mark of the process) and the cold start of a one-row SavedModel prediction
 * (the whole process, timed from outside). The Java side runs this JVM's class path.
 */
final class KerasChildren {
  private static final int RSS_EPOCHS = 2;
  private final Path python;
  private final Path script;

  /** With {@code python} null, only the Java side runs. */
  KerasChildren(Path python, Path script) {
    this.python = python;
    this.script = script;
  }

  /** Peak RSS in MB of CNN training ({@value #RSS_EPOCHS} epochs): {tfbridge, Keras}. */
  double[] peakRss(BenchDigits digits, int samples) throws IOException {
    ChildRun java = ChildRun.run(ChildRun.java("io.tfbridge.examples.Cli", "bench",
        "--child-cnn-rss", String.valueOf(RSS_EPOCHS), "--samples", String.valueOf(samples)));
    double javaMb = Double.parseDouble(java.stdout().strip().replaceAll(".*peak_rss_mb ", ""));
    if (python == null) {
      return new double[] {javaMb, Double.NaN};
    }
    ChildRun py = ChildRun.run(List.of(python.toString(), script.toString(), "rss-cnn",
        digits.file("x"), digits.file("y"), String.valueOf(RSS_EPOCHS)));
    String last = py.stdout().strip().lines().reduce((a, b) -> b).orElse("{}");
    return new double[] {javaMb, new ObjectMapper().readTree(last).get("peak_rss_mb").asDouble()};
  }

  /**
   * Seconds from start to exit of {@code tfbridge predict DIR -i row.npy --output-dir ...} (the
   * prediction written beside the model) and of Python loading the
   * SavedModel and predicting the same row, alternately: {tfbridge runs, Keras runs}.
   */
  double[][] coldStart(Path savedModel, int rounds) throws IOException {
    Path row = savedModel.resolveSibling("row.npy");
    Npy.write(row, NpyArray.ofFloats(new float[] {0.1f, -0.3f, 0.8f, 0.2f}, 1, 4));
    double[][] seconds = {new double[rounds], new double[python == null ? 0 : rounds]};
    for (int r = 0; r < rounds; r++) {
      seconds[0][r] = ChildRun.run(ChildRun.java("io.tfbridge.examples.Cli", "predict",
          savedModel.toString(), "-i", row.toString(), "--output-dir",
          savedModel.getParent().toString())).seconds();
      if (python != null) {
        seconds[1][r] = ChildRun.run(List.of(python.toString(), script.toString(), "cold-start",
            savedModel.toString(), row.toString())).seconds();
      }
    }
    return seconds;
  }

  /** What {@code --child-cnn-rss} prints: {@code peak_rss_mb X}, from {@code /proc/self/status}. */
  static String peakRssLine() throws IOException {
    return String.format(Locale.ROOT, "peak_rss_mb %.1f", LoadBench.status("VmHWM:") / 1024.0);
  }
}

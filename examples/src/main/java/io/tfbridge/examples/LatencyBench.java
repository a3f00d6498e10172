package io.tfbridge.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfbridge.inference.Predictor;
import io.tfbridge.interop.savedmodel.SavedModelExport;
import io.tfbridge.interop.savedmodel.SavedModels;
import io.tfbridge.models.Model;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * One-row prediction latency of the iris MLP: tfbridge's {@code Model.predict}, a Keras-exported
 * SavedModel in tfbridge and in TensorFlow Python (its serving function, as Keras users call it),
 * and a bare TensorFlow Java {@code Session.run} of the same network, the floor.
 */
final class LatencyBench {
  private final PrintStream out;
  private final KerasProcess keras;
  private final int calls;

  LatencyBench(PrintStream out, KerasProcess keras, int calls) {
    this.out = out;
    this.keras = keras;
    this.calls = calls;
  }

  /**
   * Adds the latency rows to {@code table}; returns the SavedModel it timed (Keras's export when
   * Keras is there, else tfbridge's) for the cold-start row.
   */
  Path run(BenchTable table, Path work) throws IOException {
    double[] model;
    double[] loaded;
    Path dir;
    try (Model iris = JavaWorkloads.irisModel()) {
      model = JavaWorkloads.latency(iris, calls);
      dir = keras != null ? work.resolve("iris_keras") : work.resolve("iris_java");
      if (keras != null) {
        keras.call(Map.of("op", "export_iris", "dir", dir.toString()));
      } else {
        SavedModelExport.export(iris, dir);
      }
    }
    try (Predictor savedModel = SavedModels.load(dir)) {
      loaded = JavaWorkloads.latency(savedModel, calls);
    }
    double[] bare = JavaWorkloads.bareLatency(calls);
    double[] spin = JavaWorkloads.spinLatency(model[0], calls);
    double[] py = keras == null ? new double[] {Double.NaN, Double.NaN} : kerasLatency(dir);
    out.printf(Locale.ROOT, "1-row predict p50/p99 µs: Model.predict %.0f/%.0f, SavedModel %.0f/%.0f,"
        + " bare Session.run %.0f/%.0f, Keras SavedModel fn %.0f/%.0f, a Java loop %.0f/%.0f%n",
        model[0], model[1], loaded[0], loaded[1], bare[0], bare[1], py[0], py[1], spin[0], spin[1]);
    rows(table, new double[][] {model, loaded, bare, spin}, py);
    return dir;
  }

  private double[] kerasLatency(Path dir) throws IOException {
    JsonNode k = keras.call(Map.of("op", "latency", "dir", dir.toString(), "calls", calls));
    return new double[] {k.get("p50_us").asDouble(), k.get("p99_us").asDouble()};
  }

  /** {@code ours}: Model.predict, the SavedModel, the bare Session.run, the Java loop. */
  private static void rows(BenchTable table, double[][] ours, double[] py) {
    double[] model = ours[0];
    double[] loaded = ours[1];
    double[] bare = ours[2];
    table.lower("1-row predict p50, iris MLP (Model.predict; Keras: SavedModel fn)", model[0], py[0],
        "µs", "");
    table.lower("1-row predict p50, the Keras SavedModel loaded", loaded[0], py[0], "µs", "");
    table.text("1-row p50 against a bare TF Java Session.run (" + BenchTable.figure(bare[0], "µs") + ")",
        ratio(model[0] / bare[0]) + " (Model), " + ratio(loaded[0] / bare[0]) + " (SavedModel)",
        "", "", "≤ 1.25×");
    table.lower("1-row predict p99 (Model.predict; Keras: SavedModel fn)", model[1], py[1], "µs", "");
    table.text("1-row p99 / p50", ratio(model[1] / model[0]) + " (Model), "
        + ratio(loaded[1] / loaded[0]) + " (SavedModel)", py[0] > 0 ? ratio(py[1] / py[0]) : "—",
        "", "≤ 3×");
    table.text("p99 / p50 of the floors: bare Session.run, a Java loop of the Model's p50",
        ratio(bare[1] / bare[0]) + ", " + ratio(ours[3][1] / ours[3][0]), "", "", "");
  }

  private static String ratio(double r) {
    return String.format(Locale.ROOT, "%.2f×", r);
  }
}

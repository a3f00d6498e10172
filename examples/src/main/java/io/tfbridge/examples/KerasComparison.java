package io.tfbridge.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfbridge.dtypepolicies.DTypePolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tfbridge bench}: the lesson's workloads in tfbridge and, when a Python with Keras is given,
 * in Keras, interleaved run by run so that the machine's drift hits both, then one table (medians;
 * each run's figures are printed as it ends). Without Python the Keras column is empty.
 */
final class KerasComparison {
  /**
   * Floating-point operations of one CNN training sample: the forward pass (conv 26·26·32·9·2,
   * conv 11·11·64·288·2, dense 1600·128·2 and 128·10·2) three times (forward, and the gradients
   * with respect to the inputs and to the weights), about 15.8 MFLOP.
   */
  static final double CNN_TRAIN_FLOP =
      3.0 * (26 * 26 * 32 * 9 * 2 + 11 * 11 * 64 * 288 * 2 + 1600 * 128 * 2 + 128 * 10 * 2);

  private final PrintStream out;
  private final KerasProcess keras;
  private final KerasChildren children;
  private final Settings settings;
  private final BenchTable table = new BenchTable();

  /**
   * What to run.
   *
   * @param rounds how many times each side runs each workload
   * @param samples MNIST training digits per CNN epoch
   * @param epochs CNN epochs per run (the first, which builds the graph, is not counted)
   * @param calls one-row predictions timed per predictor
   * @param work a directory for the data and model files both sides read
   */
  record Settings(int rounds, int samples, int epochs, int calls, Path work) {}

  KerasComparison(PrintStream out, KerasProcess keras, KerasChildren children, Settings settings) {
    this.out = out;
    this.keras = keras;
    this.children = children;
    this.settings = settings;
  }

  /** Runs every workload and prints the table. */
  void run() throws IOException {
    out.printf(Locale.ROOT, "tfbridge against %s, %d round(s) each, interleaved%n",
        keras == null ? "nothing (no Python with Keras: --keras-python)" : "Keras " + keras.version(),
        settings.rounds());
    out.println(machine());
    iris();
    BenchDigits digits = BenchDigits.load(settings.samples(), settings.work());
    cnn(digits);
    Path savedModel = new LatencyBench(out, keras, settings.calls()).run(table, settings.work());
    memoryAndColdStart(digits, savedModel);
    out.println();
    table.print(out);
  }

  private void iris() throws IOException {
    JavaWorkloads.iris(100); // warm-up: JIT, TensorFlow's first session
    keras(Map.of("op", "iris", "seed", 100));
    double[] java = new double[settings.rounds()];
    double[] py = new double[settings.rounds()];
    for (int r = 0; r < settings.rounds(); r++) {
      java[r] = JavaWorkloads.iris(r);
      py[r] = keras == null ? Double.NaN : keras(Map.of("op", "iris", "seed", r)).get("seconds").asDouble();
      out.printf(Locale.ROOT, "iris fit, round %d: tfbridge %.3f s, Keras %.3f s%n", r + 1, java[r], py[r]);
    }
    table.lower("Iris: build, fit 30 epochs (batch 10, validation 0.2), predict", Stats.median(java),
        Stats.median(py), "s", "≥ 25×");
  }

  private void cnn(BenchDigits digits) throws IOException {
    CnnFigures fp32 = new CnnFigures();
    CnnFigures bf16 = new CnnFigures();
    for (int r = 0; r < settings.rounds(); r++) {
      fp32.java(JavaWorkloads.cnn(digits, settings.epochs(), r + 1, DTypePolicy.FLOAT32));
      fp32.keras(kerasCnn(digits, "float32", r + 1));
      bf16.java(JavaWorkloads.cnn(digits, settings.epochs(), r + 1, DTypePolicy.MIXED_BFLOAT16));
      bf16.keras(kerasCnn(digits, "mixed_bfloat16", r + 1));
      out.printf(Locale.ROOT, "cnn, round %d: float32 tfbridge %s, Keras %s; mixed_bfloat16 "
          + "tfbridge %s, Keras %s samples/s%n", r + 1, fp32.lastJava(), fp32.lastKeras(),
          bf16.lastJava(), bf16.lastKeras());
    }
    double peak = PeakMatmul.gflops();
    table.higher("CNN training, batch 64 (" + flops(fp32.javaRate(), peak) + ")", fp32.javaRate(),
        fp32.kerasRate(), "samples/s", "≥ 1.2×");
    table.higher("CNN training, mixed_bfloat16 (" + flops(bf16.javaRate(), peak) + ")",
        bf16.javaRate(), bf16.kerasRate(), "samples/s", "≥ 1.2× Keras's bf16");
    table.higher("CNN predict, batch 64", fp32.javaPredict, fp32.kerasPredict, "samples/s", "≥ 1.5×");
    table.text("CNN test accuracy after " + settings.epochs() + " epochs, float32 / mixed_bfloat16",
        fp32.accuracies(bf16, true), fp32.accuracies(bf16, false), "", "bf16 within 0.005");
  }

  private static String flops(double rate, double peak) {
    double gflops = rate * CNN_TRAIN_FLOP / 1e9;
    return String.format(Locale.ROOT, "%.0f GFLOP/s, %.0f%% of the %.0f GFLOP/s matmul peak", gflops,
        100 * gflops / peak, peak);
  }

  private JsonNode kerasCnn(BenchDigits digits, String policy, int seed) throws IOException {
    if (keras == null) {
      return null;
    }
    return keras(Map.of("op", "cnn", "x", digits.file("x"), "y", digits.file("y"),
        "x_test", digits.file("x_test"), "y_test", digits.file("y_test"),
        "epochs", settings.epochs(), "policy", policy, "seed", seed));
  }

  private void memoryAndColdStart(BenchDigits digits, Path savedModel) throws IOException {
    double[] rss = children.peakRss(digits, settings.samples());
    table.lower("Peak RSS, CNN training 2 epochs (own process)", rss[0], rss[1], "MB", "≥ 1.67× (≤ 0.6× Keras's)");
    double[][] cold = children.coldStart(savedModel, settings.rounds());
    table.lower("Cold start to a SavedModel prediction (whole process)", Stats.median(cold[0]),
        Stats.median(cold[1]), "s", "≤ 1 s");
  }

  /** {@code machine: AMD EPYC, 2 cores, Java 17.0.15, TensorFlow 2.18.0}. */
  static String machine() throws IOException {
    String cpu = "unknown CPU";
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (java.nio.file.Files.isReadable(cpuinfo)) {
      cpu = java.nio.file.Files.readAllLines(cpuinfo).stream()
          .filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
    }
    return String.format(Locale.ROOT, "machine: %s, %d cores, Java %s, TensorFlow %s", cpu,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        org.tensorflow.TensorFlow.version());
  }

  private JsonNode keras(Map<String, Object> command) throws IOException {
    return keras == null ? null : keras.call(command);
  }
}

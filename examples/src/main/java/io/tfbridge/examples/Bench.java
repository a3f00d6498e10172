package io.tfbridge.examples;

import io.tfbridge.data.HostArrays;
import io.tfbridge.datasets.Mnist;
import io.tfbridge.inference.Predictor;
import io.tfbridge.interop.savedmodel.SavedModelExport;
import io.tfbridge.interop.savedmodel.SavedModels;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.preprocessing.Utils;
import io.tfbridge.preprocessing.image.ImageDataGenerator;
import io.tfbridge.preprocessing.image.ImageFlow;
import io.tfbridge.zoo.LessonModels;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;

/**
 * Speed figures, printed, never asserted: the lesson CNN's training and prediction throughput, and
 * one-row prediction latency of a Java model and of the same model exported and loaded as a SavedModel,
 * and mirrored training throughput with 1, 2 and 4 CPU replicas.
 */
final class Bench {
  private static final int AUGMENT_ROUNDS = 5;
  private final PrintStream out;

  Bench(PrintStream out) {
    this.out = out;
  }

  /** Runs every benchmark on {@code samples} MNIST digits and {@code calls} one-row predictions. */
  void run(int samples, int calls) {
    cnn(samples);
    latency(calls);
    new MirroredBench(out).run(samples, 1, 2, 4);
  }

  private void cnn(int samples) {
    Mnist.Images train = Mnist.loadData().train();
    int n = Math.min(samples, train.count());
    FloatNdArray x = HostArrays.of(Arrays.copyOf(train.toFloatPixels(), n * 784), n, 28, 28, 1);
    FloatNdArray y = HostArrays.of(Utils.toCategorical(Arrays.copyOf(train.labels(), n), 10));
    try (Model model = LessonModels.cnn().seed(1).compile("adam", "categorical_crossentropy")) {
      FitOptions epoch = FitOptions.epochs(1).batchSize(64).verbose(0);
      model.fit(x, y, epoch); // warm-up: graph optimisation, allocations
      double trainSeconds = seconds(() -> model.fit(x, y, epoch));
      double predictSeconds = seconds(() -> model.predict(x, 64));
      out.printf(Locale.ROOT, "cnn training: %,.0f samples/s (%d samples, batch 64, second epoch)%n",
          n / trainSeconds, n);
      out.printf(Locale.ROOT, "cnn predict:  %,.0f samples/s (batch 64)%n", n / predictSeconds);
      augmented(model, x, y, n);
    }
  }

  /**
   * Epochs on augmented batches (the lesson's rotation 10, shifts 0.1, zoom 0.1) from a flow whose
   * batches are made while the previous ones train, interleaved with plain epochs so that the
   * machine's drift hits both: the median ratio is the cost of augmentation.
   */
  private void augmented(Model model, FloatNdArray x, FloatNdArray y, int n) {
    ImageDataGenerator datagen = ImageDataGenerator.of().rotationRange(10).widthShiftRange(0.1)
        .heightShiftRange(0.1).zoomRange(0.1);
    FitOptions plain = FitOptions.epochs(1).batchSize(64).verbose(0);
    FitOptions epoch = FitOptions.epochs(1).verbose(0);
    try (ImageFlow flow = datagen.flow(x, y, 64, true, 1L)) {
      model.fit(flow, epoch); // warm-up: the transform's graph
      double[] plainRates = new double[AUGMENT_ROUNDS];
      double[] rates = new double[AUGMENT_ROUNDS];
      double[] ratios = new double[AUGMENT_ROUNDS];
      for (int round = 0; round < AUGMENT_ROUNDS; round++) {
        plainRates[round] = n / seconds(() -> model.fit(x, y, plain));
        rates[round] = n / seconds(() -> model.fit(flow, epoch));
        ratios[round] = rates[round] / plainRates[round];
      }
      out.printf(Locale.ROOT, "cnn training with augmentation: %,.0f samples/s against %,.0f plain,"
          + " ratio %.2f (medians of %d interleaved epochs; ratios %s; flow batches made on a"
          + " background thread)%n", median(rates), median(plainRates), median(ratios),
          AUGMENT_ROUNDS, ratios(ratios));
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static String ratios(double[] ratios) {
    return Arrays.stream(ratios).mapToObj(r -> String.format(Locale.ROOT, "%.2f", r))
        .collect(java.util.stream.Collectors.joining(" "));
  }

  private void latency(int calls) {
    FloatNdArray row = HostArrays.of(new float[] {0.1f, -0.3f, 0.8f, 0.2f}, 1, 4);
    try (Model model = LessonModels.iris().seed(1).compile("adam", "sparse_categorical_crossentropy")) {
      report("iris 1-row predict, Java Model     ", model, row, calls);
      Path dir = Files.createTempDirectory("tfbridge-bench").resolve("iris");
      SavedModelExport.export(model, dir);
      try (Predictor loaded = SavedModels.load(dir)) {
        report("iris 1-row predict, SavedModel     ", loaded, row, calls);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void report(String what, Predictor predictor, FloatNdArray row, int calls) {
    Map<String, ? extends NdArray<?>> input = Map.of(predictor.inputs().get(0).name(), row);
    long[] micros = new long[calls];
    for (int i = 0; i < calls + 200; i++) {
      long start = System.nanoTime();
      predictor.predict(input);
      if (i >= 200) { // the first 200 calls warm up
        micros[i - 200] = (System.nanoTime() - start) / 1000;
      }
    }
    Arrays.sort(micros);
    out.printf(Locale.ROOT, "%s median %d µs, p99 %d µs (%d calls)%n", what,
        micros[calls / 2], micros[(int) (calls * 0.99)], calls);
  }

  private static double seconds(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }
}

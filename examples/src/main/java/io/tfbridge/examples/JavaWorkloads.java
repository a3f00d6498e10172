package io.tfbridge.examples;

import io.tfbridge.data.HostArrays;
import io.tfbridge.dtypepolicies.DTypePolicy;
import io.tfbridge.inference.Predictor;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.zoo.LessonModels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;

/**
 * tfbridge's side of {@code tfbridge bench}: the same workloads as {@code keras_bench.py}, timed the
 * same way (a new model per run; the first epoch, which builds and optimizes the graph, not counted
 * in samples/s).
 */
final class JavaWorkloads {
  private static final float[] ROW = {0.1f, -0.3f, 0.8f, 0.2f};

  private JavaWorkloads() {}

  /** The iris lesson: build, compile, fit 30 epochs (batch 10, validation 0.2), predict: seconds. */
  static double iris(long seed) {
    long start = System.nanoTime();
    IrisLesson.run(seed, LessonConsole.silent());
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * The lesson CNN under {@code policy} (a mixed model's output layer in float32, as Keras
   * advises), batch 64, Adam: each epoch's samples/s after the first, then predict samples/s and
   * the test accuracy.
   */
  static Cnn cnn(BenchDigits digits, int epochs, long seed, DTypePolicy policy) {
    try (Model model = LessonModels.cnn(policy).seed(seed)
        .compile("adam", "categorical_crossentropy", "accuracy")) {
      FitOptions one = FitOptions.epochs(1).batchSize(64).verbose(0);
      List<Double> rates = new ArrayList<>();
      for (int epoch = 0; epoch < epochs; epoch++) {
        double seconds = seconds(() -> model.fit(digits.x(), digits.y(), one));
        if (epoch > 0) {
          rates.add(digits.count() / seconds);
        }
      }
      model.predict(digits.x(), 64); // the predict run's first call
      double predict = digits.count() / seconds(() -> model.predict(digits.x(), 64));
      double accuracy = model.evaluate(digits.xTest(), digits.yTest()).get("accuracy");
      return new Cnn(rates, predict, accuracy);
    }
  }

  /**
   * One-row prediction latency in µs ({p50, p99}) of {@code predictor} after 200 warm-up calls.
   */
  static double[] latency(Predictor predictor, int calls) {
    FloatNdArray row = HostArrays.of(ROW, 1, 4);
    Map<String, ? extends NdArray<?>> input = Map.of(predictor.inputs().get(0).name(), row);
    return latency(() -> predictor.predict(input), calls);
  }

  /** The same for a bare TensorFlow Java {@code Session.run} of the same network. */
  static double[] bareLatency(int calls) {
    try (BareMlp bare = new BareMlp()) {
      return latency(() -> bare.predict(ROW, null), calls);
    }
  }

  /** The iris MLP as the lesson compiles it. */
  static Model irisModel() {
    return LessonModels.iris().seed(1).compile("adam", "sparse_categorical_crossentropy");
  }

  /**
   * The machine's own jitter at that scale: p50/p99 µs of a pure-Java loop whose median takes about
   * {@code micros} (no TensorFlow, no allocation), timed as the predictions are.
   */
  static double[] spinLatency(double micros, int calls) {
    long[] iterations = {1000};
    double median = latency(() -> spin(iterations[0]), 201)[0];
    iterations[0] = Math.max(1, (long) (iterations[0] * micros / median));
    return latency(() -> spin(iterations[0]), calls);
  }

  private static long spinSink;

  private static Long spin(long iterations) {
    long x = spinSink;
    for (long i = 0; i < iterations; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    spinSink = x;
    return null;
  }

  private static double[] latency(Supplier<?> call, int calls) {
    double[] micros = new double[calls];
    for (int i = 0; i < calls + 200; i++) {
      long start = System.nanoTime();
      call.get();
      if (i >= 200) {
        micros[i - 200] = (System.nanoTime() - start) / 1e3;
      }
    }
    Arrays.sort(micros);
    return new double[] {micros[calls / 2], micros[(int) (calls * 0.99)]};
  }

  static double seconds(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * One CNN run's figures.
   *
   * @param trainRates samples/s of each epoch after the first
   * @param predictRate samples/s of {@code predict} in batches of 64
   * @param testAccuracy accuracy on the test digits after the last epoch
   */
  record Cnn(List<Double> trainRates, double predictRate, double testAccuracy) {}
}

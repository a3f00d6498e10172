package io.tfbridge.examples;

import io.tfbridge.distribute.MirroredStrategy;
import io.tfbridge.distribute.Strategy;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.zoo.LessonModels;
import java.io.PrintStream;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Training throughput of the lesson's distributed model (784-64-64-10, Adam) under a mirrored
 * strategy with 1, 2 and 4 logical CPU replicas, at one global batch size. Printed, never asserted:
 * the figures depend on the machine's cores.
 */
final class MirroredBench {
  /** The global batch size. */
  static final int BATCH = 128;
  private final PrintStream out;

  MirroredBench(PrintStream out) {
    this.out = out;
  }

  /** The benchmarks' data: {@code samples} seeded random rows of 784 features and labels 0-9. */
  record Data(float[][] x, int[] y) {
    static Data random(int samples) {
      float[][] x = new float[samples][784];
      int[] y = new int[samples];
      SplittableRandom random = new SplittableRandom(7);
      for (int i = 0; i < samples; i++) {
        for (int j = 0; j < 784; j++) {
          x[i][j] = (float) random.nextDouble();
        }
        y[i] = random.nextInt(10);
      }
      return new Data(x, y);
    }
  }

  void run(int samples, int... replicaCounts) {
    Data data = Data.random(samples);
    float[][] x = data.x();
    int[] y = data.y();
    out.printf(Locale.ROOT, "mirrored training, 784-64-64-10, global batch %d, %d cores:%n", BATCH,
        Runtime.getRuntime().availableProcessors());
    for (int replicas : replicaCounts) {
      out.printf(Locale.ROOT, "  %d replica(s): %,.0f samples/s%n", replicas,
          samplesPerSecond(replicas, x, y));
    }
  }

  private static double samplesPerSecond(int replicas, float[][] x, int[] y) {
    try (Strategy.Scope scope = MirroredStrategy.ofCpus(replicas).scope();
        Model model = LessonModels.distributedMlp().seed(1)
            .compile("adam", "sparse_categorical_crossentropy")) {
      FitOptions epoch = FitOptions.epochs(1).batchSize(BATCH).verbose(0);
      model.fit(x, y, epoch); // warm-up
      long start = System.nanoTime();
      model.fit(x, y, epoch);
      return x.length / ((System.nanoTime() - start) / 1e9);
    }
  }
}

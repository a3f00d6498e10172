package io.tfbridge.examples;

import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Result;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * What TensorFlow's own kernels reach on this machine: a 1024×1024 float32 matmul, run repeatedly,
 * in GFLOP/s. The ceiling the CNN's achieved GFLOP/s is a share of.
 */
final class PeakMatmul {
  private static final int N = 1024;
  private static final int RUNS = 30;

  private PeakMatmul() {}

  /** The best of three timings of {@value #RUNS} matmuls, in GFLOP/s. */
  static double gflops() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      // fed, not constants: Grappler would fold a product of constants before the run
      Placeholder<TFloat32> a = tf.placeholder(TFloat32.class);
      Placeholder<TFloat32> b = tf.placeholder(TFloat32.class);
      Operand<TFloat32> sum = tf.reduceSum(tf.linalg.matMul(a, b), tf.constant(new int[] {0, 1}));
      try (Session session = new Session(graph);
          TFloat32 x = TFloat32.tensorOf(StdArrays.ndCopyOf(random(1)));
          TFloat32 y = TFloat32.tensorOf(StdArrays.ndCopyOf(random(2)))) {
        java.util.function.Supplier<Session.Runner> fed =
            () -> session.runner().feed(a, x).feed(b, y).fetch(sum);
        run(fed, 3); // warm-up: kernels chosen, buffers allocated
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
          long start = System.nanoTime();
          run(fed, RUNS);
          best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return 2.0 * N * N * N * RUNS / best / 1e9;
      }
    }
  }

  private static void run(java.util.function.Supplier<Session.Runner> runner, int times) {
    for (int i = 0; i < times; i++) {
      try (Result unused = runner.get().run()) {
        // only the time counts
      }
    }
  }

  private static float[][] random(long seed) {
    Random random = new Random(seed);
    float[][] m = new float[N][N];
    for (float[] row : m) {
      for (int j = 0; j < N; j++) {
        row[j] = random.nextFloat() - 0.5f;
      }
    }
    return m;
  }
}

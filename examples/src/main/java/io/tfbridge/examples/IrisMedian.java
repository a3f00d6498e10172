package io.tfbridge.examples;

import java.util.Locale;

/**
 * The iris lesson over seeds {@code 0..n-1}, each seed driving the split and the model, and the
 * median test accuracy: how tfbridge's iris network is compared with Keras's, whose median over
 * seeds 0..6 is 0.8222 ({@code models/python/iris_keras_median.py}).
 *
 * <pre>{@code
 * double median = IrisMedian.run(7, new LessonConsole(System.out, false));
 * // seed 0: test accuracy 0.9111
 * // ...
 * // median accuracy over 7 seeds: 0.8222
 * }</pre>
 */
public final class IrisMedian {
  /** The seeds Keras's baseline uses: 0 to 6. */
  public static final int DEFAULT_SEEDS = 7;

  private IrisMedian() {}

  /**
   * Runs {@link IrisLesson} once per seed, quietly, printing each accuracy and then the median.
   *
   * @param seeds how many seeds, from 0
   * @param console where the lines go; the last is {@code median accuracy over N seeds: X}
   * @return the median accuracy
   */
  public static double run(int seeds, LessonConsole console) {
    if (seeds < 1) {
      throw new IllegalArgumentException("seeds must be >= 1, found " + seeds);
    }
    double[] accuracies = new double[seeds];
    for (int seed = 0; seed < seeds; seed++) {
      long start = System.nanoTime();
      accuracies[seed] = IrisLesson.run(seed, LessonConsole.silent());
      console.println(String.format(Locale.ROOT, "seed %d: test accuracy %.4f  (%.1f s)",
          seed, accuracies[seed], (System.nanoTime() - start) / 1e9));
    }
    double median = Stats.median(accuracies);
    console.println(
        String.format(Locale.ROOT, "median accuracy over %d seeds: %.4f", seeds, median));
    return median;
  }
}

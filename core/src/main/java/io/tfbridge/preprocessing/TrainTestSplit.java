package io.tfbridge.preprocessing;

import io.tfbridge.data.Permutations;
import java.util.SplittableRandom;

/**
 * Random train/test split, like scikit-learn's
 * {@code sklearn.model_selection.train_test_split(X, y, test_size=..., random_state=...)}.
 *
 * <pre>{@code
 * Iris.Data iris = Iris.load();
 * TrainTestSplit.Split s = TrainTestSplit.trainTestSplit(iris.data(), iris.target(), 0.3, 42);
 * s.xTrain().length;   // 105
 * s.xTest().length;    // 45
 * }</pre>
 *
 * <p>The sizes follow scikit-learn exactly: {@code n_test = ceil(test_size * n_samples)},
 * {@code n_train = n_samples - n_test}; the test set is the first {@code n_test} entries of a
 * random permutation and the training set the rest, as in scikit-learn's {@code ShuffleSplit}.
 * The permutation comes from {@link SplittableRandom} seeded with {@code randomState}, not from
 * numpy's Mersenne Twister, so the same seed selects <em>different</em> rows than
 * scikit-learn does; it is reproducible from run to run in Java.
 */
public final class TrainTestSplit {

  private TrainTestSplit() {}

  /**
   * The four parts of a split, scikit-learn's {@code X_train, X_test, y_train, y_test}.
   * Rows are copies, so changing them leaves the input untouched (as with numpy indexing).
   *
   * @param xTrain training rows
   * @param xTest  test rows
   * @param yTrain training labels, aligned with {@code xTrain}
   * @param yTest  test labels, aligned with {@code xTest}
   */
  public record Split(float[][] xTrain, float[][] xTest, int[] yTrain, int[] yTest) {

    /** {@code Split[train=105, test=45]}. */
    @Override
    public String toString() {
      return "Split[train=" + xTrain.length + ", test=" + xTest.length + "]";
    }
  }

  /**
   * Splits {@code x} and {@code y} into random train and test subsets.
   *
   * @param x           samples, one row each
   * @param y           labels, one per row of {@code x}
   * @param testSize    fraction of samples for the test set, in (0, 1)
   * @param randomState seed of the shuffle
   * @throws IllegalArgumentException if {@code x} and {@code y} differ in length,
   *                                  {@code testSize} is outside (0, 1), or a set would be empty
   */
  public static Split trainTestSplit(float[][] x, int[] y, double testSize, long randomState) {
    checkArguments(x, y, testSize);
    int n = x.length;
    int nTest = (int) Math.ceil(testSize * n);
    int nTrain = n - nTest;
    if (nTrain == 0) {
      throw new IllegalArgumentException("With n_samples=" + n + ", test_size=" + testSize
          + " and train_size=None, the resulting train set will be empty. "
          + "Adjust any of the aforementioned parameters.");
    }
    int[] perm = Permutations.of(n, new SplittableRandom(randomState));
    return new Split(rows(x, perm, nTest, n), rows(x, perm, 0, nTest),
        labels(y, perm, nTest, n), labels(y, perm, 0, nTest));
  }

  private static float[][] rows(float[][] x, int[] perm, int from, int to) {
    float[][] out = new float[to - from][];
    for (int i = from; i < to; i++) {
      out[i - from] = x[perm[i]].clone();
    }
    return out;
  }

  private static int[] labels(int[] y, int[] perm, int from, int to) {
    int[] out = new int[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = y[perm[i]];
    }
    return out;
  }

  private static void checkArguments(float[][] x, int[] y, double testSize) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("Found input variables with inconsistent numbers of "
          + "samples: [" + x.length + ", " + y.length + "]");
    }
    if (!(testSize > 0.0 && testSize < 1.0)) {
      throw new IllegalArgumentException("The 'test_size' parameter of train_test_split must be a "
          + "float in the range (0.0, 1.0). Got " + testSize + " instead.");
    }
  }

}

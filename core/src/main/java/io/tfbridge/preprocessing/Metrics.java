package io.tfbridge.preprocessing;

/**
 * Evaluating predictions on plain arrays, like {@code sklearn.metrics.accuracy_score} and
 * numpy's {@code argmax(axis=1)}.
 *
 * <pre>{@code
 * float[][] probs = {{0.1f, 0.7f, 0.2f}, {0.8f, 0.1f, 0.1f}};   // softmax outputs
 * int[] yPred = Metrics.argmax(probs);                 // {1, 0}, y_pred.argmax(axis=1)
 * double acc = Metrics.accuracyScore(new int[] {1, 1}, yPred);   // 0.5
 * }</pre>
 */
public final class Metrics {

  private Metrics() {}

  /**
   * The fraction of labels predicted exactly, like {@code accuracy_score(y_true, y_pred)}.
   *
   * @throws IllegalArgumentException if the arrays differ in length or are empty
   */
  public static double accuracyScore(int[] yTrue, int[] yPred) {
    if (yTrue.length != yPred.length) {
      throw new IllegalArgumentException("Found input variables with inconsistent numbers of "
          + "samples: [" + yTrue.length + ", " + yPred.length + "]");
    }
    if (yTrue.length == 0) {
      throw new IllegalArgumentException("Found empty input array (e.g., `y_true` or `y_pred`) "
          + "while a minimum of 1 sample is required.");
    }
    int correct = 0;
    for (int i = 0; i < yTrue.length; i++) {
      if (yTrue[i] == yPred[i]) {
        correct++;
      }
    }
    return (double) correct / yTrue.length;
  }

  /**
   * The column of the largest value in each row, like numpy's {@code probs.argmax(axis=1)}:
   * the first one wins on ties, and a NaN counts as the largest value (as in numpy).
   *
   * @throws IllegalArgumentException if a row is empty (naming its index)
   */
  public static int[] argmax(float[][] probs) {
    int[] out = new int[probs.length];
    for (int i = 0; i < probs.length; i++) {
      out[i] = argmax(probs[i], i);
    }
    return out;
  }

  private static int argmax(float[] row, int rowIndex) {
    if (row.length == 0) {
      throw new IllegalArgumentException("attempt to get argmax of an empty sequence: row "
          + rowIndex + " has 0 values, expected at least 1");
    }
    int best = 0;
    for (int j = 0; j < row.length; j++) {
      if (Float.isNaN(row[j])) {
        return j;
      }
      if (row[j] > row[best]) {
        best = j;
      }
    }
    return best;
  }
}

package io.tfbridge.preprocessing;

/**
 * Label utilities, like {@code keras.utils} ({@code tensorflow.keras.utils}).
 *
 * <pre>{@code
 * float[][] y = Utils.toCategorical(new int[] {0, 2, 1});
 * // {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}}
 * }</pre>
 */
public final class Utils {

  private Utils() {}

  /**
   * One-hot encodes class labels, like {@code keras.utils.to_categorical(y, num_classes)}:
   * row {@code i} has a 1 in column {@code y[i]} and 0 elsewhere.
   *
   * @param y          class labels in {@code [0, numClasses)}
   * @param numClasses number of columns, at least 1
   * @return a new {@code y.length x numClasses} array
   * @throws IllegalArgumentException if {@code numClasses < 1} or a label is out of range
   *                                  (the message names its index and value; Keras would
   *                                  silently wrap negative labels)
   */
  public static float[][] toCategorical(int[] y, int numClasses) {
    if (numClasses < 1) {
      throw new IllegalArgumentException("num_classes must be >= 1, found " + numClasses);
    }
    float[][] out = new float[y.length][numClasses];
    for (int i = 0; i < y.length; i++) {
      if (y[i] < 0 || y[i] >= numClasses) {
        throw new IllegalArgumentException("label y[" + i + "] = " + y[i]
            + " is out of range: expected 0 <= label < num_classes = " + numClasses);
      }
      out[i][y[i]] = 1f;
    }
    return out;
  }

  /**
   * {@code to_categorical(y)} with {@code num_classes = max(y) + 1}, as Keras does.
   *
   * @throws IllegalArgumentException if {@code y} is empty (no max) or has a negative label
   */
  public static float[][] toCategorical(int[] y) {
    if (y.length == 0) {
      throw new IllegalArgumentException(
          "cannot infer num_classes from 0 labels: expected at least one label or num_classes");
    }
    int max = y[0];
    for (int label : y) {
      max = Math.max(max, label);
    }
    return toCategorical(y, Math.max(max + 1, 1)); // all-negative labels fail on y[0]
  }
}

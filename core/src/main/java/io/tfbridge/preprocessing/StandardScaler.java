package io.tfbridge.preprocessing;

/**
 * Standardizes features by removing the mean and scaling to unit variance, like scikit-learn's
 * {@code sklearn.preprocessing.StandardScaler}: {@code z = (x - mean) / scale}.
 *
 * <pre>{@code
 * StandardScaler scaler = new StandardScaler();
 * float[][] xTrain = scaler.fitTransform(split.xTrain());   // learns mean and scale
 * float[][] xTest = scaler.transform(split.xTest());         // reuses them
 * }</pre>
 *
 * <p>As in scikit-learn: statistics are accumulated in double precision; {@code scale} is the
 * population standard deviation ({@code ddof=0}); a feature whose variance is zero (within
 * the rounding error of the variance computation) gets scale 1.0; NaNs are ignored by
 * {@code fit} and kept by {@code transform}. Infinite values are rejected.
 */
public final class StandardScaler {

  private static final double EPS = Math.ulp(1.0);

  private double[] mean;
  private double[] var;
  private double[] scale;

  /** An unfitted scaler ({@code with_mean=True, with_std=True}). */
  public StandardScaler() {
  }

  /**
   * Computes the per-feature mean and standard deviation of {@code x}.
   *
   * @param x samples, one row each, all rows of the same length
   * @return this scaler
   * @throws IllegalArgumentException if {@code x} is empty, ragged or contains infinity
   */
  public StandardScaler fit(float[][] x) {
    int features = checkArray(x, -1);
    double[] count = new double[features];
    double[] m = means(x, count);
    double[] v = variance(x, m, count);
    this.mean = m;
    this.var = v;
    this.scale = scales(v, m, count);
    return this;
  }

  /**
   * Standardizes {@code x} with the fitted mean and scale, returning new arrays.
   *
   * @throws IllegalStateException    if the scaler is not fitted
   * @throws IllegalArgumentException if a row does not have the fitted number of features
   */
  public float[][] transform(float[][] x) {
    checkFitted();
    checkArray(x, mean.length);
    float[][] out = new float[x.length][mean.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < mean.length; j++) {
        out[i][j] = (float) ((x[i][j] - mean[j]) / scale[j]);
      }
    }
    return out;
  }

  /** {@code fit(x)} then {@code transform(x)}. */
  public float[][] fitTransform(float[][] x) {
    return fit(x).transform(x);
  }

  /** Undoes {@link #transform}: {@code x * scale + mean}. */
  public float[][] inverseTransform(float[][] z) {
    checkFitted();
    checkArray(z, mean.length);
    float[][] out = new float[z.length][mean.length];
    for (int i = 0; i < z.length; i++) {
      for (int j = 0; j < mean.length; j++) {
        out[i][j] = (float) (z[i][j] * scale[j] + mean[j]);
      }
    }
    return out;
  }

  /** Per-feature mean, scikit-learn's {@code mean_} (a copy). */
  public double[] mean() {
    checkFitted();
    return mean.clone();
  }

  /** Per-feature population variance, scikit-learn's {@code var_} (a copy). */
  public double[] var() {
    checkFitted();
    return var.clone();
  }

  /** Per-feature scale, scikit-learn's {@code scale_}: std, or 1.0 if constant (a copy). */
  public double[] scale() {
    checkFitted();
    return scale.clone();
  }

  /** Number of features seen by {@code fit}, scikit-learn's {@code n_features_in_}. */
  public int nFeaturesIn() {
    checkFitted();
    return mean.length;
  }

  /** Per-feature mean over non-NaN values; fills {@code count} with their number. */
  private static double[] means(float[][] x, double[] count) {
    double[] sum = new double[count.length];
    for (float[] row : x) {
      for (int j = 0; j < count.length; j++) {
        if (!Float.isNaN(row[j])) {
          count[j]++;
          sum[j] += row[j];
        }
      }
    }
    for (int j = 0; j < count.length; j++) {
      sum[j] /= count[j];
    }
    return sum;
  }

  /** Two-pass variance with Chan-Golub-LeVeque correction, as scikit-learn computes it. */
  private static double[] variance(float[][] x, double[] mean, double[] count) {
    int features = mean.length;
    double[] correction = new double[features];
    double[] squares = new double[features];
    for (float[] row : x) {
      for (int j = 0; j < features; j++) {
        if (!Float.isNaN(row[j])) {
          double d = row[j] - mean[j];
          correction[j] += d;
          squares[j] += d * d;
        }
      }
    }
    double[] v = new double[features];
    for (int j = 0; j < features; j++) {
      v[j] = (squares[j] - correction[j] * correction[j] / count[j]) / count[j];
    }
    return v;
  }

  /** sqrt(var), or 1.0 where the variance is indistinguishable from zero. */
  private static double[] scales(double[] var, double[] mean, double[] count) {
    double[] s = new double[var.length];
    for (int j = 0; j < var.length; j++) {
      double bound = count[j] * EPS * var[j] + Math.pow(count[j] * mean[j] * EPS, 2);
      s[j] = var[j] <= bound ? 1.0 : Math.sqrt(var[j]);
    }
    return s;
  }

  /** Checks shape and finiteness; returns the number of features. */
  private static int checkArray(float[][] x, int expectedFeatures) {
    if (x.length == 0) {
      throw new IllegalArgumentException("Found array with 0 sample(s) (shape=(0,)) while a "
          + "minimum of 1 is required by StandardScaler.");
    }
    int features = x[0].length;
    if (expectedFeatures >= 0 && features != expectedFeatures) {
      throw new IllegalArgumentException("X has " + features + " features, but StandardScaler "
          + "is expecting " + expectedFeatures + " features as input.");
    }
    if (features == 0) {
      throw new IllegalArgumentException("Found array with 0 feature(s) (shape=(" + x.length
          + ", 0)) while a minimum of 1 is required by StandardScaler.");
    }
    for (int i = 0; i < x.length; i++) {
      checkRow(x[i], i, features);
    }
    return features;
  }

  private static void checkRow(float[] row, int i, int features) {
    if (row.length != features) {
      throw new IllegalArgumentException("X is ragged: row " + i + " has " + row.length
          + " features, expected " + features + " like row 0");
    }
    for (int j = 0; j < features; j++) {
      if (Float.isInfinite(row[j])) {
        throw new IllegalArgumentException("Input X contains infinity: X[" + i + "][" + j
            + "] = " + row[j] + ", expected finite values or NaN");
      }
    }
  }

  private void checkFitted() {
    if (mean == null) {
      throw new IllegalStateException("This StandardScaler instance is not fitted yet. Call 'fit' "
          + "with appropriate arguments before using this estimator.");
    }
  }
}

package io.tfbridge.callbacks;

/**
 * The buckets {@code tf.summary.histogram} writes for a tensor: 30 rows of
 * {@code [left edge, right edge, count]} over equal widths from the minimum to the maximum (the
 * maximum falls in the last bucket); every row {@code [v, v, 0]} but the last {@code [v, v, n]} when
 * all {@code n} values equal {@code v}; zeros for no values. Computed in double precision.
 */
final class HistogramBuckets {
  /** TensorBoard's {@code DEFAULT_BUCKET_COUNT}. */
  static final int COUNT = 30;

  private HistogramBuckets() {}

  static double[][] of(float[] values) {
    double[][] rows = new double[COUNT][3];
    if (values.length == 0) {
      return rows;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return max - min == 0 ? single(rows, min, values.length) : spread(rows, values, min, max);
  }

  private static double[][] single(double[][] rows, double value, int n) {
    for (double[] row : rows) {
      row[0] = value;
      row[1] = value;
    }
    rows[COUNT - 1][2] = n;
    return rows;
  }

  private static double[][] spread(double[][] rows, float[] values, double min, double max) {
    double width = (max - min) / COUNT;
    for (float v : values) {
      int bucket = (int) Math.floor((v - min) / width);
      rows[Math.min(bucket, COUNT - 1)][2]++;
    }
    double step = (max - min) / COUNT;
    for (int i = 0; i < COUNT; i++) {
      rows[i][0] = min + i * step;
      rows[i][1] = i == COUNT - 1 ? max : min + (i + 1) * step;
    }
    return rows;
  }
}

package io.tfbridge.metrics;

/**
 * True/false positive and negative counts at each of a curve's thresholds.
 *
 * @param tp true positives per threshold
 * @param fp false positives
 * @param tn true negatives
 * @param fn false negatives
 */
record ConfusionCounts(double[] tp, double[] fp, double[] tn, double[] fn) {

  /**
   * The counts from per-bucket label counts: a prediction in bucket {@code b} is above thresholds
   * {@code 0..b}, so the positives at threshold {@code i} are the sums over buckets {@code i..n-1}.
   */
  static ConfusionCounts fromBuckets(double[] positives, double[] negatives) {
    int n = positives.length;
    double[] tp = suffixSums(positives);
    double[] fp = suffixSums(negatives);
    double[] tn = new double[n];
    double[] fn = new double[n];
    for (int i = 0; i < n; i++) {
      fn[i] = tp[0] - tp[i];
      tn[i] = fp[0] - fp[i];
    }
    return new ConfusionCounts(tp, fp, tn, fn);
  }

  private static double[] suffixSums(double[] x) {
    double[] sums = new double[x.length];
    double running = 0;
    for (int i = x.length - 1; i >= 0; i--) {
      running += x[i];
      sums[i] = running;
    }
    return sums;
  }
}

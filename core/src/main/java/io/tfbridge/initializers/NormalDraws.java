package io.tfbridge.initializers;

import io.tfbridge.saving.Config;

/**
 * What {@link RandomNormal} and {@link TruncatedNormal} share: a mean and a standard deviation
 * (Keras's defaults 0 and 0.05) and their config.
 */
abstract class NormalDraws implements Initializer {
  final double mean;
  final double stddev;

  NormalDraws(double mean, double stddev) {
    if (!Double.isFinite(mean) || !(stddev >= 0) || Double.isInfinite(stddev)) {
      throw new IllegalArgumentException(kerasName() + " needs a finite mean and a non-negative "
          + "stddev. Received: mean=" + mean + ", stddev=" + stddev);
    }
    this.mean = mean;
    this.stddev = stddev;
  }

  /** The mean. */
  public double mean() {
    return mean;
  }

  /** The standard deviation (before truncation, for {@link TruncatedNormal}). */
  public double stddev() {
    return stddev;
  }

  @Override
  public Config getConfig() {
    return Config.builder().putNull("seed").put("mean", mean).put("stddev", stddev).build();
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((NormalDraws) o).mean == mean
        && ((NormalDraws) o).stddev == stddev;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(getClass(), mean, stddev);
  }
}

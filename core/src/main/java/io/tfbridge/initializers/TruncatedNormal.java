package io.tfbridge.initializers;

import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;

/**
 * Keras's {@code TruncatedNormal}: normal draws of {@code mean} and {@code stddev} (defaults 0 and
 * 0.05) with every draw more than two standard deviations from the mean drawn again, so the values lie
 * in {@code [mean - 2 * stddev, mean + 2 * stddev]} and their standard deviation is about
 * {@code 0.88 * stddev}.
 *
 * <pre>{@code
 * Initializer init = TruncatedNormal.of(0.0, 0.02);
 * }</pre>
 */
public final class TruncatedNormal extends NormalDraws {

  private TruncatedNormal(double mean, double stddev) {
    super(mean, stddev);
  }

  /** Keras's defaults: mean 0, stddev 0.05. */
  public static TruncatedNormal of() {
    return new TruncatedNormal(0.0, 0.05);
  }

  /** Truncated normal draws of this mean and standard deviation. */
  public static TruncatedNormal of(double mean, double stddev) {
    return new TruncatedNormal(mean, stddev);
  }

  @Override
  public String kerasName() {
    return "TruncatedNormal";
  }

  @Override
  public float[] generate(Shape shape, SplittableRandom random) {
    return Distributions.truncatedNormal(shape, random, mean, stddev);
  }
}

package io.tfbridge.initializers;

import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;

/**
 * Keras's {@code RandomNormal}: normal draws of {@code mean} and {@code stddev} (defaults 0 and 0.05;
 * Keras's {@code "normal"} and {@code "random_normal"}).
 *
 * <pre>{@code
 * Initializer init = RandomNormal.of(0.0, 0.02);
 * }</pre>
 */
public final class RandomNormal extends NormalDraws {

  private RandomNormal(double mean, double stddev) {
    super(mean, stddev);
  }

  /** Keras's defaults: mean 0, stddev 0.05. */
  public static RandomNormal of() {
    return new RandomNormal(0.0, 0.05);
  }

  /** Normal draws of this mean and standard deviation. */
  public static RandomNormal of(double mean, double stddev) {
    return new RandomNormal(mean, stddev);
  }

  @Override
  public String kerasName() {
    return "RandomNormal";
  }

  @Override
  public float[] generate(Shape shape, SplittableRandom random) {
    return Distributions.normal(shape, random, mean, stddev);
  }
}

package io.tfbridge.initializers;

import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;

/** The random draws Keras's initializers make, from a seeded generator. */
final class Distributions {
  /**
   * The standard deviation of a standard normal truncated to two standard deviations, which Keras
   * divides by so that a truncated draw has the wanted standard deviation.
   */
  static final double TRUNCATED_STDDEV = 0.87962566103423978;

  private Distributions() {}

  /** A standard normal draw (Box-Muller). */
  static double normal(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** {@code n} values of {@code mean + stddev * N(0, 1)}. */
  static float[] normal(Shape shape, SplittableRandom random, double mean, double stddev) {
    float[] values = new float[size(shape)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (mean + stddev * normal(random));
    }
    return values;
  }

  /**
   * Normal draws of {@code mean} and {@code stddev} truncated as TensorFlow's {@code truncated_normal}:
   * draws more than two standard deviations from the mean are drawn again.
   */
  static float[] truncatedNormal(Shape shape, SplittableRandom random, double mean, double stddev) {
    float[] values = new float[size(shape)];
    for (int i = 0; i < values.length; i++) {
      double z;
      do {
        z = normal(random);
      } while (Math.abs(z) > 2.0);
      values[i] = (float) (mean + stddev * z);
    }
    return values;
  }

  /** Uniform draws in {@code [minval, maxval)}. */
  static float[] uniform(Shape shape, SplittableRandom random, double minval, double maxval) {
    float[] values = new float[size(shape)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextDouble(minval, maxval);
    }
    return values;
  }

  static int size(Shape shape) {
    return Math.toIntExact(shape.size());
  }
}

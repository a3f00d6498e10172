package io.tfbridge.initializers;

import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;

/**
 * Keras's {@code glorot_uniform}: uniform in {@code [-limit, limit]} with {@code limit =
 * sqrt(6 / (fan_in + fan_out))}; the default kernel initializer of Dense, Conv2D and SimpleRNN.
 */
public final class GlorotUniform implements Initializer {
  private static final GlorotUniform INSTANCE = new GlorotUniform();

  private GlorotUniform() {}

  /** The Glorot uniform initializer. */
  public static GlorotUniform of() {
    return INSTANCE;
  }

  @Override
  public String kerasName() {
    return "GlorotUniform";
  }

  @Override
  public float[] generate(Shape shape, SplittableRandom random) {
    double[] fans = fans(shape);
    double limit = Math.sqrt(6.0 / Math.max(1.0, fans[0] + fans[1]));
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextDouble(-limit, limit));
    }
    return values;
  }

  /** Keras's {@code compute_fans}: {fan_in, fan_out}, counting a conv kernel's receptive field. */
  static double[] fans(Shape shape) {
    int rank = shape.numDimensions();
    if (rank == 0) {
      return new double[] {1, 1};
    }
    if (rank == 1) {
      return new double[] {shape.get(0), shape.get(0)};
    }
    double receptive = 1;
    for (int i = 0; i < rank - 2; i++) {
      receptive *= shape.get(i);
    }
    return new double[] {shape.get(rank - 2) * receptive, shape.get(rank - 1) * receptive};
  }

  @Override
  public io.tfbridge.saving.Config getConfig() {
    return io.tfbridge.saving.Config.builder().putNull("seed", "input_axes", "output_axes").build();
  }
}

package io.tfbridge.initializers;

import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;

/**
 * Keras's {@code RandomUniform}: uniform in {@code [minval, maxval)}, by default {@code [-0.05,
 * 0.05)} (Keras's {@code "uniform"}, the default of Embedding's {@code embeddings_initializer}).
 */
public final class RandomUniform implements Initializer {
  private static final RandomUniform DEFAULT = new RandomUniform(-0.05, 0.05);

  private final double minval;
  private final double maxval;

  private RandomUniform(double minval, double maxval) {
    if (!(minval < maxval)) {
      throw new IllegalArgumentException(
          "RandomUniform needs minval < maxval. Received: minval=" + minval + ", maxval=" + maxval);
    }
    this.minval = minval;
    this.maxval = maxval;
  }

  /** Keras's defaults: {@code minval=-0.05, maxval=0.05}. */
  public static RandomUniform of() {
    return DEFAULT;
  }

  /** Uniform in {@code [minval, maxval)}. */
  public static RandomUniform of(double minval, double maxval) {
    return new RandomUniform(minval, maxval);
  }

  /** The lower bound. */
  public double minval() {
    return minval;
  }

  /** The upper bound. */
  public double maxval() {
    return maxval;
  }

  @Override
  public String kerasName() {
    return "RandomUniform";
  }

  @Override
  public float[] generate(Shape shape, SplittableRandom random) {
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextDouble(minval, maxval);
    }
    return values;
  }

  @Override
  public io.tfbridge.saving.Config getConfig() {
    return io.tfbridge.saving.Config.builder().putNull("seed").put("minval", minval)
        .put("maxval", maxval).build();
  }
}

package io.tfbridge.initializers;

import io.tfbridge.saving.Config;
import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;

/**
 * Keras's {@code Identity}: {@code gain} times the identity matrix (rectangular for a non-square
 * weight); only for 2-D weights. Keras 3.15 writes an empty config and so loses a gain other than 1;
 * tfbridge writes such a gain, which Keras reads.
 *
 * <pre>{@code
 * Initializer init = Identity.of().gain(0.5);
 * }</pre>
 */
public final class Identity implements Initializer {
  private static final Identity DEFAULT = new Identity(1.0);
  private final double gain;

  private Identity(double gain) {
    this.gain = gain;
  }

  /** The identity matrix (gain 1). */
  public static Identity of() {
    return DEFAULT;
  }

  /** This initializer with a multiplicative factor. */
  public Identity gain(double gain) {
    return new Identity(gain);
  }

  /** The multiplicative factor. */
  public double gain() {
    return gain;
  }

  @Override
  public String kerasName() {
    return "Identity";
  }

  @Override
  public float[] generate(Shape shape, SplittableRandom random) {
    if (shape.numDimensions() != 2) {
      throw new IllegalArgumentException("Identity matrix initializer can only be used for 2D "
          + "matrices. Received: shape=" + shape + " of rank " + shape.numDimensions() + ".");
    }
    int rows = Math.toIntExact(shape.get(0));
    int cols = Math.toIntExact(shape.get(1));
    float[] values = new float[rows * cols];
    for (int i = 0; i < Math.min(rows, cols); i++) {
      values[i * cols + i] = (float) gain;
    }
    return values;
  }

  @Override
  public Config getConfig() {
    return gain == 1.0 ? Config.empty() : Config.builder().put("gain", gain).build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Identity i && i.gain == gain;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(gain);
  }
}

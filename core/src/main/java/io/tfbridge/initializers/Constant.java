package io.tfbridge.initializers;

import io.tfbridge.saving.Config;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;

/**
 * Keras's {@code Constant}: every value {@code value} (a number; default 0).
 *
 * <pre>{@code
 * Initializer init = Constant.of(0.1);
 * }</pre>
 */
public final class Constant implements Initializer {
  private final double value;

  private Constant(double value) {
    this.value = value;
  }

  /** Every value {@code value}. */
  public static Constant of(double value) {
    return new Constant(value);
  }

  /** The value. */
  public double value() {
    return value;
  }

  @Override
  public String kerasName() {
    return "Constant";
  }

  @Override
  public float[] generate(Shape shape, SplittableRandom random) {
    float[] values = new float[Distributions.size(shape)];
    Arrays.fill(values, (float) value);
    return values;
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("value", value).build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Constant c && c.value == value;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(value);
  }

  @Override
  public java.util.OptionalDouble constantValue() {
    return java.util.OptionalDouble.of(value);
  }
}

package io.tfbridge.initializers;

import io.tfbridge.saving.Config;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;

/**
 * Keras's {@code VarianceScaling}: draws whose variance is {@code scale / n}, where n is the weight's
 * fan-in, fan-out or their average ({@code mode}), from a normal truncated at two standard deviations
 * (its standard deviation after truncation is {@code sqrt(scale / n)}), an untruncated normal, or a
 * uniform in {@code [-sqrt(3 * scale / n), sqrt(3 * scale / n)]} ({@code distribution}). The fans count
 * a convolution kernel's receptive field; {@code input_axes}/{@code output_axes} name the axes to count
 * instead. The Glorot, He and Lecun initializers are its presets.
 *
 * <pre>{@code
 * Initializer init = VarianceScaling.of(2.0, "fan_out", "uniform");
 * Initializer he = HeNormal.of();  // VarianceScaling(2.0, "fan_in", "truncated_normal")
 * }</pre>
 */
public class VarianceScaling implements Initializer, Cloneable {
  /** Which count of units divides the scale. */
  public enum Mode { FAN_IN, FAN_OUT, FAN_AVG }

  /** What the values are drawn from. */
  public enum Distribution { TRUNCATED_NORMAL, UNTRUNCATED_NORMAL, UNIFORM }

  private static final VarianceScaling DEFAULT =
      new VarianceScaling("VarianceScaling", 1.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);

  private final String kerasName;
  private final double scale;
  private final Mode mode;
  private final Distribution distribution;
  private int[] inputAxes;
  private int[] outputAxes;

  /** A preset ({@code kerasName} other than VarianceScaling) writes only seed and axes, as Keras. */
  VarianceScaling(String kerasName, double scale, Mode mode, Distribution distribution) {
    if (!(scale > 0)) {
      throw new IllegalArgumentException("Argument `scale` must be positive float. Received: scale="
          + scale);
    }
    this.kerasName = kerasName;
    this.scale = scale;
    this.mode = java.util.Objects.requireNonNull(mode, "mode");
    this.distribution = java.util.Objects.requireNonNull(distribution, "distribution");
  }

  /** Keras's defaults: scale 1, fan_in, truncated_normal. */
  public static VarianceScaling of() {
    return DEFAULT;
  }

  /**
   * By Keras's names: mode {@code fan_in}, {@code fan_out} or {@code fan_avg}; distribution
   * {@code truncated_normal} (or {@code normal}), {@code untruncated_normal} or {@code uniform}.
   */
  public static VarianceScaling of(double scale, String mode, String distribution) {
    return new VarianceScaling("VarianceScaling", scale, mode(mode), distribution(distribution));
  }

  /** This initializer with explicit fan axes (Keras's {@code input_axes}, {@code output_axes}). */
  public VarianceScaling fanAxes(int[] inputAxes, int[] outputAxes) {
    if ((inputAxes == null) != (outputAxes == null)) {
      throw new IllegalArgumentException("input_axes and output_axes are used together; received "
          + "input_axes=" + Arrays.toString(inputAxes) + ", output_axes=" + Arrays.toString(outputAxes));
    }
    try {
      VarianceScaling copy = (VarianceScaling) clone();
      copy.inputAxes = inputAxes == null ? null : inputAxes.clone();
      copy.outputAxes = outputAxes == null ? null : outputAxes.clone();
      return copy;
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  /** The scale. */
  public double scale() {
    return scale;
  }

  /** The mode. */
  public Mode mode() {
    return mode;
  }

  /** The distribution. */
  public Distribution distribution() {
    return distribution;
  }

  @Override
  public String kerasName() {
    return kerasName;
  }

  @Override
  public float[] generate(Shape shape, SplittableRandom random) {
    double[] fans = fans(shape);
    double n = switch (mode) {
      case FAN_IN -> fans[0];
      case FAN_OUT -> fans[1];
      case FAN_AVG -> (fans[0] + fans[1]) / 2.0;
    };
    double variance = scale / Math.max(1.0, n);
    return switch (distribution) {
      case TRUNCATED_NORMAL -> Distributions.truncatedNormal(shape, random, 0,
          Math.sqrt(variance) / Distributions.TRUNCATED_STDDEV);
      case UNTRUNCATED_NORMAL -> Distributions.normal(shape, random, 0, Math.sqrt(variance));
      case UNIFORM -> {
        double limit = Math.sqrt(3.0 * variance);
        yield Distributions.uniform(shape, random, -limit, limit);
      }
    };
  }

  /** Keras's {@code compute_fans}: {fan_in, fan_out}. */
  double[] fans(Shape shape) {
    int rank = shape.numDimensions();
    if (inputAxes != null) {
      return new double[] {product(shape, inputAxes), product(shape, outputAxes)};
    }
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

  private static double product(Shape shape, int[] axes) {
    double p = 1;
    for (int axis : axes) {
      p *= shape.get(axis < 0 ? axis + shape.numDimensions() : axis);
    }
    return p;
  }

  @Override
  public Config getConfig() {
    Config.Builder b = Config.builder().putNull("seed");
    if (kerasName.equals("VarianceScaling")) {
      b.put("scale", scale).put("mode", mode.name().toLowerCase(Locale.ROOT))
          .put("distribution", distribution.name().toLowerCase(Locale.ROOT));
    }
    return b.put("input_axes", ints(inputAxes)).put("output_axes", ints(outputAxes)).build();
  }

  private static Object ints(int[] axes) {
    return axes == null ? null : Arrays.stream(axes).boxed().toList();
  }

  static Mode mode(String name) {
    for (Mode m : Mode.values()) {
      if (m.name().toLowerCase(Locale.ROOT).equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("Invalid `mode` argument: " + name
        + ". Please use one of {'fan_in', 'fan_out', 'fan_avg'}");
  }

  static Distribution distribution(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    for (Distribution d : Distribution.values()) {
      boolean alias = key.equals("normal") && d == Distribution.TRUNCATED_NORMAL;
      if (d.name().equalsIgnoreCase(key) || alias) {
        return d;
      }
    }
    throw new IllegalArgumentException("Invalid `distribution` argument: " + name
        + ".Please use one of {'uniform', 'truncated_normal', 'untruncated_normal'}");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VarianceScaling v && v.kerasName.equals(kerasName) && v.scale == scale
        && v.mode == mode && v.distribution == distribution && Arrays.equals(v.inputAxes, inputAxes)
        && Arrays.equals(v.outputAxes, outputAxes);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(kerasName, scale, mode, distribution);
  }

  @Override
  public String toString() {
    return kerasName + getConfig();
  }
}

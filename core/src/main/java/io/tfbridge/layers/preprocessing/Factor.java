package io.tfbridge.layers.preprocessing;

import io.tfbridge.saving.ConfigReader;
import java.util.List;

/**
 * A Keras factor: a number {@code f} (the range {@code [-|f|, |f|]}, clipped below by some layers) or a
 * pair of numbers (sorted into {@code [lower, upper]}), with the value Keras writes back to its config.
 *
 * @param lower the range's lower end
 * @param upper the range's upper end
 * @param configValue the value of the option in Keras's config: a number or a list of two numbers
 */
record Factor(double lower, double upper, Object configValue) {

  /**
   * The factor rule of Keras's base image layer (RandomRotation, RandomContrast, RandomBrightness): a
   * number must lie in {@code [min, max]}, a pair must overlap it; Keras writes {@code [lower, upper]}.
   */
  static Factor base(String layer, double min, double max, double... factor) {
    String error = layer + ": The `factor` argument should be a number (or a list of two numbers) in "
        + "the range [" + show(min) + ", " + show(max) + "]. Received: factor=" + show(factor);
    if (factor.length == 2) {
      if (factor[0] > max || factor[1] < min) {
        throw new IllegalArgumentException(error);
      }
      double lo = Math.min(factor[0], factor[1]);
      double hi = Math.max(factor[0], factor[1]);
      return new Factor(lo, hi, List.of(lo, hi));
    }
    if (factor.length != 1 || !(factor[0] >= min && factor[0] <= max)) {
      throw new IllegalArgumentException(error);
    }
    double f = Math.abs(factor[0]);
    double lo = Math.max(-f, min);
    return new Factor(lo, f, List.of(lo, f));
  }

  /**
   * The factor rule of RandomTranslation and RandomZoom: every number within {@code [-1, 1]} (zoom:
   * {@code (-1, 1]}); Keras writes the factor as given.
   */
  static Factor ranged(String layer, String name, boolean openBelow, double... factor) {
    String range = openBelow ? "(-1.0, 1.0]" : "[-1.0, 1.0]";
    String what = openBelow ? "The `height_factor` and `width_factor` arguments should be"
        : "The `factor` argument should be";
    String prefix = layer + ": " + what + " a number (or a list of two numbers) in the range " + range
        + ". Received: ";
    if (factor.length != 1 && factor.length != 2) {
      throw new IllegalArgumentException(prefix + name + "=" + show(factor));
    }
    for (double f : factor) {
      if (!(f <= 1.0 && (openBelow ? f > -1.0 : f >= -1.0))) {
        throw new IllegalArgumentException(prefix + "input_number=" + show(f) + " (" + name + "="
            + show(factor) + ")");
      }
    }
    if (factor.length == 1) {
      double f = Math.abs(factor[0]);
      return new Factor(-f, f, factor[0]);
    }
    return new Factor(Math.min(factor[0], factor[1]), Math.max(factor[0], factor[1]),
        List.of(factor[0], factor[1]));
  }

  /** The numbers of a factor option in a Keras config: a number or a list of two numbers. */
  static double[] read(ConfigReader c, String key) {
    Object v = c.get(key);
    if (v instanceof Number) {
      return new double[] {c.getDouble(key)};
    }
    List<?> list = c.getList(key);
    if (list.size() != 2 || !list.stream().allMatch(x -> x instanceof Number)) {
      throw c.error("option " + key + " must be a number or a list of two numbers, found " + v);
    }
    return list.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
  }

  private static String show(double... values) {
    if (values.length == 1) {
      return show(values[0]);
    }
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      s.append(i > 0 ? ", " : "").append(show(values[i]));
    }
    return s.append("]").toString();
  }

  private static String show(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }
}

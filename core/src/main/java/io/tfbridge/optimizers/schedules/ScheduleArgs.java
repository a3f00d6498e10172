package io.tfbridge.optimizers.schedules;

import io.tfbridge.saving.ConfigReader;
import io.tfbridge.utils.PyFormat;
import java.util.List;
import java.util.StringJoiner;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Argument checks, Python-style value texts and float32 constants shared by the schedules. */
final class ScheduleArgs {
  private ScheduleArgs() {
  }

  /** {@code steps}, or Keras's error for a non-positive {@code arg} ({@code decay_steps}). */
  static long positive(String arg, long steps) {
    if (steps <= 0) {
      throw new IllegalArgumentException("Argument `" + arg + "` must be > 0. Received: " + arg
          + "=" + steps);
    }
    return steps;
  }

  /** A Python float as Keras turns it into a tensor: float32, rounded to nearest. */
  static Operand<TFloat32> f32(Ops tf, double value) {
    return tf.constant((float) value);
  }

  /** {@code 1 + cos(pi * fraction)} in float32, the cosine schedules' common term. */
  static Operand<TFloat32> onePlusCosPi(Ops tf, Operand<TFloat32> fraction) {
    return tf.math.add(tf.constant(1f), tf.math.cos(tf.math.mul(f32(tf, Math.PI), fraction)));
  }

  /** Python's {@code repr} of a float ({@code 0.5}, {@code 1.0}, {@code 0.0001}, {@code 1e-05}). */
  static String repr(double v) {
    return PyFormat.repr(v);
  }

  /** Python's {@code repr} of a list of floats. */
  static String repr(double[] values) {
    StringJoiner s = new StringJoiner(", ", "[", "]");
    for (double v : values) {
      s.add(repr(v));
    }
    return s.toString();
  }

  /** A list option of numbers ({@code values}). */
  static double[] doubles(ConfigReader c, String key) {
    List<?> list = c.getList(key);
    if (!list.stream().allMatch(x -> x instanceof Number)) {
      throw c.error("option " + key + " must be a list of numbers, found " + list);
    }
    return list.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
  }

  /** A list option of integers ({@code boundaries}, compared with the integer step). */
  static long[] longs(ConfigReader c, String key) {
    List<?> list = c.getList(key);
    if (!list.stream().allMatch(x -> x instanceof Integer || x instanceof Long)) {
      throw c.error("option " + key + " must be a list of integers (the optimizer's step is an "
          + "integer), found " + list);
    }
    return list.stream().mapToLong(x -> ((Number) x).longValue()).toArray();
  }
}

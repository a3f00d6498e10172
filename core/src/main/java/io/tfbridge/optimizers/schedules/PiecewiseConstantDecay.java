package io.tfbridge.optimizers.schedules;

import static io.tfbridge.optimizers.schedules.ScheduleArgs.f32;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code PiecewiseConstantDecay}: {@code values[0]} while {@code step <= boundaries[0]},
 * {@code values[i]} while {@code boundaries[i-1] < step <= boundaries[i]}, {@code values[-1]} after
 * the last boundary.
 *
 * <pre>{@code
 * LearningRateSchedule steps = PiecewiseConstantDecay.of(new long[] {1000, 2000},
 *     new double[] {0.1, 0.05, 0.01});
 * }</pre>
 */
public final class PiecewiseConstantDecay implements LearningRateSchedule {
  private final long[] boundaries;
  private final double[] values;

  private PiecewiseConstantDecay(long[] boundaries, double[] values) {
    if (boundaries.length != values.length - 1) {
      throw new IllegalArgumentException("The length of boundaries should be 1 less than the "
          + "length of values. Received: boundaries=" + Arrays.toString(boundaries) + " of length "
          + boundaries.length + ", and values=" + ScheduleArgs.repr(values) + " of length "
          + values.length + ".");
    }
    if (boundaries.length == 0) {
      // Keras accepts this and fails at the first step (it indexes boundaries[0])
      throw new IllegalArgumentException("PiecewiseConstantDecay needs at least one boundary. "
          + "Received: boundaries=[] and values=" + ScheduleArgs.repr(values));
    }
    this.boundaries = boundaries.clone();
    this.values = values.clone();
  }

  /**
   * The schedule: {@code values} has one more element than the strictly increasing
   * {@code boundaries} (optimizer steps).
   */
  public static PiecewiseConstantDecay of(long[] boundaries, double[] values) {
    return new PiecewiseConstantDecay(boundaries, values);
  }

  @Override
  public String className() {
    return "PiecewiseConstantDecay";
  }

  @Override
  public double initialLearningRate() {
    return values[0];
  }

  /** Keras's sum of {@code cast(step in interval) * value} over the intervals, in its order. */
  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> step) {
    int last = boundaries.length - 1;
    Operand<TFloat32> result = tf.constant(0f);
    result = plus(tf, result, tf.math.lessEqual(step, f32(tf, boundaries[0])), values[0]);
    result = plus(tf, result, tf.math.greater(step, f32(tf, boundaries[last])), values[last + 1]);
    for (int i = 0; i < last; i++) {
      Operand<TBool> inRange = tf.math.logicalAnd(
          tf.math.greater(step, f32(tf, boundaries[i])),
          tf.math.lessEqual(step, f32(tf, boundaries[i + 1])));
      result = plus(tf, result, inRange, values[i + 1]);
    }
    return result;
  }

  private static Operand<TFloat32> plus(Ops tf, Operand<TFloat32> sum,
      Operand<TBool> when, double value) {
    return tf.math.add(sum, tf.math.mul(tf.dtypes.cast(when, TFloat32.class), f32(tf, value)));
  }

  @Override
  public Config getConfig() {
    return Config.builder().putLongs("boundaries", boundaries)
        .put("values", Arrays.stream(values).boxed().toList()).put("name", "PiecewiseConstant")
        .build();
  }

  static PiecewiseConstantDecay fromConfig(ConfigReader c) {
    c.ignore("name");
    return of(ScheduleArgs.longs(c, "boundaries"), ScheduleArgs.doubles(c, "values"));
  }
}

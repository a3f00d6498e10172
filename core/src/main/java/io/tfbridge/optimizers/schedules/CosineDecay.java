package io.tfbridge.optimizers.schedules;

import static io.tfbridge.optimizers.schedules.ScheduleArgs.f32;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code CosineDecay}: {@code rate * ((1 - alpha) * 0.5 * (1 + cos(pi * step /
 * decay_steps)) + alpha)}, the step capped at {@code decay_steps}; with a {@code warmup_target},
 * first a linear warmup from {@code initial_learning_rate} to it over {@code warmup_steps}, then
 * the decay from the target.
 *
 * <pre>{@code
 * LearningRateSchedule warm = CosineDecay.of(0.0, 1000).warmupTarget(0.1).warmupSteps(100);
 * }</pre>
 */
public final class CosineDecay implements LearningRateSchedule {
  private final double initialLearningRate;
  private final long decaySteps;
  private final double alpha;
  private final Double warmupTarget;
  private final long warmupSteps;

  private CosineDecay(double initialLearningRate, long decaySteps, double alpha,
      Double warmupTarget, long warmupSteps) {
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = ScheduleArgs.positive("decay_steps", decaySteps);
    this.alpha = alpha;
    this.warmupTarget = warmupTarget;
    this.warmupSteps = warmupSteps;
  }

  /** The schedule with Keras's defaults: alpha 0.0, no warmup. */
  public static CosineDecay of(double initialLearningRate, long decaySteps) {
    return new CosineDecay(initialLearningRate, decaySteps, 0.0, null, 0);
  }

  /** A copy whose minimum is {@code fraction} of the rate it decays from. */
  public CosineDecay alpha(double fraction) {
    return new CosineDecay(initialLearningRate, decaySteps, fraction, warmupTarget, warmupSteps);
  }

  /** A copy that first warms up linearly to {@code target} (null: no warmup). */
  public CosineDecay warmupTarget(Double target) {
    return new CosineDecay(initialLearningRate, decaySteps, alpha, target, warmupSteps);
  }

  /** A copy that warms up over {@code steps} (used with a warmup target). */
  public CosineDecay warmupSteps(long steps) {
    return new CosineDecay(initialLearningRate, decaySteps, alpha, warmupTarget, steps);
  }

  @Override
  public String className() {
    return "CosineDecay";
  }

  @Override
  public double initialLearningRate() {
    return initialLearningRate;
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> step) {
    Operand<TFloat32> initial = f32(tf, initialLearningRate);
    Operand<TFloat32> steps = f32(tf, decaySteps);
    if (warmupTarget == null) {
      return decayed(tf, tf.math.minimum(step, steps), steps, initial);
    }
    Operand<TFloat32> target = f32(tf, warmupTarget);
    Operand<TFloat32> warmup = f32(tf, warmupSteps);
    step = tf.math.minimum(step, tf.math.add(steps, warmup));
    // Keras's cond, as a select of both branches (only the rate's value is used, no gradient)
    Operand<TFloat32> warming = tf.math.add(
        tf.math.mul(tf.math.sub(target, initial), tf.math.div(step, warmup)), initial);
    return tf.select(tf.math.less(step, warmup), warming,
        decayed(tf, tf.math.sub(step, warmup), steps, target));
  }

  /** The decay; {@code 1 - alpha} is a Python float in Keras, rounded once to float32. */
  private Operand<TFloat32> decayed(Ops tf, Operand<TFloat32> step, Operand<TFloat32> steps,
      Operand<TFloat32> from) {
    Operand<TFloat32> cosine = tf.math.mul(tf.constant(0.5f),
        ScheduleArgs.onePlusCosPi(tf, tf.math.div(step, steps)));
    Operand<TFloat32> factor = tf.math.add(tf.math.mul(f32(tf, 1 - alpha), cosine), f32(tf, alpha));
    return tf.math.mul(from, factor);
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("initial_learning_rate", initialLearningRate)
        .put("decay_steps", decaySteps).put("alpha", alpha).put("name", "CosineDecay")
        .put("warmup_target", warmupTarget).put("warmup_steps", warmupSteps).build();
  }

  static CosineDecay fromConfig(ConfigReader c) {
    c.ignore("name");
    Double target = c.has("warmup_target") ? c.getDouble("warmup_target") : null;
    return of(c.getDouble("initial_learning_rate"), c.getInt("decay_steps"))
        .alpha(c.getDouble("alpha", 0.0)).warmupTarget(target)
        .warmupSteps(c.getInt("warmup_steps", 0));
  }
}

package io.tfbridge.optimizers.schedules;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code ExponentialDecay}: {@code initial_learning_rate * decay_rate ^ (step /
 * decay_steps)}, the exponent floored when {@code staircase}.
 *
 * <pre>{@code
 * LearningRateSchedule decay = ExponentialDecay.of(0.1, 100, 0.96).staircase(true);
 * }</pre>
 */
public final class ExponentialDecay implements LearningRateSchedule {
  private final double initialLearningRate;
  private final long decaySteps;
  private final double decayRate;
  private final boolean staircase;

  private ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate,
      boolean staircase) {
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = ScheduleArgs.positive("decay_steps", decaySteps);
    this.decayRate = decayRate;
    this.staircase = staircase;
  }

  /** The schedule with Keras's required arguments ({@code staircase} false). */
  public static ExponentialDecay of(double initialLearningRate, long decaySteps, double decayRate) {
    return new ExponentialDecay(initialLearningRate, decaySteps, decayRate, false);
  }

  /** A copy that decays in discrete steps ({@code floor(step / decay_steps)}). */
  public ExponentialDecay staircase(boolean on) {
    return new ExponentialDecay(initialLearningRate, decaySteps, decayRate, on);
  }

  @Override
  public String className() {
    return "ExponentialDecay";
  }

  @Override
  public double initialLearningRate() {
    return initialLearningRate;
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> step) {
    Operand<TFloat32> p = tf.math.div(step, tf.constant((float) decaySteps));
    if (staircase) {
      p = tf.math.floor(p);
    }
    return tf.math.mul(tf.constant((float) initialLearningRate),
        tf.math.pow(tf.constant((float) decayRate), p));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("initial_learning_rate", initialLearningRate)
        .put("decay_steps", decaySteps).put("decay_rate", decayRate).put("staircase", staircase)
        .put("name", "ExponentialDecay").build();
  }

  static ExponentialDecay fromConfig(ConfigReader c) {
    c.ignore("name");
    return of(c.getDouble("initial_learning_rate"), c.getInt("decay_steps"),
        c.getDouble("decay_rate")).staircase(c.getBool("staircase", false));
  }
}

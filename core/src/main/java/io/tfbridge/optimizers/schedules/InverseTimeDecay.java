package io.tfbridge.optimizers.schedules;

import static io.tfbridge.optimizers.schedules.ScheduleArgs.f32;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code InverseTimeDecay}: {@code initial_learning_rate / (1 + decay_rate * step /
 * decay_steps)}, the quotient {@code step / decay_steps} floored when {@code staircase}.
 *
 * <pre>{@code
 * LearningRateSchedule inverse = InverseTimeDecay.of(0.1, 1, 0.5).staircase(true);
 * }</pre>
 */
public final class InverseTimeDecay implements LearningRateSchedule {
  private final double initialLearningRate;
  private final long decaySteps;
  private final double decayRate;
  private final boolean staircase;

  private InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate,
      boolean staircase) {
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = ScheduleArgs.positive("decay_steps", decaySteps);
    this.decayRate = decayRate;
    this.staircase = staircase;
  }

  /** The schedule with Keras's required arguments ({@code staircase} false). */
  public static InverseTimeDecay of(double initialLearningRate, long decaySteps, double decayRate) {
    return new InverseTimeDecay(initialLearningRate, decaySteps, decayRate, false);
  }

  /** A copy that decays in discrete steps ({@code floor(step / decay_steps)}). */
  public InverseTimeDecay staircase(boolean on) {
    return new InverseTimeDecay(initialLearningRate, decaySteps, decayRate, on);
  }

  @Override
  public String className() {
    return "InverseTimeDecay";
  }

  @Override
  public double initialLearningRate() {
    return initialLearningRate;
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> step) {
    Operand<TFloat32> p = tf.math.div(step, f32(tf, decaySteps));
    if (staircase) {
      p = tf.math.floor(p);
    }
    Operand<TFloat32> denominator = tf.math.add(tf.constant(1f),
        tf.math.mul(f32(tf, decayRate), p));
    return tf.math.div(f32(tf, initialLearningRate), denominator);
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("initial_learning_rate", initialLearningRate)
        .put("decay_steps", decaySteps).put("decay_rate", decayRate).put("staircase", staircase)
        .put("name", "InverseTimeDecay").build();
  }

  static InverseTimeDecay fromConfig(ConfigReader c) {
    c.ignore("name");
    return of(c.getDouble("initial_learning_rate"), c.getInt("decay_steps"),
        c.getDouble("decay_rate")).staircase(c.getBool("staircase", false));
  }
}

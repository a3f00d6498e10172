package io.tfbridge.optimizers.schedules;

import static io.tfbridge.optimizers.schedules.ScheduleArgs.f32;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code PolynomialDecay}: from {@code initial_learning_rate} to {@code end_learning_rate}
 * in {@code decay_steps}, {@code (initial - end) * (1 - step / decay_steps) ^ power + end}, the step
 * capped at {@code decay_steps}; with {@code cycle}, {@code decay_steps} grows to the first multiple
 * of itself not below the step instead.
 *
 * <pre>{@code
 * LearningRateSchedule poly = PolynomialDecay.of(0.1, 10000).endLearningRate(0.01).power(0.5);
 * }</pre>
 */
public final class PolynomialDecay implements LearningRateSchedule {
  private final double initialLearningRate;
  private final long decaySteps;
  private final double endLearningRate;
  private final double power;
  private final boolean cycle;

  private PolynomialDecay(double initialLearningRate, long decaySteps, double endLearningRate,
      double power, boolean cycle) {
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = ScheduleArgs.positive("decay_steps", decaySteps);
    this.endLearningRate = endLearningRate;
    this.power = power;
    this.cycle = cycle;
  }

  /** The schedule with Keras's defaults: end_learning_rate 0.0001, power 1.0, no cycle. */
  public static PolynomialDecay of(double initialLearningRate, long decaySteps) {
    return new PolynomialDecay(initialLearningRate, decaySteps, 0.0001, 1.0, false);
  }

  /** A copy that ends at {@code rate}. */
  public PolynomialDecay endLearningRate(double rate) {
    return new PolynomialDecay(initialLearningRate, decaySteps, rate, power, cycle);
  }

  /** A copy with the polynomial's power. */
  public PolynomialDecay power(double value) {
    return new PolynomialDecay(initialLearningRate, decaySteps, endLearningRate, value, cycle);
  }

  /** A copy that cycles beyond {@code decay_steps}. */
  public PolynomialDecay cycle(boolean on) {
    return new PolynomialDecay(initialLearningRate, decaySteps, endLearningRate, power, on);
  }

  @Override
  public String className() {
    return "PolynomialDecay";
  }

  @Override
  public double initialLearningRate() {
    return initialLearningRate;
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> step) {
    Operand<TFloat32> initial = f32(tf, initialLearningRate);
    Operand<TFloat32> end = f32(tf, endLearningRate);
    Operand<TFloat32> steps = f32(tf, decaySteps);
    if (cycle) {
      Operand<TFloat32> multiplier = tf.select(tf.math.equal(step, tf.constant(0f)),
          tf.constant(1f), tf.math.ceil(tf.math.div(step, f32(tf, decaySteps))));
      steps = tf.math.mul(steps, multiplier);
    } else {
      step = tf.math.minimum(step, steps);
    }
    Operand<TFloat32> p = tf.math.div(step, steps);
    Operand<TFloat32> falloff = tf.math.pow(tf.math.sub(tf.constant(1f), p), f32(tf, power));
    return tf.math.add(tf.math.mul(tf.math.sub(initial, end), falloff), end);
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("initial_learning_rate", initialLearningRate)
        .put("decay_steps", decaySteps).put("end_learning_rate", endLearningRate)
        .put("power", power).put("cycle", cycle).put("name", "PolynomialDecay").build();
  }

  static PolynomialDecay fromConfig(ConfigReader c) {
    c.ignore("name");
    return of(c.getDouble("initial_learning_rate"), c.getInt("decay_steps"))
        .endLearningRate(c.getDouble("end_learning_rate", 0.0001))
        .power(c.getDouble("power", 1.0)).cycle(c.getBool("cycle", false));
  }
}

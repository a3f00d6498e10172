package io.tfbridge.optimizers.schedules;

import static io.tfbridge.optimizers.schedules.ScheduleArgs.f32;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code CosineDecayRestarts} (SGDR): a cosine decay from 1 to {@code alpha} (times the
 * initial rate) over {@code first_decay_steps}, then warm restarts, each period {@code t_mul}
 * times longer and starting at {@code m_mul} times the previous period's peak.
 *
 * <pre>{@code
 * LearningRateSchedule sgdr = CosineDecayRestarts.of(0.1, 1000).tMul(1.0).mMul(0.5);
 * }</pre>
 */
public final class CosineDecayRestarts implements LearningRateSchedule {
  private final double initialLearningRate;
  private final long firstDecaySteps;
  private final double tMul;
  private final double mMul;
  private final double alpha;

  private CosineDecayRestarts(double initialLearningRate, long firstDecaySteps, double tMul,
      double mMul, double alpha) {
    this.initialLearningRate = initialLearningRate;
    this.firstDecaySteps = ScheduleArgs.positive("first_decay_steps", firstDecaySteps);
    this.tMul = tMul;
    this.mMul = mMul;
    this.alpha = alpha;
  }

  /** The schedule with Keras's defaults: t_mul 2.0, m_mul 1.0, alpha 0.0. */
  public static CosineDecayRestarts of(double initialLearningRate, long firstDecaySteps) {
    return new CosineDecayRestarts(initialLearningRate, firstDecaySteps, 2.0, 1.0, 0.0);
  }

  /** A copy whose every period is {@code factor} times as long as the previous one. */
  public CosineDecayRestarts tMul(double factor) {
    return new CosineDecayRestarts(initialLearningRate, firstDecaySteps, factor, mMul, alpha);
  }

  /** A copy whose every restart peaks at {@code factor} times the previous peak. */
  public CosineDecayRestarts mMul(double factor) {
    return new CosineDecayRestarts(initialLearningRate, firstDecaySteps, tMul, factor, alpha);
  }

  /** A copy whose minimum is {@code fraction} of the initial rate. */
  public CosineDecayRestarts alpha(double fraction) {
    return new CosineDecayRestarts(initialLearningRate, firstDecaySteps, tMul, mMul, fraction);
  }

  @Override
  public String className() {
    return "CosineDecayRestarts";
  }

  @Override
  public double initialLearningRate() {
    return initialLearningRate;
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> step) {
    Operand<TFloat32> fraction = tf.math.div(step, f32(tf, firstDecaySteps));
    // Keras's cond on t_mul == 1.0 (in float32), decided here as t_mul is a constant
    Period period = (float) tMul == 1f ? periodic(tf, fraction) : geometric(tf, fraction);
    Operand<TFloat32> peak = tf.math.pow(f32(tf, mMul), period.restart());
    Operand<TFloat32> cosine = tf.math.mul(tf.math.mul(tf.constant(0.5f), peak),
        ScheduleArgs.onePlusCosPi(tf, period.fraction()));
    Operand<TFloat32> a = f32(tf, alpha);
    Operand<TFloat32> factor = tf.math.add(tf.math.mul(tf.math.sub(tf.constant(1f), a), cosine), a);
    return tf.math.mul(f32(tf, initialLearningRate), factor);
  }

  /** The restart's index (float32) and the fraction of its period done. */
  private record Period(Operand<TFloat32> restart, Operand<TFloat32> fraction) {
  }

  /** Equal periods: the restart is the fraction's integer part, the rest its fractional part. */
  private static Period periodic(Ops tf, Operand<TFloat32> fraction) {
    Operand<TFloat32> restart = tf.math.floor(fraction);
    return new Period(restart, tf.math.sub(fraction, restart));
  }

  /** Periods growing by t_mul: the restart from the geometric series' sum, then the remainder. */
  private Period geometric(Ops tf, Operand<TFloat32> fraction) {
    Operand<TFloat32> t = f32(tf, tMul);
    Operand<TFloat32> oneMinusT = tf.math.sub(tf.constant(1f), t);
    Operand<TFloat32> restart = tf.math.floor(tf.math.div(
        tf.math.log(tf.math.sub(tf.constant(1f), tf.math.mul(fraction, oneMinusT))),
        tf.math.log(t)));
    Operand<TFloat32> scale = tf.math.pow(t, restart);
    Operand<TFloat32> before = tf.math.div(tf.math.sub(tf.constant(1f), scale), oneMinusT);
    return new Period(restart, tf.math.div(tf.math.sub(fraction, before), scale));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("initial_learning_rate", initialLearningRate)
        .put("first_decay_steps", firstDecaySteps).put("t_mul", tMul).put("m_mul", mMul)
        .put("alpha", alpha).put("name", "SGDRDecay").build();
  }

  static CosineDecayRestarts fromConfig(ConfigReader c) {
    c.ignore("name");
    return of(c.getDouble("initial_learning_rate"), c.getInt("first_decay_steps"))
        .tMul(c.getDouble("t_mul", 2.0)).mMul(c.getDouble("m_mul", 1.0))
        .alpha(c.getDouble("alpha", 0.0));
  }
}

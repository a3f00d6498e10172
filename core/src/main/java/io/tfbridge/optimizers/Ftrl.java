package io.tfbridge.optimizers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Ftrl} ("Follow The Regularized Leader", McMahan et al. 2013), Keras's defaults:
 * learning rate 0.001, learning_rate_power -0.5, initial_accumulator_value 0.1, no L1 / L2 / L2
 * shrinkage regularization, beta 0. Per variable, with {@code p = -learning_rate_power} and
 * {@code n' = n + g^2}: {@code z += g + 2 * l2_shrinkage * w - (n'^p - n^p) / lr * w}, then
 * {@code w = (clip(z, -l1, l1) - z) / (n'^p / lr + 2 * (l2 + beta / (2 lr)))}, {@code n = n'}. Its
 * slots are Keras's {@code accumulator} ({@code n}, starting at initial_accumulator_value) and
 * {@code linear} ({@code z}).
 *
 * <pre>{@code
 * Optimizer ftrl = Ftrl.of().learningRate(0.1).l1RegularizationStrength(0.01).beta(0.5);
 * }</pre>
 */
public final class Ftrl extends BaseOptimizer<Ftrl> {
  private final Settings settings;

  /** Ftrl's own arguments, checked as Keras's constructor checks them. */
  private record Settings(double learningRatePower, double initialAccumulatorValue, double l1,
      double l2, double l2Shrinkage, double beta) {
    Settings {
      nonNegative("initial_accumulator_value", initialAccumulatorValue);
      if (learningRatePower > 0) {
        throw new IllegalArgumentException("`learning_rate_power` needs to be negative or zero. "
            + "Received: learning_rate_power=" + learningRatePower + ".");
      }
      nonNegative("l1_regularization_strength", l1);
      nonNegative("l2_regularization_strength", l2);
      nonNegative("l2_shrinkage_regularization_strength", l2Shrinkage);
    }

    private static void nonNegative(String argument, double value) {
      if (value < 0) {
        throw new IllegalArgumentException("`" + argument + "` needs to be positive or zero. "
            + "Received: " + argument + "=" + value + ".");
      }
    }
  }

  private Ftrl(OptimizerOptions options, Settings settings) {
    super(options);
    this.settings = settings;
  }

  /** Ftrl with Keras's defaults. */
  public static Ftrl of() {
    return new Ftrl(OptimizerOptions.of(0.001), new Settings(-0.5, 0.1, 0, 0, 0, 0));
  }

  @Override
  protected Ftrl with(OptimizerOptions options) {
    return new Ftrl(options, settings);
  }

  private Ftrl with(Settings s) {
    return new Ftrl(options(), s);
  }

  /** A copy with this {@code learning_rate_power} (at most 0; 0 keeps the rate fixed). */
  public Ftrl learningRatePower(double value) {
    Settings s = settings;
    return with(new Settings(value, s.initialAccumulatorValue, s.l1, s.l2, s.l2Shrinkage, s.beta));
  }

  /** A copy whose accumulators start at this value (at least 0). */
  public Ftrl initialAccumulatorValue(double value) {
    Settings s = settings;
    return with(new Settings(s.learningRatePower, value, s.l1, s.l2, s.l2Shrinkage, s.beta));
  }

  /** A copy with this {@code l1_regularization_strength} (at least 0). */
  public Ftrl l1RegularizationStrength(double value) {
    Settings s = settings;
    return with(new Settings(s.learningRatePower, s.initialAccumulatorValue, value, s.l2,
        s.l2Shrinkage, s.beta));
  }

  /** A copy with this (stabilization) {@code l2_regularization_strength} (at least 0). */
  public Ftrl l2RegularizationStrength(double value) {
    Settings s = settings;
    return with(new Settings(s.learningRatePower, s.initialAccumulatorValue, s.l1, value,
        s.l2Shrinkage, s.beta));
  }

  /** A copy with this (magnitude) {@code l2_shrinkage_regularization_strength} (at least 0). */
  public Ftrl l2ShrinkageRegularizationStrength(double value) {
    Settings s = settings;
    return with(new Settings(s.learningRatePower, s.initialAccumulatorValue, s.l1, s.l2, value,
        s.beta));
  }

  /** A copy with the paper's {@code beta}. */
  public Ftrl beta(double value) {
    Settings s = settings;
    return with(new Settings(s.learningRatePower, s.initialAccumulatorValue, s.l1, s.l2,
        s.l2Shrinkage, value));
  }

  @Override
  public String kerasName() {
    return "ftrl";
  }

  @Override
  public String className() {
    return "Ftrl";
  }

  @Override
  public List<List<String>> slotGroups() {
    return List.of(List.of("accumulator", "linear"));
  }

  @Override
  protected Config ownConfig() {
    Settings s = settings;
    return Config.builder().put("learning_rate_power", s.learningRatePower)
        .put("initial_accumulator_value", s.initialAccumulatorValue)
        .put("l1_regularization_strength", s.l1).put("l2_regularization_strength", s.l2)
        .put("l2_shrinkage_regularization_strength", s.l2Shrinkage).put("beta", s.beta).build();
  }

  static Ftrl fromConfig(ConfigReader c) {
    return new Ftrl(OptimizerOptions.read(c, 0.001), new Settings(
        c.getDouble("learning_rate_power", -0.5), c.getDouble("initial_accumulator_value", 0.1),
        c.getDouble("l1_regularization_strength", 0), c.getDouble("l2_regularization_strength", 0),
        c.getDouble("l2_shrinkage_regularization_strength", 0), c.getDouble("beta", 0)));
  }

  /**
   * Keras's {@code update_step}, op by op in float32. VariableV2 reads are not snapshots: the
   * accumulator is overwritten last, after the variable's new value (which needs its old value).
   */
  @Override
  protected Op update(Ops tf, Gradient g, Operand<TFloat32> lr, Operand<TFloat32> step,
      Slots slots) {
    Settings s = settings;
    Operand<TFloat32> w = g.variable();
    Operand<TFloat32> accum = slots.of(g, "accumulator", s.initialAccumulatorValue);
    Operand<TFloat32> linear = slots.of(g, "linear");
    Operand<TFloat32> power = tf.constant((float) -s.learningRatePower);
    Operand<TFloat32> two = tf.constant(2f);
    Operand<TFloat32> l2Reg = tf.math.add(tf.constant((float) s.l2),
        tf.math.div(tf.constant((float) s.beta), tf.math.mul(two, lr)));
    Operand<TFloat32> grad = tf.math.add(g.gradient(),
        tf.math.mul(tf.constant((float) (2 * s.l2Shrinkage)), w));
    Operand<TFloat32> newAccum = tf.math.add(accum, tf.math.square(g.gradient()));
    Operand<TFloat32> newPower = tf.math.pow(newAccum, power);
    Operand<TFloat32> sigma = tf.math.div(tf.math.sub(newPower, tf.math.pow(accum, power)), lr);
    Operand<TFloat32> z = tf.assignAdd(linear, tf.math.sub(grad, tf.math.mul(sigma, w)));
    Operand<TFloat32> quadratic = tf.math.add(tf.math.div(newPower, lr), tf.math.mul(two, l2Reg));
    Operand<TFloat32> clipped = tf.clipByValue(z, tf.constant((float) -s.l1),
        tf.constant((float) s.l1));
    Op wNew = tf.assign(w, tf.math.div(tf.math.sub(clipped, z), quadratic));
    return tf.withControlDependencies(List.of(wNew)).assign(accum, newAccum);
  }
}

package io.tfbridge.optimizers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Lion} (sign of an interpolated momentum), with Keras's defaults: learning rate
 * 0.001, beta_1 0.9, beta_2 0.99. Per variable: {@code var -= lr * sign(beta_1 m + (1 - beta_1)
 * g)}, then {@code m = beta_2 m + (1 - beta_2) g}.
 *
 * <pre>{@code
 * Optimizer lion = Lion.of().learningRate(1e-4).betas(0.95, 0.98).weightDecay(0.01);
 * }</pre>
 */
public final class Lion extends BaseOptimizer<Lion> {
  private final double beta1;
  private final double beta2;

  private Lion(OptimizerOptions options, double beta1, double beta2) {
    super(options);
    if (!(beta1 > 0 && beta1 <= 1)) {
      throw new IllegalArgumentException("Argument `beta_1` must be in the [0, 1] range. "
          + "Otherwise, the optimizer degenerates to SignSGD. Received: beta_1=" + beta1 + ".");
    }
    this.beta1 = beta1;
    this.beta2 = beta2;
  }

  /** Lion with Keras's defaults. */
  public static Lion of() {
    return new Lion(OptimizerOptions.of(0.001), 0.9, 0.99);
  }

  @Override
  protected Lion with(OptimizerOptions options) {
    return new Lion(options, beta1, beta2);
  }

  /**
   * A copy with these rates: {@code beta1} mixes the momentum and the gradient of the update,
   * {@code beta2} decays the momentum.
   */
  public Lion betas(double beta1, double beta2) {
    return new Lion(options(), beta1, beta2);
  }

  @Override
  public String kerasName() {
    return "lion";
  }

  @Override
  public String className() {
    return "Lion";
  }

  /** beta_1. */
  public double beta1() {
    return beta1;
  }

  /** beta_2. */
  public double beta2() {
    return beta2;
  }

  @Override
  public List<List<String>> slotGroups() {
    return List.of(List.of("momentum"));
  }

  @Override
  protected Config ownConfig() {
    return Config.builder().put("beta_1", beta1).put("beta_2", beta2).build();
  }

  static Lion fromConfig(ConfigReader c) {
    return new Lion(OptimizerOptions.read(c, 0.001), c.getDouble("beta_1", 0.9),
        c.getDouble("beta_2", 0.99));
  }

  @Override
  protected Op update(Ops tf, Gradient g, Operand<TFloat32> lr, Operand<TFloat32> step,
      Slots slots) {
    Operand<TFloat32> m = slots.of(g, "momentum");
    Op applied = tf.assignSub(g.variable(), tf.math.mul(lr, tf.math.sign(mix(tf, m, g, beta1))));
    // the momentum moves after the variable's update has read it
    Ops after = tf.withControlDependencies(List.of(applied));
    return after.assign(m, mix(after, m, g, beta2));
  }

  /** {@code m * beta + g * (1 - beta)}, {@code 1 - beta} in float32 as Keras computes it. */
  private static Operand<TFloat32> mix(Ops tf, Operand<TFloat32> m, Gradient g, double beta) {
    float b = (float) beta;
    return tf.math.add(tf.math.mul(m, tf.constant(b)),
        tf.math.mul(g.gradient(), tf.constant(1f - b)));
  }
}

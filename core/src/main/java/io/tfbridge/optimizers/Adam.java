package io.tfbridge.optimizers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Adam} with Keras's defaults: learning rate 0.001, beta_1 0.9, beta_2 0.999, epsilon
 * 1e-7, amsgrad off. With {@code t = iterations + 1}: {@code m += (g - m)(1 - beta_1)}, {@code v +=
 * (g^2 - v)(1 - beta_2)}, {@code var -= lr sqrt(1 - beta_2^t) / (1 - beta_1^t) * m / (sqrt(v) +
 * epsilon)}; with amsgrad {@code v} in the last step is the running maximum {@code v_hat}.
 *
 * <pre>{@code
 * Optimizer adam = Adam.of().learningRate(0.01).amsgrad(true).clipnorm(1.0);
 * }</pre>
 */
public final class Adam extends BaseOptimizer<Adam> {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final boolean amsgrad;

  private Adam(OptimizerOptions options, double beta1, double beta2, double epsilon,
      boolean amsgrad) {
    super(options);
    this.beta1 = OptimizerArgs.unitInterval("beta_1", beta1);
    this.beta2 = OptimizerArgs.unitInterval("beta_2", beta2);
    this.epsilon = OptimizerArgs.positive("epsilon", epsilon);
    this.amsgrad = amsgrad;
  }

  /** Adam with Keras's defaults. */
  public static Adam of() {
    return new Adam(OptimizerOptions.of(0.001), 0.9, 0.999, 1e-7, false);
  }

  @Override
  protected Adam with(OptimizerOptions options) {
    return new Adam(options, beta1, beta2, epsilon, amsgrad);
  }

  /** A copy with these moment decay rates. */
  public Adam betas(double beta1, double beta2) {
    return new Adam(options(), beta1, beta2, epsilon, amsgrad);
  }

  /** A copy with this epsilon. */
  public Adam epsilon(double value) {
    return new Adam(options(), beta1, beta2, value, amsgrad);
  }

  /** A copy using AMSGrad (the running maximum of the second moment). */
  public Adam amsgrad(boolean on) {
    return new Adam(options(), beta1, beta2, epsilon, on);
  }

  @Override
  public String kerasName() {
    return "adam";
  }

  @Override
  public String className() {
    return "Adam";
  }

  /** beta_1. */
  public double beta1() {
    return beta1;
  }

  /** beta_2. */
  public double beta2() {
    return beta2;
  }

  /** epsilon. */
  public double epsilon() {
    return epsilon;
  }

  /** Whether AMSGrad is on. */
  public boolean amsgrad() {
    return amsgrad;
  }

  @Override
  public List<List<String>> slotGroups() {
    return amsgrad ? List.of(List.of("momentum", "velocity"), List.of("velocity_hat"))
        : List.of(List.of("momentum", "velocity"));
  }

  @Override
  protected Config ownConfig() {
    return Config.builder().put("beta_1", beta1).put("beta_2", beta2).put("epsilon", epsilon)
        .put("amsgrad", amsgrad).build();
  }

  static Adam fromConfig(ConfigReader c) {
    return new Adam(OptimizerOptions.read(c, 0.001), c.getDouble("beta_1", 0.9),
        c.getDouble("beta_2", 0.999), c.getDouble("epsilon", 1e-7), c.getBool("amsgrad", false));
  }

  @Override
  protected Op update(Ops tf, Gradient g, Operand<TFloat32> lr, Operand<TFloat32> step,
      Slots slots) {
    Operand<TFloat32> t = tf.math.add(step, tf.constant(1f));
    Operand<TFloat32> beta1Power = tf.math.pow(tf.constant((float) beta1), t);
    Operand<TFloat32> beta2Power = tf.math.pow(tf.constant((float) beta2), t);
    Operand<TFloat32> m = slots.of(g, "momentum");
    Operand<TFloat32> v = slots.of(g, "velocity");
    if (!amsgrad) {
      return tf.train.applyAdam(g.variable(), m, v, beta1Power, beta2Power, lr,
          tf.constant((float) beta1), tf.constant((float) beta2), tf.constant((float) epsilon),
          g.gradient());
    }
    Operand<TFloat32> alpha = tf.math.div(tf.math.mul(lr, tf.math.sqrt(
        tf.math.sub(tf.constant(1f), beta2Power))), tf.math.sub(tf.constant(1f), beta1Power));
    Operand<TFloat32> mNew = tf.assignAdd(m, tf.math.mul(tf.math.sub(g.gradient(), m),
        tf.constant((float) (1 - beta1))));
    Operand<TFloat32> vNew = tf.assignAdd(v, tf.math.mul(tf.math.sub(tf.math.square(g.gradient()),
        v), tf.constant((float) (1 - beta2))));
    Operand<TFloat32> vHat = slots.of(g, "velocity_hat");
    Operand<TFloat32> vMax = tf.assign(vHat, tf.math.maximum(vHat, vNew));
    return tf.assignSub(g.variable(), tf.math.div(tf.math.mul(mNew, alpha),
        tf.math.add(tf.math.sqrt(vMax), tf.constant((float) epsilon))));
  }
}

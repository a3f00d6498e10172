package io.tfbridge.optimizers;

import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Adamax}, Adam with the infinity norm, with Keras's defaults: learning rate 0.001,
 * beta_1 0.9, beta_2 0.999, epsilon 1e-7. With {@code t = iterations + 1}: {@code m += (g - m)(1 -
 * beta_1)}, {@code u = max(beta_2 u, |g|)}, {@code var -= lr m / ((1 - beta_1^t)(u + epsilon))}.
 *
 * <pre>{@code
 * Optimizer adamax = Adamax.of().learningRate(0.002).betas(0.8, 0.99);
 * }</pre>
 */
public final class Adamax extends MomentsOptimizer<Adamax> {

  private Adamax(OptimizerOptions options, Moments moments) {
    super(options, moments);
  }

  /** Adamax with Keras's defaults. */
  public static Adamax of() {
    return new Adamax(OptimizerOptions.of(0.001), Moments.DEFAULTS);
  }

  @Override
  Adamax with(OptimizerOptions options, Moments moments) {
    return new Adamax(options, moments);
  }

  @Override
  public String kerasName() {
    return "adamax";
  }

  @Override
  public String className() {
    return "Adamax";
  }

  @Override
  public List<List<String>> slotGroups() {
    return List.of(List.of("momentum", "norm"));
  }

  static Adamax fromConfig(ConfigReader c) {
    return new Adamax(OptimizerOptions.read(c, 0.001), Moments.read(c));
  }

  @Override
  protected Op update(Ops tf, Gradient g, Operand<TFloat32> lr, Operand<TFloat32> step,
      Slots slots) {
    Operand<TFloat32> t = tf.math.add(step, tf.constant(1f));
    Operand<TFloat32> beta1Power = tf.math.pow(tf.constant((float) beta1()), t);
    Operand<TFloat32> m = slots.of(g, "momentum");
    Operand<TFloat32> u = slots.of(g, "norm");
    Operand<TFloat32> mNew = tf.assignAdd(m, tf.math.mul(tf.math.sub(g.gradient(), m),
        tf.constant((float) (1 - beta1()))));
    Operand<TFloat32> uNew = tf.assign(u, tf.math.maximum(
        tf.math.mul(tf.constant((float) beta2()), u), tf.math.abs(g.gradient())));
    Operand<TFloat32> denominator = tf.math.mul(tf.math.sub(tf.constant(1f), beta1Power),
        tf.math.add(uNew, tf.constant((float) epsilon())));
    return tf.assignSub(g.variable(), tf.math.div(tf.math.mul(lr, mNew), denominator));
  }
}

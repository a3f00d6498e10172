package io.tfbridge.optimizers;

import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Nadam}, Adam with Nesterov momentum, with Keras's defaults: learning rate 0.001,
 * beta_1 0.9, beta_2 0.999, epsilon 1e-7. With {@code t = iterations + 1} and the momentum schedule
 * {@code mu(t) = beta_1 (1 - 0.5 * 0.96^t)}, once per step the optimizer's own variable
 * {@code u_product} (starting at 1) becomes {@code u_product * mu(t)}, then per variable: {@code m
 * += (g - m)(1 - beta_1)}, {@code v += (g^2 - v)(1 - beta_2)}, {@code m_hat = mu(t+1) m / (1 -
 * u_product mu(t+1)) + (1 - mu(t)) g / (1 - u_product)}, {@code var -= lr m_hat / (sqrt(v / (1 -
 * beta_2^t)) + epsilon)}.
 *
 * <pre>{@code
 * Optimizer nadam = Nadam.of().learningRate(0.002).epsilon(1e-6);
 * }</pre>
 */
public final class Nadam extends MomentsOptimizer<Nadam> {
  /** Keras's {@code _u_product}, the product of the momentum schedule so far (unnamed in Keras). */
  static final Optimizer.Global U_PRODUCT = new Optimizer.Global("u_product", 1.0, "variable");
  private static final float DECAY = 0.96f;

  private Nadam(OptimizerOptions options, Moments moments) {
    super(options, moments);
  }

  /** Nadam with Keras's defaults. */
  public static Nadam of() {
    return new Nadam(OptimizerOptions.of(0.001), Moments.DEFAULTS);
  }

  @Override
  Nadam with(OptimizerOptions options, Moments moments) {
    return new Nadam(options, moments);
  }

  @Override
  public String kerasName() {
    return "nadam";
  }

  @Override
  public String className() {
    return "Nadam";
  }

  @Override
  public List<List<String>> slotGroups() {
    return List.of(List.of("momentum", "velocity"));
  }

  @Override
  public List<Optimizer.Global> globals() {
    return List.of(U_PRODUCT);
  }

  static Nadam fromConfig(ConfigReader c) {
    return new Nadam(OptimizerOptions.read(c, 0.001), Moments.read(c));
  }

  /** {@code u_product *= mu(t)}, as Keras's {@code _backend_update_step} does before the updates. */
  @Override
  protected List<Op> prologue(Ops tf, Operand<TFloat32> lr, Operand<TFloat32> step, Slots slots) {
    Operand<TFloat32> uProduct = slots.global(U_PRODUCT);
    Operand<TFloat32> scaled = tf.math.mul(uProduct, tf.constant((float) beta1()));
    return List.of(tf.assign(uProduct, tf.math.mul(scaled,
        tf.math.sub(tf.constant(1f), halfDecay(tf, plus(tf, step, 1))))));
  }

  @Override
  protected Op update(Ops tf, Gradient g, Operand<TFloat32> lr, Operand<TFloat32> step,
      Slots slots) {
    float beta1 = (float) beta1();
    float beta2 = (float) beta2();
    Operand<TFloat32> t = plus(tf, step, 1);
    Operand<TFloat32> uT = momentumAt(tf, t);
    Operand<TFloat32> uNext = momentumAt(tf, plus(tf, step, 2));
    Operand<TFloat32> uProduct = slots.global(U_PRODUCT); // read after the prologue's update
    Operand<TFloat32> uProductNext = tf.math.mul(uProduct, uNext);
    Operand<TFloat32> m = slots.of(g, "momentum");
    Operand<TFloat32> v = slots.of(g, "velocity");
    Operand<TFloat32> mNew = tf.assignAdd(m, tf.math.mul(tf.math.sub(g.gradient(), m),
        tf.constant(1f - beta1)));
    Operand<TFloat32> vNew = tf.assignAdd(v, tf.math.mul(tf.math.sub(
        tf.math.square(g.gradient()), v), tf.constant(1f - beta2)));
    Operand<TFloat32> mHat = tf.math.add(
        tf.math.div(tf.math.mul(uNext, mNew), oneMinus(tf, uProductNext)),
        tf.math.div(tf.math.mul(oneMinus(tf, uT), g.gradient()), oneMinus(tf, uProduct)));
    Operand<TFloat32> vHat = tf.math.div(vNew, oneMinus(tf, tf.math.pow(tf.constant(beta2), t)));
    return tf.assignSub(g.variable(), tf.math.div(tf.math.mul(mHat, lr),
        tf.math.add(tf.math.sqrt(vHat), tf.constant((float) epsilon()))));
  }

  /** {@code mu(t) = beta_1 * (1 - 0.5 * 0.96^t)}, in float32 as Keras computes it. */
  private Operand<TFloat32> momentumAt(Ops tf, Operand<TFloat32> t) {
    return tf.math.mul(tf.constant((float) beta1()), oneMinus(tf, halfDecay(tf, t)));
  }

  /** {@code 0.5 * 0.96^t}. */
  private static Operand<TFloat32> halfDecay(Ops tf, Operand<TFloat32> t) {
    return tf.math.mul(tf.constant(0.5f), tf.math.pow(tf.constant(DECAY), t));
  }

  private static Operand<TFloat32> oneMinus(Ops tf, Operand<TFloat32> x) {
    return tf.math.sub(tf.constant(1f), x);
  }

  private static Operand<TFloat32> plus(Ops tf, Operand<TFloat32> step, float n) {
    return tf.math.add(step, tf.constant(n));
  }
}

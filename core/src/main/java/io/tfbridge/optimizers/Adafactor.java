package io.tfbridge.optimizers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras's {@code Adafactor} (Shazeer and Stern, 2018) with Keras's defaults: learning rate 0.001,
 * beta_2_decay -0.8, epsilon_1 1e-30, epsilon_2 1e-3, clip_threshold 1, relative_step on. With
 * {@code t = iterations + 1}, {@code rho = min(lr, 1 / sqrt(t))}, {@code beta = 1 - t^beta_2_decay}
 * and {@code s = g^2 + epsilon_1}: a variable of rank 2 or more keeps the factored second moments
 * {@code r = beta r + (1 - beta) mean(s, -1)} and {@code c = beta c + (1 - beta) mean(s, -2)}, and
 * {@code v = r / mean(r, -1) (outer) c}; a smaller one keeps {@code v = beta v + (1 - beta) s} (its
 * {@code r} and {@code c} are Keras's scalar placeholders, always 0). Then {@code u = g / sqrt(v)},
 * {@code var -= max(epsilon_2, rms(var)) rho u / max(1, rms(u) / clip_threshold)}.
 *
 * <p>Keras's {@code relative_step} (with a constant rate) takes {@code lr = min(lr, 1 / sqrt(t))}
 * before {@code rho}, which already is that minimum: it does not change a step, it is kept for the
 * config.
 *
 * <p>Keras saves the placeholders as int32 zeros and names {@code r} and {@code c} after the variable
 * alone ({@code adafactor/kernel}, the same for both), so it cannot write Adafactor to a legacy
 * {@code .h5}; tfbridge keeps float32 zeros (Keras loads them) under unique slot names.
 *
 * <pre>{@code
 * Optimizer adafactor = Adafactor.of().learningRate(0.01).clipThreshold(0.5);
 * }</pre>
 */
public final class Adafactor extends BaseOptimizer<Adafactor> {
  private final Settings settings;

  /** Adafactor's own arguments (Keras checks none of them). */
  private record Settings(double beta2Decay, double epsilon1, double epsilon2,
      double clipThreshold, boolean relativeStep) {}

  private Adafactor(OptimizerOptions options, Settings settings) {
    super(options);
    this.settings = settings;
  }

  /** Adafactor with Keras's defaults. */
  public static Adafactor of() {
    return new Adafactor(OptimizerOptions.of(0.001), new Settings(-0.8, 1e-30, 1e-3, 1.0, true));
  }

  @Override
  protected Adafactor with(OptimizerOptions options) {
    return new Adafactor(options, settings);
  }

  private Adafactor with(Settings s) {
    return new Adafactor(options(), s);
  }

  /** A copy with this {@code beta_2_decay} (the decay rate of the second moments' beta). */
  public Adafactor beta2Decay(double value) {
    Settings s = settings;
    return with(new Settings(value, s.epsilon1, s.epsilon2, s.clipThreshold, s.relativeStep));
  }

  /** A copy with this {@code epsilon_1} (added to the squared gradients). */
  public Adafactor epsilon1(double value) {
    Settings s = settings;
    return with(new Settings(s.beta2Decay, value, s.epsilon2, s.clipThreshold, s.relativeStep));
  }

  /** A copy with this {@code epsilon_2} (the least scale of a step, against small variables). */
  public Adafactor epsilon2(double value) {
    Settings s = settings;
    return with(new Settings(s.beta2Decay, s.epsilon1, value, s.clipThreshold, s.relativeStep));
  }

  /** A copy with this {@code clip_threshold} (Adafactor's own, independent of clipnorm). */
  public Adafactor clipThreshold(double value) {
    Settings s = settings;
    return with(new Settings(s.beta2Decay, s.epsilon1, s.epsilon2, value, s.relativeStep));
  }

  /** A copy with {@code relative_step} on or off (see the class comment: no effect on a step). */
  public Adafactor relativeStep(boolean on) {
    Settings s = settings;
    return with(new Settings(s.beta2Decay, s.epsilon1, s.epsilon2, s.clipThreshold, on));
  }

  @Override
  public String kerasName() {
    return "adafactor";
  }

  @Override
  public String className() {
    return "Adafactor";
  }

  /** Keras's build order: per variable {@code r}, {@code c}, then {@code velocity}. */
  @Override
  public List<List<String>> slotGroups() {
    return List.of(List.of("r", "c", "velocity"));
  }

  /**
   * {@code r} drops the last dimension, {@code c} the one before it; both scalars for a variable
   * of rank below 2.
   */
  @Override
  public Shape slotShape(String slot, Shape variable) {
    int rank = variable.numDimensions();
    if (!slot.equals("r") && !slot.equals("c")) {
      return variable; // velocity, and the base optimizer's average / gradient_accumulator
    }
    if (rank < 2) {
      return Shape.scalar();
    }
    long[] dims = variable.asArray();
    long[] factored = new long[rank - 1];
    System.arraycopy(dims, 0, factored, 0, rank - 2);
    factored[rank - 2] = slot.equals("r") ? dims[rank - 2] : dims[rank - 1];
    return Shape.of(factored);
  }

  @Override
  protected Config ownConfig() {
    Settings s = settings;
    return Config.builder().put("beta_2_decay", s.beta2Decay).put("epsilon_1", s.epsilon1)
        .put("epsilon_2", s.epsilon2).put("clip_threshold", s.clipThreshold)
        .put("relative_step", s.relativeStep).build();
  }

  static Adafactor fromConfig(ConfigReader c) {
    return new Adafactor(OptimizerOptions.read(c, 0.001), new Settings(
        c.getDouble("beta_2_decay", -0.8), c.getDouble("epsilon_1", 1e-30),
        c.getDouble("epsilon_2", 1e-3), c.getDouble("clip_threshold", 1.0),
        c.getBool("relative_step", true)));
  }

  /** Keras's {@code update_step}, op by op in float32. */
  @Override
  protected Op update(Ops tf, Gradient g, Operand<TFloat32> lr, Operand<TFloat32> step,
      Slots slots) {
    Settings s = settings;
    Operand<TFloat32> w = g.variable();
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> t = tf.math.add(step, one);
    Operand<TFloat32> rho = tf.math.minimum(lr, tf.math.div(one, tf.math.sqrt(t)));
    Operand<TFloat32> alpha = tf.math.mul(
        tf.math.maximum(tf.constant((float) s.epsilon2), rms(tf, w)), rho);
    Operand<TFloat32> squares = tf.math.add(tf.math.square(g.gradient()),
        tf.constant((float) s.epsilon1));
    Operand<TFloat32> beta = tf.math.sub(one, tf.math.pow(t, tf.constant((float) s.beta2Decay)));
    Operand<TFloat32> v = secondMoment(tf, g, slots, squares, beta);
    Operand<TFloat32> u = tf.math.div(g.gradient(), tf.math.sqrt(v));
    Operand<TFloat32> uHat = tf.math.div(u, tf.math.maximum(one,
        tf.math.div(rms(tf, u), tf.constant((float) s.clipThreshold))));
    return tf.assignSub(w, tf.math.mul(alpha, uHat));
  }

  /** The new {@code velocity}: factored from the new {@code r} and {@code c} for rank 2 or more. */
  private static Operand<TFloat32> secondMoment(Ops tf, Gradient g, Slots slots,
      Operand<TFloat32> squares, Operand<TFloat32> beta) {
    Operand<TFloat32> r = slots.of(g, "r");
    Operand<TFloat32> c = slots.of(g, "c");
    Operand<TFloat32> v = slots.of(g, "velocity");
    if (g.variable().shape().numDimensions() < 2) {
      return tf.assign(v, average(tf, beta, v, squares));
    }
    Operand<TFloat32> rNew = tf.assign(r, average(tf, beta, r, mean(tf, squares, -1)));
    Operand<TFloat32> cNew = tf.assign(c, average(tf, beta, c, mean(tf, squares, -2)));
    Operand<TFloat32> rowShare = tf.math.div(rNew,
        tf.math.mean(rNew, tf.constant(-1), Mean.keepDims(true)));
    return tf.assign(v, tf.math.mul(tf.expandDims(rowShare, tf.constant(-1)),
        tf.expandDims(cNew, tf.constant(-2))));
  }

  /** {@code beta * old + (1 - beta) * x}. */
  private static Operand<TFloat32> average(Ops tf, Operand<TFloat32> beta, Operand<TFloat32> old,
      Operand<TFloat32> x) {
    return tf.math.add(tf.math.mul(beta, old),
        tf.math.mul(tf.math.sub(tf.constant(1f), beta), x));
  }

  private static Operand<TFloat32> mean(Ops tf, Operand<TFloat32> x, int axis) {
    return tf.math.mean(x, tf.constant(axis));
  }

  /** Keras's {@code _rms}: {@code sqrt(mean(x^2))} over every element. */
  private static Operand<TFloat32> rms(Ops tf, Operand<TFloat32> x) {
    Operand<TInt32> all = tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
    return tf.math.sqrt(tf.math.mean(tf.math.square(x), all));
  }
}

package io.tfbridge.optimizers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Adadelta} with Keras's defaults: learning rate 0.001, rho 0.95, epsilon 1e-7. Per
 * step, with {@code rms(x) = sqrt(x + epsilon)}: {@code G = rho G + (1 - rho) g^2}, {@code d =
 * -rms(D) g / rms(G)} (the previous D), {@code D = rho D + (1 - rho) d^2}, {@code var += lr d};
 * the slots {@code accumulated_grad} (G) and {@code accumulated_delta_var} (D) interleave per
 * variable.
 *
 * <pre>{@code
 * Optimizer adadelta = Adadelta.of().learningRate(1.0).rho(0.9);
 * }</pre>
 */
public final class Adadelta extends BaseOptimizer<Adadelta> {
  private final double rho;
  private final double epsilon;

  private Adadelta(OptimizerOptions options, double rho, double epsilon) {
    super(options);
    this.rho = OptimizerArgs.closedUnitInterval("rho", rho);
    this.epsilon = OptimizerArgs.positive("epsilon", epsilon);
  }

  /** Adadelta with Keras's defaults. */
  public static Adadelta of() {
    return new Adadelta(OptimizerOptions.of(0.001), 0.95, 1e-7);
  }

  @Override
  protected Adadelta with(OptimizerOptions options) {
    return new Adadelta(options, rho, epsilon);
  }

  /** A copy with this decay rate of both running averages. */
  public Adadelta rho(double value) {
    return new Adadelta(options(), value, epsilon);
  }

  /** A copy with this epsilon. */
  public Adadelta epsilon(double value) {
    return new Adadelta(options(), rho, value);
  }

  @Override
  public String kerasName() {
    return "adadelta";
  }

  @Override
  public String className() {
    return "Adadelta";
  }

  /** rho. */
  public double rho() {
    return rho;
  }

  /** epsilon. */
  public double epsilon() {
    return epsilon;
  }

  @Override
  public List<List<String>> slotGroups() {
    return List.of(List.of("accumulated_grad", "accumulated_delta_var"));
  }

  @Override
  protected Config ownConfig() {
    return Config.builder().put("rho", rho).put("epsilon", epsilon).build();
  }

  static Adadelta fromConfig(ConfigReader c) {
    return new Adadelta(OptimizerOptions.read(c, 0.001), c.getDouble("rho", 0.95),
        c.getDouble("epsilon", 1e-7));
  }

  @Override
  protected Op update(Ops tf, Gradient g, Operand<TFloat32> lr, Operand<TFloat32> step,
      Slots slots) {
    Operand<TFloat32> grads = slots.of(g, "accumulated_grad");
    Operand<TFloat32> deltas = slots.of(g, "accumulated_delta_var");
    Operand<TFloat32> gradsNew = tf.assign(grads, AdaptiveSteps.decayed(tf, grads, rho,
        tf.math.square(g.gradient())));
    Operand<TFloat32> delta = tf.math.neg(tf.math.div(
        tf.math.mul(AdaptiveSteps.rms(tf, deltas, epsilon), g.gradient()),
        AdaptiveSteps.rms(tf, gradsNew, epsilon)));
    Op deltasNew = tf.assign(deltas, AdaptiveSteps.decayed(tf, deltas, rho,
        tf.math.square(delta)));
    return tf.withControlDependencies(List.of(deltasNew))
        .assignAdd(g.variable(), tf.math.mul(lr, delta));
  }
}

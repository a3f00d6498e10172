package io.tfbridge.optimizers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code RMSprop} with Keras's defaults: learning rate 0.001, rho 0.9, momentum 0, epsilon
 * 1e-7, not centered. Per step: {@code v = rho v + (1 - rho) g^2}; centered, also {@code a = rho a
 * + (1 - rho) g} and the denominator {@code v - a^2 + epsilon}, else {@code v + epsilon}; the
 * increment {@code lr g / sqrt(denominator)} is subtracted, through {@code m = momentum m +
 * increment} when momentum is positive. Keras keeps {@code velocity} for every variable, then
 * {@code momentum} (momentum &gt; 0), then {@code average_gradient} (centered).
 *
 * <pre>{@code
 * Optimizer rmsprop = RMSprop.of().learningRate(0.01).momentum(0.9).centered(true);
 * }</pre>
 */
public final class RMSprop extends BaseOptimizer<RMSprop> {
  private final double rho;
  private final double momentum;
  private final double epsilon;
  private final boolean centered;

  private RMSprop(OptimizerOptions options, double rho, double momentum, double epsilon,
      boolean centered) {
    super(options);
    this.rho = OptimizerArgs.closedUnitInterval("rho", rho);
    this.momentum = OptimizerArgs.closedUnitInterval("momentum", momentum);
    this.epsilon = OptimizerArgs.positive("epsilon", epsilon);
    this.centered = centered;
  }

  /** RMSprop with Keras's defaults. */
  public static RMSprop of() {
    return new RMSprop(OptimizerOptions.of(0.001), 0.9, 0, 1e-7, false);
  }

  @Override
  protected RMSprop with(OptimizerOptions options) {
    return new RMSprop(options, rho, momentum, epsilon, centered);
  }

  /** A copy with this discounting factor of the squared gradients' average. */
  public RMSprop rho(double value) {
    return new RMSprop(options(), value, momentum, epsilon, centered);
  }

  /** A copy with this (plain, not Nesterov) momentum; 0 keeps no momentum slots. */
  public RMSprop momentum(double value) {
    return new RMSprop(options(), rho, value, epsilon, centered);
  }

  /** A copy with this epsilon. */
  public RMSprop epsilon(double value) {
    return new RMSprop(options(), rho, momentum, value, centered);
  }

  /** A copy normalizing by the estimated variance of the gradients (centered) or not. */
  public RMSprop centered(boolean on) {
    return new RMSprop(options(), rho, momentum, epsilon, on);
  }

  /**
   * Keras's automatic name of an RMSprop, {@code "rm_sprop"} (its class name in snake case), also
   * the scope of its variables ({@code rm_sprop/dense_kernel_velocity}); {@code "rmsprop"} is the
   * name {@link Optimizers#get} knows it by.
   */
  @Override
  public String kerasName() {
    return "rm_sprop";
  }

  @Override
  public String className() {
    return "RMSprop";
  }

  /** rho. */
  public double rho() {
    return rho;
  }

  /** The momentum. */
  public double momentum() {
    return momentum;
  }

  /** epsilon. */
  public double epsilon() {
    return epsilon;
  }

  /** Whether it is centered. */
  public boolean centered() {
    return centered;
  }

  @Override
  public List<List<String>> slotGroups() {
    List<List<String>> groups = new ArrayList<>(List.of(List.of("velocity")));
    if (momentum > 0) {
      groups.add(List.of("momentum"));
    }
    if (centered) {
      groups.add(List.of("average_gradient"));
    }
    return List.copyOf(groups);
  }

  @Override
  protected Config ownConfig() {
    return Config.builder().put("rho", rho).put("momentum", momentum).put("epsilon", epsilon)
        .put("centered", centered).build();
  }

  static RMSprop fromConfig(ConfigReader c) {
    return new RMSprop(OptimizerOptions.read(c, 0.001), c.getDouble("rho", 0.9),
        c.getDouble("momentum", 0), c.getDouble("epsilon", 1e-7), c.getBool("centered", false));
  }

  @Override
  protected Op update(Ops tf, Gradient g, Operand<TFloat32> lr, Operand<TFloat32> step,
      Slots slots) {
    Operand<TFloat32> v = slots.of(g, "velocity");
    Operand<TFloat32> vNew = tf.assign(v, AdaptiveSteps.decayed(tf, v, rho,
        tf.math.square(g.gradient())));
    Operand<TFloat32> increment = AdaptiveSteps.scaledStep(tf, lr, g.gradient(),
        tf.math.sqrt(denominator(tf, g, vNew, slots)));
    if (momentum > 0) {
      Operand<TFloat32> m = slots.of(g, "momentum");
      increment = tf.assign(m, tf.math.add(tf.math.mul(tf.constant((float) momentum), m),
          increment));
    }
    return tf.assignSub(g.variable(), increment);
  }

  /** {@code v - a^2 + epsilon} (centered, updating the gradients' average a) or {@code v + epsilon}. */
  private Operand<TFloat32> denominator(Ops tf, Gradient g, Operand<TFloat32> v, Slots slots) {
    Operand<TFloat32> eps = tf.constant((float) epsilon);
    if (!centered) {
      return tf.math.add(v, eps);
    }
    Operand<TFloat32> a = slots.of(g, "average_gradient");
    Operand<TFloat32> aNew = tf.assign(a, AdaptiveSteps.decayed(tf, a, rho, g.gradient()));
    return tf.math.add(tf.math.sub(v, tf.math.square(aNew)), eps);
  }
}

package io.tfbridge.optimizers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code SGD} with Keras's defaults: learning rate 0.01, momentum 0, no Nesterov. With
 * momentum, Keras's own rule (its slot values are what Keras saves): {@code m = momentum * m - lr *
 * g; var += m} (Nesterov: {@code var += momentum * m - lr * g}).
 *
 * <pre>{@code
 * Optimizer sgd = SGD.of().learningRate(0.1).momentum(0.9);
 * }</pre>
 */
public final class SGD extends BaseOptimizer<SGD> {
  private final double momentum;
  private final boolean nesterov;

  private SGD(OptimizerOptions options, double momentum, boolean nesterov) {
    super(options);
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException("`momentum` must be a float between [0, 1]. Received: "
          + "momentum=" + momentum);
    }
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  /** SGD with Keras's defaults. */
  public static SGD of() {
    return new SGD(OptimizerOptions.of(0.01), 0, false);
  }

  @Override
  protected SGD with(OptimizerOptions options) {
    return new SGD(options, momentum, nesterov);
  }

  /** A copy with this momentum. */
  public SGD momentum(double value) {
    return new SGD(options(), value, nesterov);
  }

  /** A copy with Nesterov momentum on or off. */
  public SGD nesterov(boolean on) {
    return new SGD(options(), momentum, on);
  }

  @Override
  public String kerasName() {
    return "sgd";
  }

  @Override
  public String className() {
    return "SGD";
  }

  /** The momentum. */
  public double momentum() {
    return momentum;
  }

  /** Whether momentum is Nesterov's. */
  public boolean nesterov() {
    return nesterov;
  }

  @Override
  public List<List<String>> slotGroups() {
    return momentum != 0 ? List.of(List.of("momentum")) : List.of();
  }

  @Override
  protected Config ownConfig() {
    return Config.builder().put("momentum", momentum).put("nesterov", nesterov).build();
  }

  static SGD fromConfig(ConfigReader c) {
    return new SGD(OptimizerOptions.read(c, 0.01), c.getDouble("momentum", 0),
        c.getBool("nesterov", false));
  }

  @Override
  protected Op update(Ops tf, Gradient g, Operand<TFloat32> lr, Operand<TFloat32> step,
      Slots slots) {
    if (momentum == 0) {
      return tf.train.applyGradientDescent(g.variable(), lr, g.gradient());
    }
    Operand<TFloat32> mu = tf.constant((float) momentum);
    Operand<TFloat32> m = slots.of(g, "momentum");
    Operand<TFloat32> step1 = tf.math.mul(g.gradient(), lr);
    Operand<TFloat32> mNew = tf.assign(m, tf.math.sub(tf.math.mul(m, mu), step1));
    Operand<TFloat32> delta = nesterov ? tf.math.sub(tf.math.mul(mNew, mu), step1) : mNew;
    return tf.assignAdd(g.variable(), delta);
  }
}

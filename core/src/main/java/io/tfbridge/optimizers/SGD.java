package io.tfbridge.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.ApplyMomentum;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code SGD} with Keras's defaults: learning rate 0.01, momentum 0, no Nesterov. With momentum:
 * {@code m = momentum * m - lr * g; var += m} (Nesterov: {@code var += momentum * m - lr * g}).
 *
 * <pre>{@code
 * Optimizer sgd = SGD.of().learningRate(0.1).momentum(0.9);
 * }</pre>
 */
public final class SGD implements Optimizer {
  private final double learningRate;
  private final double momentum;
  private final boolean nesterov;

  private SGD(double learningRate, double momentum, boolean nesterov) {
    this.learningRate = OptimizerArgs.positive("learning_rate", learningRate);
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException("`momentum` must be a float between [0, 1]. Received: momentum="
          + momentum);
    }
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  /** SGD with Keras's defaults. */
  public static SGD of() {
    return new SGD(0.01, 0.0, false);
  }

  /** A copy with this learning rate. */
  public SGD learningRate(double value) {
    return new SGD(value, momentum, nesterov);
  }

  /** A copy with this momentum, in {@code [0, 1]}. */
  public SGD momentum(double value) {
    return new SGD(learningRate, value, nesterov);
  }

  /** A copy with or without Nesterov momentum. */
  public SGD nesterov(boolean value) {
    return new SGD(learningRate, momentum, value);
  }

  @Override
  public String kerasName() {
    return "sgd";
  }

  @Override
  public double learningRate() {
    return learningRate;
  }

  /** The momentum. */
  public double momentum() {
    return momentum;
  }

  /** Whether momentum is Nesterov's. */
  public boolean nesterov() {
    return nesterov;
  }

  /**
   * TF's ApplyMomentum keeps {@code accum = momentum * accum + g} and steps {@code var -= lr * accum}:
   * Keras's update with {@code m = -lr * accum}, identical for a constant learning rate.
   */
  @Override
  public Op applyGradients(Ops tf, List<Gradient> gradients, SlotFactory slots) {
    Operand<TFloat32> lr = tf.constant((float) learningRate);
    List<Op> updates = new ArrayList<>();
    for (Gradient g : gradients) {
      if (momentum == 0) {
        updates.add(tf.train.applyGradientDescent(g.variable(), lr, g.gradient()));
      } else {
        Operand<TFloat32> accum =
            slots.zeros("sgd/" + g.slotStem() + "_momentum", g.variable().shape());
        updates.add(tf.train.applyMomentum(g.variable(), accum, lr, g.gradient(),
            tf.constant((float) momentum), ApplyMomentum.useNesterov(nesterov)));
      }
    }
    return tf.withControlDependencies(updates).assignAdd(slots.iterations(), tf.constant(1L));
  }
}

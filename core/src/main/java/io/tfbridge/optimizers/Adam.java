package io.tfbridge.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Keras's {@code Adam} with Keras's defaults: learning rate 0.001, beta_1 0.9, beta_2 0.999, epsilon
 * 1e-7. With {@code t = iterations + 1}: {@code m += (g - m)(1 - beta_1)}, {@code v += (g^2 - v)(1 -
 * beta_2)}, {@code var -= lr sqrt(1 - beta_2^t) / (1 - beta_1^t) * m / (sqrt(v) + epsilon)}.
 *
 * <pre>{@code
 * Optimizer adam = Adam.of().learningRate(0.01);
 * }</pre>
 */
public final class Adam implements Optimizer {
  private final double learningRate;
  private final double beta1;
  private final double beta2;
  private final double epsilon;

  private Adam(double learningRate, double beta1, double beta2, double epsilon) {
    this.learningRate = OptimizerArgs.positive("learning_rate", learningRate);
    this.beta1 = OptimizerArgs.unitInterval("beta_1", beta1);
    this.beta2 = OptimizerArgs.unitInterval("beta_2", beta2);
    this.epsilon = OptimizerArgs.positive("epsilon", epsilon);
  }

  /** Adam with Keras's defaults. */
  public static Adam of() {
    return new Adam(0.001, 0.9, 0.999, 1e-7);
  }

  /** A copy with this learning rate. */
  public Adam learningRate(double value) {
    return new Adam(value, beta1, beta2, epsilon);
  }

  /** A copy with these moment decay rates. */
  public Adam betas(double beta1, double beta2) {
    return new Adam(learningRate, beta1, beta2, epsilon);
  }

  /** A copy with this epsilon. */
  public Adam epsilon(double value) {
    return new Adam(learningRate, beta1, beta2, value);
  }

  @Override
  public String kerasName() {
    return "adam";
  }

  @Override
  public double learningRate() {
    return learningRate;
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

  @Override
  public Op applyGradients(Ops tf, List<Gradient> gradients, SlotFactory slots) {
    Operand<TInt64> iterations = slots.iterations();
    Operand<TFloat32> t = tf.dtypes.cast(tf.math.add(iterations, tf.constant(1L)), TFloat32.class);
    Operand<TFloat32> beta1Power = tf.math.pow(tf.constant((float) beta1), t);
    Operand<TFloat32> beta2Power = tf.math.pow(tf.constant((float) beta2), t);
    List<Op> updates = new ArrayList<>();
    for (Gradient g : gradients) {
      updates.add(tf.train.applyAdam(g.variable(),
          slots.zeros("adam/" + g.slotStem() + "_momentum", g.variable().shape()),
          slots.zeros("adam/" + g.slotStem() + "_velocity", g.variable().shape()),
          beta1Power, beta2Power, tf.constant((float) learningRate), tf.constant((float) beta1),
          tf.constant((float) beta2), tf.constant((float) epsilon), g.gradient()));
    }
    return tf.withControlDependencies(updates).assignAdd(iterations, tf.constant(1L));
  }
}

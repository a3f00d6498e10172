package io.tfbridge.optimizers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The float32 building blocks that RMSprop, Adagrad and Adadelta share, op by op as Keras computes
 * them, so that their trajectories match Keras's: Python floats become float32 constants, and
 * {@code 1 - rho} is computed in double before it is rounded, as Python does.
 */
final class AdaptiveSteps {
  private AdaptiveSteps() {}

  /** {@code rho * average + (1 - rho) * x}: a discounted running average. */
  static Operand<TFloat32> decayed(Ops tf, Operand<TFloat32> average, double rho,
      Operand<TFloat32> x) {
    return tf.math.add(tf.math.mul(tf.constant((float) rho), average),
        tf.math.mul(tf.constant((float) (1 - rho)), x));
  }

  /** {@code sqrt(x + epsilon)}. */
  static Operand<TFloat32> rms(Ops tf, Operand<TFloat32> x, double epsilon) {
    return tf.math.sqrt(tf.math.add(x, tf.constant((float) epsilon)));
  }

  /** {@code lr * gradient / denominator}: the step of an adaptive-rate update. */
  static Operand<TFloat32> scaledStep(Ops tf, Operand<TFloat32> lr, Operand<TFloat32> gradient,
      Operand<TFloat32> denominator) {
    return tf.math.div(tf.math.mul(lr, gradient), denominator);
  }
}

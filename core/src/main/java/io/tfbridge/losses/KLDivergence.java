package io.tfbridge.losses;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code KLDivergence} ({@code "kl_divergence"}, {@code "kld"}):
 * {@code sum(t * log(t / p), axis=-1)}, with {@code t} and {@code p} clipped to {@code [1e-7, 1]}.
 *
 * <pre>{@code
 * Loss loss = KLDivergence.of();
 * }</pre>
 */
public final class KLDivergence extends ElementwiseLoss {

  private KLDivergence() {}

  /** The loss (it has no options). */
  public static KLDivergence of() {
    return new KLDivergence();
  }

  @Override
  public String kerasName() {
    return "kl_divergence";
  }

  @Override
  public String className() {
    return "KLDivergence";
  }

  @Override
  Operand<TFloat32> elements(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    Operand<TFloat32> t = clip(tf, yTrue);
    return tf.math.mul(t, tf.math.log(tf.math.div(t, clip(tf, yPred))));
  }

  /** Keras sums the last axis. */
  @Override
  Operand<TFloat32> reduce(Ops tf, Operand<TFloat32> elements) {
    return tf.reduceSum(elements, tf.constant(-1));
  }

  private static Operand<TFloat32> clip(Ops tf, Operand<TFloat32> x) {
    return tf.math.minimum(tf.math.maximum(x, tf.constant(Epsilon.VALUE)), tf.constant(1f));
  }
}

package io.tfbridge.losses;

import io.tfbridge.saving.Config;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Huber} ({@code "huber"}): per element of {@code x = y_pred - y_true},
 * {@code 0.5 * x^2} where {@code |x| <= delta}, {@code delta * |x| - 0.5 * delta^2} beyond, averaged
 * over the last axis. {@code delta} defaults to 1.0.
 *
 * <pre>{@code
 * Loss loss = Huber.of().delta(2.0);
 * }</pre>
 */
public final class Huber extends ElementwiseLoss {
  private final double delta;

  private Huber(double delta) {
    if (!Double.isFinite(delta)) {
      throw new IllegalArgumentException("Huber: `delta` must be a finite number. Received: delta="
          + delta);
    }
    this.delta = delta;
  }

  /** Keras's defaults: delta 1.0. */
  public static Huber of() {
    return new Huber(1.0);
  }

  /**
   * A copy with this {@code delta}, where the loss turns from quadratic to linear. Keras accepts any
   * number; a non-finite one is refused here (its linear branch would be NaN).
   */
  public Huber delta(double value) {
    return new Huber(value);
  }

  /** The point where the loss turns from quadratic to linear. */
  public double delta() {
    return delta;
  }

  @Override
  public String kerasName() {
    return "huber";
  }

  @Override
  public String className() {
    return "Huber";
  }

  /**
   * {@code name} ({@code "huber_loss"}, the class's default), {@code reduction} and {@code delta}.
   * Keras 3.15's own {@code get_config} leaves {@code delta} out, so a Keras file loses it; tfbridge
   * writes it, and Keras's {@code from_config} reads it back.
   */
  @Override
  public Config getConfig() {
    return Config.builder().put("name", "huber_loss").put("reduction", "sum_over_batch_size")
        .put("delta", delta).build();
  }

  /**
   * {@code 0.5 * q^2 + delta * (|x| - q)} with {@code q = min(|x|, delta)}: Keras's two branches in
   * one expression, without a select.
   */
  @Override
  Operand<TFloat32> elements(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    Operand<TFloat32> abs = tf.math.abs(tf.math.sub(yPred, yTrue));
    Operand<TFloat32> d = tf.constant((float) delta);
    Operand<TFloat32> quadratic = tf.math.minimum(abs, d);
    Operand<TFloat32> half = tf.math.mul(tf.constant(0.5f), tf.math.square(quadratic));
    return tf.math.add(half, tf.math.mul(d, tf.math.sub(abs, quadratic)));
  }
}

package io.tfbridge.losses;

import io.tfbridge.activations.Activation;
import io.tfbridge.layers.LayerOutput;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code binary_crossentropy}, averaged over the last axis; taken from the logits after a
 * sigmoid, as Keras does: {@code max(x, 0) - x * z + log(1 + exp(-|x|))}.
 */
public final class BinaryCrossentropy extends KerasLoss {

  @Override
  public String kerasName() {
    return "binary_crossentropy";
  }

  @Override
  public String className() {
    return "BinaryCrossentropy";
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, LayerOutput yPred) {
    Operand<TFloat32> elements = yPred.activation() == Activation.SIGMOID
        ? fromLogits(tf, yTrue, yPred.preActivation())
        : fromProbabilities(tf, yTrue, yPred.value());
    return tf.math.mean(elements, tf.constant(-1));
  }

  private static Operand<TFloat32> fromLogits(Ops tf, Operand<TFloat32> z, Operand<TFloat32> x) {
    Operand<TFloat32> relu = tf.math.maximum(x, tf.constant(0f));
    Operand<TFloat32> softplus = tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(x))));
    return tf.math.add(tf.math.sub(relu, tf.math.mul(x, z)), softplus);
  }

  private static Operand<TFloat32> fromProbabilities(Ops tf, Operand<TFloat32> z, Operand<TFloat32> p) {
    Operand<TFloat32> clipped = Epsilon.clip(tf, p);
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> positive = tf.math.mul(z, tf.math.log(clipped));
    Operand<TFloat32> negative =
        tf.math.mul(tf.math.sub(one, z), tf.math.log(tf.math.sub(one, clipped)));
    return tf.math.neg(tf.math.add(positive, negative));
  }
}

package io.tfbridge.losses;

import io.tfbridge.activations.Activation;
import io.tfbridge.layers.LayerOutput;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code categorical_crossentropy}: one-hot (or soft) labels against probabilities over the
 * last axis; taken from the logits after a softmax, as Keras does.
 */
public final class CategoricalCrossentropy extends KerasLoss {

  @Override
  public String kerasName() {
    return "categorical_crossentropy";
  }

  @Override
  public String className() {
    return "CategoricalCrossentropy";
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, LayerOutput yPred) {
    long classes = Epsilon.lastDim(yPred.value());
    Operand<TFloat32> labels = Epsilon.rows(tf, yTrue, classes);
    if (yPred.activation() == Activation.SOFTMAX) {
      Operand<TFloat32> logits = Epsilon.rows(tf, yPred.preActivation(), classes);
      return tf.nn.softmaxCrossEntropyWithLogits(logits, labels).loss();
    }
    Operand<TFloat32> p = Epsilon.rows(tf, yPred.value(), classes);
    Operand<TFloat32> sums = tf.reduceSum(p, tf.constant(-1), ReduceSum.keepDims(true));
    Operand<TFloat32> logP = tf.math.log(Epsilon.clip(tf, tf.math.div(p, sums)));
    return tf.math.neg(tf.reduceSum(tf.math.mul(labels, logP), tf.constant(-1)));
  }
}

package io.tfbridge.losses;

import io.tfbridge.activations.Activation;
import io.tfbridge.layers.LayerOutput;
import io.tfbridge.layers.Shapes;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Keras's {@code sparse_categorical_crossentropy}: labels are class ids, predictions probabilities
 * over the last axis. After a softmax the loss is taken from its logits, as Keras does.
 *
 * <pre>{@code
 * Loss loss = Losses.get("sparse_categorical_crossentropy");
 * }</pre>
 */
public final class SparseCategoricalCrossentropy extends KerasLoss {

  @Override
  public String kerasName() {
    return "sparse_categorical_crossentropy";
  }

  @Override
  public String className() {
    return "SparseCategoricalCrossentropy";
  }

  @Override
  public Shape labelShape(Shape outputShape) {
    return outputShape.take(outputShape.numDimensions() - 1);
  }

  @Override
  public void validateLabels(FloatNdArray labels, Shape outputShape) {
    long classes = outputShape.get(outputShape.numDimensions() - 1);
    long[] index = {0};
    labels.scalars().forEach(s -> {
      float v = s.getFloat();
      if (v != Math.rint(v) || v < 0 || v >= classes) {
        throw new IllegalArgumentException(String.format(
            "Received a label value of %s at index %d which is outside the valid range of [0, %d) "
                + "for sparse_categorical_crossentropy (the model's output shape is %s)",
            fmt(v), index[0], classes, Shapes.format(outputShape)));
      }
      index[0]++;
    });
  }

  private static String fmt(float v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Float.toString(v);
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, LayerOutput yPred) {
    long classes = Epsilon.lastDim(yPred.value());
    Operand<TFloat32> logits = yPred.activation() == Activation.SOFTMAX
        ? yPred.preActivation()
        : tf.math.log(Epsilon.clip(tf, yPred.value()));
    Operand<TInt64> ids = tf.reshape(tf.dtypes.cast(yTrue, TInt64.class), tf.constant(new long[] {-1}));
    Operand<TFloat32> oneHot = tf.oneHot(ids, tf.constant((int) classes), tf.constant(1f), tf.constant(0f));
    return tf.nn.softmaxCrossEntropyWithLogits(Epsilon.rows(tf, logits, classes), oneHot).loss();
  }
}

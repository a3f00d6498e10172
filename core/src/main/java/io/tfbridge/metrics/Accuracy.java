package io.tfbridge.metrics;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Keras's accuracies: the share of samples predicted right, in the three forms Keras resolves the
 * string {@code "accuracy"} to.
 */
public final class Accuracy implements Metric {

  /** How predictions are compared with labels. */
  public enum Kind {
    /** {@code argmax(y_pred) == y_true} for class-id labels. */
    SPARSE_CATEGORICAL,
    /** {@code argmax(y_pred) == argmax(y_true)} for one-hot labels. */
    CATEGORICAL,
    /** {@code (y_pred > 0.5) == y_true}, averaged over the last axis. */
    BINARY
  }

  private final String name;
  private final Kind kind;

  private Accuracy(String name, Kind kind) {
    this.name = name;
    this.kind = kind;
  }

  /** An accuracy of the given kind reported under {@code name}. */
  public static Accuracy of(String name, Kind kind) {
    return new Accuracy(name, kind);
  }

  @Override
  public java.util.Optional<Direction> direction() {
    return java.util.Optional.of(Direction.UP);
  }

  /** The comparison this accuracy makes. */
  public Kind kind() {
    return kind;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    switch (kind) {
      case BINARY:
        Operand<TFloat32> predicted =
            tf.dtypes.cast(tf.math.greater(yPred, tf.constant(0.5f)), TFloat32.class);
        Operand<TFloat32> same = tf.dtypes.cast(tf.math.equal(predicted, yTrue), TFloat32.class);
        return tf.math.mean(same, tf.constant(-1));
      case CATEGORICAL:
        return matches(tf, argMax(tf, yTrue), argMax(tf, yPred));
      default:
        Operand<TInt64> ids = tf.dtypes.cast(yTrue, TInt64.class);
        return matches(tf, tf.reshape(ids, tf.shape(argMax(tf, yPred))), argMax(tf, yPred));
    }
  }

  private static Operand<TInt64> argMax(Ops tf, Operand<TFloat32> x) {
    return tf.math.argMax(x, tf.constant(-1));
  }

  private static Operand<TFloat32> matches(Ops tf, Operand<TInt64> a, Operand<TInt64> b) {
    return tf.dtypes.cast(tf.math.equal(a, b), TFloat32.class);
  }
}

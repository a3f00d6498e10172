package io.tfbridge.metrics;

import io.tfbridge.losses.Loss;
import io.tfbridge.losses.SparseCategoricalCrossentropy;
import io.tfbridge.saving.Config;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Keras's accuracies ({@code BinaryAccuracy}, {@code CategoricalAccuracy},
 * {@code SparseCategoricalAccuracy}): the share of samples predicted right; {@code "accuracy"} picks
 * one of the three for each output, as Keras's compile does.
 *
 * <pre>{@code
 * Metric strict = Accuracy.binary().threshold(0.7).name("strict_accuracy");
 * }</pre>
 */
public final class Accuracy extends MeanMetricWrapper {

  /** How predictions are compared with labels. */
  public enum Kind {
    /** {@code argmax(y_pred) == y_true} for class-id labels. */
    SPARSE_CATEGORICAL("SparseCategoricalAccuracy"),
    /** {@code argmax(y_pred) == argmax(y_true)} for one-hot labels. */
    CATEGORICAL("CategoricalAccuracy"),
    /** {@code (y_pred > threshold) == y_true}, averaged over the last axis. */
    BINARY("BinaryAccuracy"),
    /** One of the three, chosen for the output at compile ({@code "accuracy"}). */
    AUTO("Accuracy");

    private final String className;

    Kind(String className) {
      this.className = className;
    }
  }

  private final Kind kind;
  private final double threshold;

  private Accuracy(String name, String identifier, Kind kind, double threshold) {
    super(name, identifier);
    this.kind = kind;
    this.threshold = threshold;
  }

  /** An accuracy of the given kind reported under {@code name}. */
  public static Accuracy of(String name, Kind kind) {
    return new Accuracy(name, null, kind, 0.5);
  }

  /** Keras's {@code BinaryAccuracy()}: name {@code binary_accuracy}, threshold 0.5. */
  public static Accuracy binary() {
    return of("binary_accuracy", Kind.BINARY);
  }

  /** Keras's {@code CategoricalAccuracy()}. */
  public static Accuracy categorical() {
    return of("categorical_accuracy", Kind.CATEGORICAL);
  }

  /** Keras's {@code SparseCategoricalAccuracy()}. */
  public static Accuracy sparseCategorical() {
    return of("sparse_categorical_accuracy", Kind.SPARSE_CATEGORICAL);
  }

  /** The accuracy compiled from the string {@code identifier} ({@code "acc"}, {@code "binary_accuracy"}). */
  static Accuracy byName(String identifier, Kind kind) {
    return new Accuracy(identifier, identifier, kind, 0.5);
  }

  /** A copy reported under {@code name}. */
  public Accuracy name(String name) {
    return new Accuracy(name, null, kind, threshold);
  }

  /** A binary accuracy's threshold: predictions above it count as 1 (default 0.5). */
  public Accuracy threshold(double threshold) {
    if (kind != Kind.BINARY) {
      throw new IllegalArgumentException("Argument `threshold` applies to BinaryAccuracy only; this "
          + "is " + kind.className);
    }
    return new Accuracy(name, null, kind, threshold);
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
  public String className() {
    return kind.className;
  }

  @Override
  public Config config() {
    Config.Builder c = configHead();
    return kind == Kind.BINARY ? c.put("threshold", threshold).build() : c.build();
  }

  /** The accuracy {@code "accuracy"} means for this loss and output shape (itself otherwise). */
  @Override
  public Metric forOutput(Loss loss, Shape outputShape) {
    if (kind != Kind.AUTO) {
      return this;
    }
    Kind resolved = loss instanceof SparseCategoricalCrossentropy ? Kind.SPARSE_CATEGORICAL
        : outputShape.get(outputShape.numDimensions() - 1) == 1 ? Kind.BINARY : Kind.CATEGORICAL;
    return new Accuracy(name, identifier, resolved, threshold);
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    switch (kind) {
      case BINARY:
        Operand<TFloat32> predicted = tf.dtypes.cast(
            tf.math.greater(yPred, tf.constant((float) threshold)), TFloat32.class);
        Operand<TFloat32> same = tf.dtypes.cast(tf.math.equal(predicted, yTrue), TFloat32.class);
        return tf.math.mean(same, tf.constant(-1));
      case CATEGORICAL:
        return matches(tf, argMax(tf, yTrue), argMax(tf, yPred));
      case SPARSE_CATEGORICAL:
        Operand<TInt64> ids = tf.dtypes.cast(yTrue, TInt64.class);
        return matches(tf, tf.reshape(ids, tf.shape(argMax(tf, yPred))), argMax(tf, yPred));
      default:
        throw new IllegalStateException("'" + name + "' is resolved for an output first (forOutput)");
    }
  }

  private static Operand<TInt64> argMax(Ops tf, Operand<TFloat32> x) {
    return tf.math.argMax(x, tf.constant(-1));
  }

  private static Operand<TFloat32> matches(Ops tf, Operand<TInt64> a, Operand<TInt64> b) {
    return tf.dtypes.cast(tf.math.equal(a, b), TFloat32.class);
  }
}

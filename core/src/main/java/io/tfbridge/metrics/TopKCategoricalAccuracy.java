package io.tfbridge.metrics;

import io.tfbridge.saving.Config;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras's {@code TopKCategoricalAccuracy} and {@code SparseTopKCategoricalAccuracy}: the share of
 * samples whose true class is among the {@code k} highest predictions (ties at the boundary count in,
 * as TensorFlow's {@code in_top_k}).
 *
 * <pre>{@code
 * Metric top2 = TopKCategoricalAccuracy.sparse().k(2);
 * }</pre>
 */
public final class TopKCategoricalAccuracy extends MeanMetricWrapper {
  private final boolean sparse;
  private final int k;

  private TopKCategoricalAccuracy(String name, String identifier, boolean sparse, int k) {
    super(name, identifier);
    if (k < 0) {
      throw new IllegalArgumentException("Argument `k` must be >= 0. Received: k=" + k);
    }
    this.sparse = sparse;
    this.k = k;
  }

  /** Keras's {@code TopKCategoricalAccuracy()}: one-hot labels, k 5. */
  public static TopKCategoricalAccuracy of() {
    return new TopKCategoricalAccuracy("top_k_categorical_accuracy", null, false, 5);
  }

  /** Keras's {@code SparseTopKCategoricalAccuracy()}: class-id labels, k 5. */
  public static TopKCategoricalAccuracy sparse() {
    return new TopKCategoricalAccuracy("sparse_top_k_categorical_accuracy", null, true, 5);
  }

  static TopKCategoricalAccuracy byName(String identifier, boolean sparse) {
    return new TopKCategoricalAccuracy(identifier, identifier, sparse, 5);
  }

  /** How many of the highest predictions count (default 5). */
  public TopKCategoricalAccuracy k(int k) {
    return new TopKCategoricalAccuracy(name, null, sparse, k);
  }

  /** A copy reported under {@code name}. */
  public TopKCategoricalAccuracy name(String name) {
    return new TopKCategoricalAccuracy(name, null, sparse, k);
  }

  @Override
  public String className() {
    return sparse ? "SparseTopKCategoricalAccuracy" : "TopKCategoricalAccuracy";
  }

  @Override
  public Config config() {
    return configHead().put("k", k).build();
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    long classes = yPred.shape().get(yPred.shape().numDimensions() - 1);
    Operand<TFloat32> scores = tf.reshape(yPred, tf.constant(new long[] {-1, classes}));
    Operand<TInt32> ids = sparse ? tf.dtypes.cast(yTrue, TInt32.class)
        : tf.dtypes.cast(tf.math.argMax(yTrue, tf.constant(-1)), TInt32.class);
    Operand<TInt32> flat = tf.reshape(ids, tf.constant(new int[] {-1}));
    return tf.dtypes.cast(tf.nn.inTopK(scores, flat, tf.constant(k)), TFloat32.class);
  }

  /** Higher is better, as Keras's {@code _direction = "up"}. */
  @Override
  public java.util.Optional<Direction> direction() {
    return java.util.Optional.of(Direction.UP);
  }
}

package io.tfbridge.metrics;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A metric whose value is the mean of a per-sample quantity over all samples seen (Keras's
 * {@code MeanMetricWrapper}); the model sums it per batch and averages over the epoch.
 */
public interface Metric {

  /** The name reported in logs and History, e.g. {@code "accuracy"}. */
  String name();

  /** Which way a metric improves (Keras's {@code metric._direction}). */
  enum Direction {
    /** Higher is better (accuracy, AUC, precision). */
    UP,
    /** Lower is better (errors, divergences). */
    DOWN
  }

  /**
   * Which way this metric improves, used by callbacks monitoring it in {@code "auto"} mode; empty
   * when unknown (Keras's metrics without {@code _direction}).
   */
  default java.util.Optional<Direction> direction() {
    return java.util.Optional.empty();
  }

  /** Adds the ops of the per-sample values. */
  Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred);
}

package io.tfbridge.metrics;

import io.tfbridge.layers.LayerOutput;
import io.tfbridge.losses.Loss;
import io.tfbridge.saving.Config;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A Keras metric as the model computes it: each batch adds ops giving the batch's contribution to
 * the metric's state tensors (Keras's {@code update_state}); the model sums them over the batches of
 * an epoch (and over replicas) on the host, and {@link #result} turns the sums into the reported value
 * (Keras's {@code result()}). The sums start again at every epoch and for every validation or
 * {@code evaluate} run, as Keras resets its metrics' state.
 *
 * <pre>{@code
 * Metric auc = AUC.of().curve("PR");
 * Metric mae = Metrics.get("mae");
 * }</pre>
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

  /** Keras's class name, e.g. {@code "MeanAbsoluteError"}. */
  String className();

  /** Keras's {@code get_config()}: the name, the dtype and the metric's options, in Keras's order. */
  Config config();

  /**
   * The string this metric was compiled by ({@code "mae"}), which Keras writes in its compile config
   * instead of the object, or null for a metric given as an object.
   */
  default String identifier() {
    return null;
  }

  /**
   * This metric for an output of {@code outputShape} trained with {@code loss}: {@code "accuracy"}
   * becomes the binary, sparse categorical or categorical accuracy there, as in Keras's compile.
   */
  default Metric forOutput(Loss loss, Shape outputShape) {
    return this;
  }

  /**
   * Adds the ops of a batch's contribution to each state tensor (fixed shapes, summed over batches).
   *
   * @throws IllegalArgumentException if the output or labels have a shape the metric refuses
   */
  List<Operand<TFloat32>> update(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred);

  /**
   * {@link #update(Ops, Operand, Operand)} on a model output, which the model calls: a metric that
   * needs the output's logits (a crossentropy after a sigmoid or softmax) reads them here.
   */
  default List<Operand<TFloat32>> update(Ops tf, Operand<TFloat32> yTrue, LayerOutput yPred) {
    return update(tf, yTrue, yPred.value());
  }

  /** The value from each state tensor summed over the batches seen, flattened row-major. */
  double result(double[][] totals);
}

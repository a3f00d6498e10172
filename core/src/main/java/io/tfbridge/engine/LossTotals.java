package io.tfbridge.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The total loss of a batch, as Keras computes it: each output's mean loss times its weight, summed,
 * plus the losses layers added; and what each replica differentiates so that the replicas' gradients,
 * summed, are the gradient of that total over the whole batch.
 */
final class LossTotals {
  private final Ops tf;
  private final ModelDefinition model;
  private final List<Replica> replicas;
  private final List<Operand<TFloat32>> globalCounts = new ArrayList<>();

  LossTotals(Ops tf, ModelDefinition model, List<Replica> replicas) {
    this.tf = tf;
    this.model = model;
    this.replicas = replicas;
    for (int i = 0; i < model.outputs().size(); i++) {
      int k = i;
      globalCounts.add(total(tf, replicas, r -> r.lossCounts().get(k)));
    }
  }

  /**
   * Per replica: {@code sum_i w_i * lossSum_i / globalCount_i} plus its added losses over the number
   * of replicas (Keras scales a replica's loss by 1 / replicas).
   */
  List<Operand<TFloat32>> objectives() {
    List<Operand<TFloat32>> objectives = new ArrayList<>();
    for (Replica r : replicas) {
      List<Operand<TFloat32>> parts = new ArrayList<>();
      for (int i = 0; i < model.outputs().size(); i++) {
        parts.add(weighted(i, tf.math.div(r.lossSums().get(i), globalCounts.get(i))));
      }
      if (!r.addedLosses().isEmpty()) {
        parts.add(tf.math.div(tf.math.addN(r.addedLosses()), tf.constant((float) replicas.size())));
      }
      objectives.add(parts.size() == 1 ? parts.get(0) : tf.math.addN(parts));
    }
    return objectives;
  }

  /** The batch's total loss times its number of samples (so that epochs average over samples). */
  Operand<TFloat32> reportedSum() {
    List<Operand<TFloat32>> parts = new ArrayList<>();
    for (int i = 0; i < model.outputs().size(); i++) {
      int k = i;
      parts.add(weighted(i, tf.math.div(total(tf, replicas, r -> r.lossSums().get(k)),
          globalCounts.get(i))));
    }
    List<Operand<TFloat32>> added = new ArrayList<>();
    replicas.forEach(r -> added.addAll(r.addedLosses()));
    if (!added.isEmpty()) {
      parts.add(tf.math.div(tf.math.addN(added), tf.constant((float) replicas.size())));
    }
    Operand<TFloat32> mean = parts.size() == 1 ? parts.get(0) : tf.math.addN(parts);
    return tf.math.mul(mean, rows());
  }

  /** The batch's number of samples. */
  Operand<TFloat32> rows() {
    return total(tf, replicas, Replica::rows);
  }

  private Operand<TFloat32> weighted(int output, Operand<TFloat32> mean) {
    double w = model.outputs().get(output).lossWeight();
    return w == 1.0 ? mean : tf.math.mul(mean, tf.constant((float) w));
  }

  /** One replica's value, or the sum over replicas. */
  static Operand<TFloat32> total(Ops tf, List<Replica> replicas,
      Function<Replica, Operand<TFloat32>> part) {
    if (replicas.size() == 1) {
      return part.apply(replicas.get(0));
    }
    return tf.math.addN(replicas.stream().map(part).toList());
  }
}

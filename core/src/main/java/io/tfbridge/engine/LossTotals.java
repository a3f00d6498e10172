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
 * summed, are the gradient of that total over the whole batch. A task of a collective group
 * (between-graph replication) holds one replica; its counts, sums and added losses are summed over
 * the tasks by {@link Collectives}, so that the reported figures are the global batch's.
 */
final class LossTotals {
  private final Ops tf;
  private final ModelDefinition model;
  private final List<Replica> replicas;
  private final Collectives collectives;
  private final List<Operand<TFloat32>> globalCounts = new ArrayList<>();
  private Operand<TFloat32> rows;

  /**
   * The totals over {@code replicas}, and over the tasks when {@code collectives} is not null (then
   * with this task's one replica).
   */
  LossTotals(Ops tf, ModelDefinition model, List<Replica> replicas, Collectives collectives) {
    this.tf = tf;
    this.model = model;
    this.replicas = replicas;
    this.collectives = collectives;
    for (int i = 0; i < model.outputs().size(); i++) {
      int k = i;
      globalCounts.add(global(total(tf, replicas, r -> r.lossCounts().get(k))));
    }
  }

  /**
   * What a task of a collective group differentiates, as losses and the gradient each starts from:
   * each output's loss sum with {@code weight / globalCount}, and the added losses with
   * {@code 1 / tasks}. The global counts are only in these seeds, so the backward pass never meets
   * an all-reduce (which has no gradient in TensorFlow's C++ registry).
   */
  Seeded seeded() {
    Replica r = replicas.get(0);
    List<Operand<TFloat32>> losses = new ArrayList<>();
    List<Operand<TFloat32>> seeds = new ArrayList<>();
    for (int i = 0; i < model.outputs().size(); i++) {
      losses.add(r.lossSums().get(i));
      seeds.add(weighted(i, tf.math.div(tf.constant(1f), globalCounts.get(i))));
    }
    if (!r.addedLosses().isEmpty()) {
      losses.add(tf.math.addN(r.addedLosses()));
      seeds.add(tf.constant(1f / tasks()));
    }
    return new Seeded(losses, seeds);
  }

  /** Losses to differentiate, each starting from its own gradient {@code seeds[i]}. */
  record Seeded(List<Operand<TFloat32>> losses, List<Operand<TFloat32>> seeds) {}

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
      parts.add(weighted(i, tf.math.div(global(total(tf, replicas, r -> r.lossSums().get(k))),
          globalCounts.get(i))));
    }
    List<Operand<TFloat32>> added = new ArrayList<>();
    replicas.forEach(r -> added.addAll(r.addedLosses()));
    if (!added.isEmpty()) {
      parts.add(tf.math.div(global(tf.math.addN(added)), tf.constant((float) tasks())));
    }
    Operand<TFloat32> mean = parts.size() == 1 ? parts.get(0) : tf.math.addN(parts);
    return tf.math.mul(mean, rows());
  }

  /** The batch's number of samples (every task's, in a collective group). */
  Operand<TFloat32> rows() {
    if (rows == null) {
      rows = global(total(tf, replicas, Replica::rows));
    }
    return rows;
  }

  /** The replicas in sync: this process's, or the collective group's tasks. */
  private int tasks() {
    return collectives != null ? collectives.group().size() : replicas.size();
  }

  /** {@code x} summed over the tasks of the collective group, or as it is. */
  private Operand<TFloat32> global(Operand<TFloat32> x) {
    return collectives != null ? collectives.sum(x) : x;
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

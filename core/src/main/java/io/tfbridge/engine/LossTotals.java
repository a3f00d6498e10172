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
  private final Operand<TFloat32> rows;

  /**
   * The totals over {@code replicas}, and over the tasks when {@code collectives} is not null (then
   * with this task's one replica).
   */
  LossTotals(Ops tf, ModelDefinition model, List<Replica> replicas, Collectives collectives) {
    this.tf = tf;
    this.model = model;
    this.replicas = replicas;
    this.collectives = collectives;
    List<Operand<TFloat32>> counts = new ArrayList<>();
    for (int i = 0; i < model.outputs().size(); i++) {
      int k = i;
      counts.add(total(tf, replicas, r -> r.lossCounts().get(k)));
    }
    counts.add(total(tf, replicas, Replica::rows));
    List<Operand<TFloat32>> global = global(counts); // one all-reduce of the counts
    globalCounts.addAll(global.subList(0, model.outputs().size()));
    rows = global.get(model.outputs().size());
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

  /**
   * The batch's total loss times its number of samples (so that epochs average over samples), and
   * {@code states} (the metrics' states of this process) summed over the tasks, by one all-reduce.
   */
  Reported reported(List<Operand<TFloat32>> states) {
    List<Operand<TFloat32>> local = new ArrayList<>();
    for (int i = 0; i < model.outputs().size(); i++) {
      int k = i;
      local.add(total(tf, replicas, r -> r.lossSums().get(k)));
    }
    List<Operand<TFloat32>> added = new ArrayList<>();
    replicas.forEach(r -> added.addAll(r.addedLosses()));
    if (!added.isEmpty()) {
      local.add(tf.math.addN(added));
    }
    int losses = local.size();
    local.addAll(states);
    List<Operand<TFloat32>> global = global(local);
    return new Reported(lossSum(global.subList(0, losses)), global.subList(losses, global.size()));
  }

  /** The reported loss sum and the metrics' states, summed over the tasks. */
  record Reported(Operand<TFloat32> lossSum, List<Operand<TFloat32>> states) {}

  /** The weighted mean loss of the global sums (each output's, then the added losses') times the rows. */
  private Operand<TFloat32> lossSum(List<Operand<TFloat32>> sums) {
    List<Operand<TFloat32>> parts = new ArrayList<>();
    for (int i = 0; i < model.outputs().size(); i++) {
      parts.add(weighted(i, tf.math.div(sums.get(i), globalCounts.get(i))));
    }
    if (sums.size() > model.outputs().size()) {
      parts.add(tf.math.div(sums.get(sums.size() - 1), tf.constant((float) tasks())));
    }
    Operand<TFloat32> mean = parts.size() == 1 ? parts.get(0) : tf.math.addN(parts);
    return tf.math.mul(mean, rows);
  }

  /** The batch's number of samples (every task's, in a collective group). */
  Operand<TFloat32> rows() {
    return rows;
  }

  /** The replicas in sync: this process's, or the collective group's tasks. */
  private int tasks() {
    return collectives != null ? collectives.group().size() : replicas.size();
  }

  /** Each of {@code xs} summed over the tasks of the collective group (one all-reduce), or as it is. */
  private List<Operand<TFloat32>> global(List<Operand<TFloat32>> xs) {
    return collectives != null ? collectives.sumPacked(xs) : xs;
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

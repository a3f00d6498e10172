package io.tfbridge.engine;

import io.tfbridge.distribute.Replicas;
import io.tfbridge.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The all-reduce of one task of a collective group (between-graph replication): the task's gradients
 * of its loss sums over the global batch's sample counts ({@link LossTotals#seeded()}), each summed
 * over the tasks by one {@code CollectiveReduceV2}, so that every task applies the gradient of the
 * global batch's mean loss; a task with no rows of the batch adds nothing ({@link EmptyShares}).
 * (The layers' updates are averaged by {@link UpdateAverages}.)
 */
final class CollectiveGradients {
  private CollectiveGradients() {}

  /**
   * The summed gradients, in trainable-variable order. Keras's {@code optimizer.scale_loss} scales
   * each loss's starting gradient (the losses are linear in it).
   */
  static List<Output<TFloat32>> summed(Graph graph, Ops tf, LossTotals.Seeded objective,
      Operand<TFloat32> rows, Optimizer optimizer, VariableStore variables, Collectives collectives) {
    List<String> paths = variables.trainablePaths();
    List<Output<?>> targets = paths.stream()
        .<Output<?>>map(p -> variables.variable(p).asOutput()).toList();
    List<Operand<TFloat32>> seeds = objective.seeds().stream()
        .map(s -> optimizer.scaleLoss(tf, s)).toList();
    List<Output<TFloat32>> local = LossGradients.of(graph, tf, objective.losses(), seeds, paths,
        targets, Replicas.prefix(0) + "gradients");
    List<Operand<TFloat32>> kept = local.stream().map(g -> EmptyShares.kept(tf, g, rows)).toList();
    List<Output<TFloat32>> summed = new ArrayList<>();
    for (Operand<TFloat32> g : collectives.sumPacked(kept)) {
      summed.add(g.asOutput());
    }
    return summed;
  }
}

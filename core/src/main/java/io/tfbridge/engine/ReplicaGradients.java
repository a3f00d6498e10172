package io.tfbridge.engine;

import io.tfbridge.distribute.Replicas;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The all-reduce of a mirrored model: each replica's gradients of its loss sum, built under its
 * prefix ({@code replica_1/gradients/...}) so that placement puts them on its device, and summed.
 * Each replica's objective is its loss sum over the global sample count (plus its share of the added
 * losses), so the sum equals the gradient of the mean loss over the whole batch, and a step with N
 * replicas equals one device's step on the same batch. A replica with no rows of the batch adds
 * nothing ({@link EmptyShares}).
 */
final class ReplicaGradients {
  private ReplicaGradients() {}

  @SuppressWarnings("unchecked")
  static List<Output<TFloat32>> summed(Graph graph, Ops tf, List<Operand<TFloat32>> objectives,
      List<Operand<TFloat32>> rows, VariableStore variables) {
    List<String> paths = variables.trainablePaths();
    List<Output<?>> targets = paths.stream()
        .<Output<?>>map(p -> variables.variable(p).asOutput()).toList();
    List<List<Output<TFloat32>>> perReplica = new ArrayList<>();
    for (int i = 0; i < objectives.size(); i++) {
      List<Output<TFloat32>> own = LossGradients.of(graph, tf, objectives.get(i), paths, targets,
          Replicas.prefix(i) + "gradients");
      // masked on the replica's own device (its prefix), before its gradients travel
      Ops kept = variables.scope(Replicas.prefix(i).replace("/", "")).withSubScope("kept_gradients");
      Operand<TFloat32> rowsOf = rows.get(i);
      perReplica.add(own.stream().map(g -> EmptyShares.kept(kept, g, rowsOf).asOutput()).toList());
    }
    Ops reduce = tf.withSubScope("all_reduce");
    List<Output<TFloat32>> grads = new ArrayList<>();
    for (int v = 0; v < targets.size(); v++) {
      List<Operand<TFloat32>> parts = new ArrayList<>();
      for (List<Output<TFloat32>> g : perReplica) {
        parts.add(g.get(v));
      }
      grads.add(reduce.math.addN(parts).asOutput());
    }
    return grads;
  }
}

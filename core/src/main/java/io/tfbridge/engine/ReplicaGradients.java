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
 * losses), so the sum equals the gradient of the mean loss over the
 * whole batch, so a step with N replicas equals one device's step on the same batch.
 */
final class ReplicaGradients {
  private ReplicaGradients() {}

  @SuppressWarnings("unchecked")
  static List<Output<TFloat32>> summed(Graph graph, Ops tf, List<Operand<TFloat32>> objectives,
      VariableStore variables) {
    List<String> paths = variables.trainablePaths();
    List<Output<?>> targets = paths.stream()
        .<Output<?>>map(p -> variables.variable(p).asOutput()).toList();
    List<List<Output<TFloat32>>> perReplica = new ArrayList<>();
    for (int i = 0; i < objectives.size(); i++) {
      perReplica.add(LossGradients.of(graph, tf, objectives.get(i), paths, targets,
          Replicas.prefix(i) + "gradients"));
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

  /**
   * The layers' updates (BatchNormalization's moving statistics): one replica's as they are; with
   * several, each variable's new value is the mean of the replicas' values.
   */
  static List<Forward.Update> updates(Ops tf, List<Replica> replicas) {
    List<Forward.Update> first = replicas.get(0).updates();
    if (replicas.size() == 1) {
      return first;
    }
    Ops mean = tf.withSubScope("update_mean");
    List<Forward.Update> averaged = new ArrayList<>();
    for (int k = 0; k < first.size(); k++) {
      List<Operand<TFloat32>> values = new ArrayList<>();
      for (Replica r : replicas) {
        values.add(r.updates().get(k).value());
      }
      Operand<TFloat32> avg = mean.math.div(mean.math.addN(values),
          mean.constant((float) replicas.size()));
      averaged.add(new Forward.Update(first.get(k).path(), avg));
    }
    return averaged;
  }
}

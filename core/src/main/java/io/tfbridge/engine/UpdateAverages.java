package io.tfbridge.engine;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The layers' updates (BatchNormalization's moving statistics) of a data-parallel step: each
 * variable's new value is the mean of the values of the replicas, or tasks, that had rows of the
 * batch. A share with no rows ({@link EmptyShares}) is left out of the mean instead of making the
 * moving statistics NaN for good (Keras averages them all, NaN included).
 */
final class UpdateAverages {
  private UpdateAverages() {}

  /** Over the replicas of this process: one replica's as they are. */
  static List<Forward.Update> of(Ops tf, List<Replica> replicas) {
    List<Forward.Update> first = replicas.get(0).updates();
    if (replicas.size() == 1 || first.isEmpty()) {
      return first;
    }
    Ops mean = tf.withSubScope("update_mean");
    List<Operand<TFloat32>> counted = replicas.stream().map(r -> EmptyShares.counted(mean, r.rows())).toList();
    Operand<TFloat32> with = mean.math.addN(counted);
    List<Forward.Update> averaged = new ArrayList<>();
    for (int k = 0; k < first.size(); k++) {
      List<Operand<TFloat32>> values = new ArrayList<>();
      for (Replica r : replicas) {
        values.add(EmptyShares.kept(mean, r.updates().get(k).value(), r.rows()));
      }
      averaged.add(new Forward.Update(first.get(k).path(), mean.math.div(mean.math.addN(values), with)));
    }
    return averaged;
  }

  /** Over the tasks of a collective group, this task's one replica's and the count, in one all-reduce. */
  static List<Forward.Update> of(Ops tf, Replica replica, Collectives collectives) {
    List<Forward.Update> own = replica.updates();
    if (own.isEmpty()) {
      return own;
    }
    Ops mean = tf.withSubScope("update_mean");
    List<Operand<TFloat32>> local = new ArrayList<>();
    for (Forward.Update u : own) {
      local.add(EmptyShares.kept(mean, u.value(), replica.rows()));
    }
    local.add(EmptyShares.counted(mean, replica.rows()));
    List<Operand<TFloat32>> summed = collectives.sumPacked(local);
    Operand<TFloat32> with = summed.get(own.size());
    List<Forward.Update> averaged = new ArrayList<>();
    for (int k = 0; k < own.size(); k++) {
      averaged.add(new Forward.Update(own.get(k).path(), mean.math.div(summed.get(k), with)));
    }
    return averaged;
  }
}

package io.tfbridge.engine;

import io.tfbridge.distribute.CollectiveGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.collective.CollectiveBcastRecv;
import org.tensorflow.op.collective.CollectiveBcastSend;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TType;

/**
 * The collective ops of one task of a {@link CollectiveGroup}: sums and means over the tasks
 * ({@code CollectiveReduceV2}) and the chief's broadcast of the variables
 * ({@code CollectiveBcastSendV2}/{@code RecvV2}). Each op takes the next instance key, so the tasks,
 * which build the same graph in the same order, agree on every key. The keys run on across the
 * models of a process (TensorFlow's server remembers each key's collective as long as it runs: a
 * second model reusing a key fails with "Collective instance 1 expected type 0 ... but got type 1"),
 * so every task must compile its models in the same order. (The V3 reduce, which needs
 * {@code CollectiveInitializeCommunicator}, crashes TensorFlow Java 1.1.0: not used.)
 */
final class Collectives {
  /** The last instance key taken in this process. */
  private static final AtomicInteger TAKEN = new AtomicInteger();

  private final Ops tf;
  private final CollectiveGroup group;
  private final Operand<TInt32> groupSize;
  private final Operand<TInt32> groupKey;
  private int built;

  Collectives(Ops tf, CollectiveGroup group) {
    this.tf = tf;
    this.group = group;
    this.groupSize = tf.withName("group_size").constant(group.size());
    this.groupKey = tf.withName("group_key").constant(group.groupKey());
  }

  /** The group this task belongs to. */
  CollectiveGroup group() {
    return group;
  }

  /** The number of instance keys this model took so far (the collectives built). */
  int built() {
    return built;
  }

  /** {@code x} summed over the tasks. */
  Operand<TFloat32> sum(Operand<TFloat32> x) {
    return reduce(x, "Id");
  }

  /**
   * Each of {@code xs} summed over the tasks by ONE all-reduce of them all, flattened and
   * concatenated (a collective's latency, several network round trips, is paid once, not per tensor);
   * one all-reduce each when a shape is not static.
   */
  List<Operand<TFloat32>> sumPacked(List<? extends Operand<TFloat32>> xs) {
    if (xs.size() < 2 || xs.stream().anyMatch(x -> x.shape().hasUnknownDimension())) {
      return xs.stream().map(this::sum).toList();
    }
    Ops pack = tf.withSubScope("packed_all_reduce");
    List<Operand<TFloat32>> flat = new ArrayList<>();
    long[] sizes = new long[xs.size()];
    for (int i = 0; i < xs.size(); i++) {
      flat.add(pack.reshape(xs.get(i), pack.constant(new long[] {-1})));
      sizes[i] = xs.get(i).shape().size();
    }
    Operand<TFloat32> summed = sum(pack.concat(flat, pack.constant(0)));
    List<Output<TFloat32>> parts = pack.splitV(summed, pack.constant(sizes), pack.constant(0),
        (long) xs.size()).output();
    List<Operand<TFloat32>> shaped = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      shaped.add(pack.reshape(parts.get(i), pack.shape(xs.get(i))));
    }
    return shaped;
  }

  /** {@code x} averaged over the tasks. */
  Operand<TFloat32> mean(Operand<TFloat32> x) {
    return reduce(x, "Div");
  }

  /** The all-reduce of {@code x}; {@code x} itself in a group of one task (a sum or mean of one). */
  private Operand<TFloat32> reduce(Operand<TFloat32> x, String finalOp) {
    if (group.size() == 1) {
      return x;
    }
    Operand<TInt32> key = instanceKey();
    var builder = tf.scope().opBuilder("CollectiveReduceV2", "all_reduce_" + built)
        .addInput(x.asOutput())
        .addInput(groupSize.asOutput())
        .addInput(groupKey.asOutput())
        .addInput(key.asOutput())
        .addInputList(new org.tensorflow.Output<?>[0])
        .setAttr("merge_op", "Add")
        .setAttr("final_op", finalOp)
        .setAttr("communication_hint", "auto")
        .setAttr("timeout_seconds", (float) group.timeoutSeconds());
    return builder.build().<TFloat32>output(0);
  }

  /**
   * One op that gives every variable the chief's value: on the chief, each variable is sent; on the
   * other tasks, each is assigned what the chief sent (nothing to do in a group of one task).
   */
  Op broadcast(List<? extends Variable<?>> variables) {
    Ops bcast = tf.withSubScope("broadcast");
    List<Op> parts = new ArrayList<>();
    if (group.size() == 1) {
      return tf.withName("broadcast_variables").noOp(); // the chief alone: its values are everyone's
    }
    for (Variable<?> v : variables) {
      parts.add(broadcast(bcast, v));
    }
    return tf.withName("broadcast_variables").withControlDependencies(parts).noOp();
  }

  private <T extends TType> Op broadcast(Ops bcast, Variable<T> v) {
    Operand<TInt32> key = instanceKey();
    float timeout = (float) group.timeoutSeconds();
    if (group.isChief()) {
      return bcast.collective.collectiveBcastSend(v, groupSize, groupKey, key,
          CollectiveBcastSend.timeoutSeconds(timeout));
    }
    Operand<T> received = bcast.collective.collectiveBcastRecv(groupSize, groupKey, key,
        bcast.constant(v.shape().asArray()), v.type(), CollectiveBcastRecv.timeoutSeconds(timeout));
    return bcast.assign(v, received);
  }

  private Operand<TInt32> instanceKey() {
    built++;
    return tf.constant(TAKEN.incrementAndGet());
  }
}

package io.tfbridge.distribute;

import java.util.List;
import org.tensorflow.proto.ConfigProto;

/**
 * Where a compiled model's replicas run: one device string per replica (empty for "let TensorFlow
 * place it"), the device of everything else (the variables, the all-reduce, the optimizer), the
 * session config and the session's target.
 *
 * @param devices e.g. {@code /job:localhost/replica:0/task:0/device:CPU:1}, one per replica
 * @param config the session's ConfigProto (e.g. {@code device_count {"CPU": 4}})
 * @param hostDevice the device of the ops outside the replicas, or empty to let TensorFlow place them
 * @param target the session's master, {@code grpc://host:port} for a cluster, empty in-process
 * @param collective the group this process's replica trains with (between-graph replication: every
 *     task runs the same graph and all-reduces its gradients), or null when this process holds every
 *     replica
 */
public record Replicas(List<String> devices, ConfigProto config, String hostDevice, String target,
    CollectiveGroup collective) {

  public Replicas {
    devices = List.copyOf(devices);
    if (devices.isEmpty()) {
      throw new IllegalArgumentException("A model needs at least one replica");
    }
    if (collective != null && devices.size() != 1) {
      throw new IllegalArgumentException("A task of a collective group holds 1 replica, found "
          + devices.size() + ": " + devices);
    }
  }

  /** Replicas that all run from this process's session (no collective group). */
  public Replicas(List<String> devices, ConfigProto config, String hostDevice, String target) {
    this(devices, config, hostDevice, target, null);
  }

  /** Replicas in this process, the ops outside them placed by TensorFlow. */
  public Replicas(List<String> devices, ConfigProto config) {
    this(devices, config, "", "");
  }

  /** Whether the session runs on a cluster's master rather than in this process. */
  public boolean remote() {
    return !target.isEmpty();
  }

  /** One replica, placed by TensorFlow, default session config: an ordinary compiled model. */
  public static Replicas single() {
    return new Replicas(List.of(""), ConfigProto.getDefaultInstance());
  }

  /** The number of replicas this process builds. */
  public int count() {
    return devices.size();
  }

  /** Whether this process's replica is one task of a {@link CollectiveGroup}. */
  public boolean isCollective() {
    return collective != null;
  }

  /** The replicas in sync: this process's, or every task's of its collective group. */
  public int inSync() {
    return collective != null ? collective.size() : devices.size();
  }

  /** Whether the model is built per replica and placed (anything but {@link #single()}). */
  public boolean placed() {
    return devices.size() > 1 || !devices.get(0).isEmpty();
  }

  /** The op-name prefix of replica {@code i}'s forward and backward ops: {@code replica_1/}. */
  public static String prefix(int i) {
    return "replica_" + i + "/";
  }
}

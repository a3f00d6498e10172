package io.tfbridge.distribute;

import java.util.List;
import org.tensorflow.proto.ConfigProto;

/**
 * Where a compiled model's replicas run: one device string per replica (empty for "let TensorFlow
 * place it") and the session config that makes those devices exist.
 *
 * @param devices e.g. {@code /job:localhost/replica:0/task:0/device:CPU:1}, one per replica
 * @param config the session's ConfigProto (e.g. {@code device_count {"CPU": 4}})
 */
public record Replicas(List<String> devices, ConfigProto config) {

  public Replicas {
    devices = List.copyOf(devices);
    if (devices.isEmpty()) {
      throw new IllegalArgumentException("A model needs at least one replica");
    }
  }

  /** One replica, placed by TensorFlow, default session config: an ordinary compiled model. */
  public static Replicas single() {
    return new Replicas(List.of(""), ConfigProto.getDefaultInstance());
  }

  /** The number of replicas. */
  public int count() {
    return devices.size();
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

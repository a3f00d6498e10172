package io.tfbridge.distribute;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.DeviceSpec;
import org.tensorflow.proto.ConfigProto;

/**
 * Keras's {@code tf.distribute.MirroredStrategy} on one machine: one replica per device, each
 * running its share of every batch forward and backward on its device; the gradients are summed
 * (all-reduced) and one update is applied to the single copy of the weights. With a global batch B,
 * training equals one device's with batch B.
 *
 * <pre>{@code
 * MirroredStrategy strategy = MirroredStrategy.ofCpus(2);
 * try (Strategy.Scope scope = strategy.scope()) {
 *   model = spec.compile("sgd", "sparse_categorical_crossentropy");
 * }
 * }</pre>
 *
 * <p>On a machine without GPUs, {@link #ofCpus(int)} makes N logical CPU devices (ConfigProto
 * {@code device_count}); {@link #ofGpus(int)} takes GPU:0..N-1 (needs the {@code -Pgpu} build).
 */
public final class MirroredStrategy implements Strategy {
  private final Replicas replicas;

  private MirroredStrategy(Replicas replicas) {
    this.replicas = replicas;
  }

  /**
   * One replica per GPU where there are GPUs (Keras's {@code MirroredStrategy()}), otherwise
   * {@code cpuReplicas} replicas on logical CPU devices.
   */
  public static MirroredStrategy of(int cpuReplicas) {
    int gpus = Devices.gpuCount();
    return gpus > 0 ? ofGpus(gpus) : ofCpus(cpuReplicas);
  }

  /** {@code n} replicas on logical CPU devices CPU:0..n-1. */
  public static MirroredStrategy ofCpus(int n) {
    checkCount(n);
    ConfigProto config = ConfigProto.newBuilder().putDeviceCount("CPU", n).build();
    return new MirroredStrategy(new Replicas(devices(DeviceSpec.DeviceType.CPU, n), config));
  }

  /** {@code n} replicas on GPU:0..n-1 (the GPU build; TensorFlow fails at compile if they are absent). */
  public static MirroredStrategy ofGpus(int n) {
    checkCount(n);
    ConfigProto config = ConfigProto.newBuilder().putDeviceCount("GPU", n).build();
    return new MirroredStrategy(new Replicas(devices(DeviceSpec.DeviceType.GPU, n), config));
  }

  @Override
  public Replicas replicas() {
    return replicas;
  }

  /** The device string of each replica, e.g. {@code /job:localhost/replica:0/task:0/device:CPU:1}. */
  public List<String> devices() {
    return replicas.devices();
  }

  private static List<String> devices(DeviceSpec.DeviceType type, int n) {
    List<String> devices = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      devices.add("/job:localhost/replica:0/task:0/device:" + type.name() + ":" + i);
    }
    return devices;
  }

  private static void checkCount(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("A MirroredStrategy needs at least 1 replica, found " + n);
    }
  }
}

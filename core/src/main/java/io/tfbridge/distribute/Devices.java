package io.tfbridge.distribute;

import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The GPUs this process can use, found with public API only: a constant pinned to {@code GPU:i}
 * (without soft placement) runs if and only if that GPU exists. The CPU build has none.
 */
public final class Devices {
  private static final int MAX_GPUS = 16;

  private Devices() {}

  /** The number of GPUs TensorFlow can place ops on: 0 on the CPU build or a machine without one. */
  public static int gpuCount() {
    int n = 0;
    while (n < MAX_GPUS && canRunOn(DeviceSpec.DeviceType.GPU, n)) {
      n++;
    }
    return n;
  }

  private static boolean canRunOn(DeviceSpec.DeviceType type, int index) {
    ConfigProto strict = ConfigProto.newBuilder().setAllowSoftPlacement(false).build();
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph).withDevice(DeviceSpec.newBuilder().deviceType(type).deviceIndex(index).build());
      Operand<TFloat32> probe = tf.constant(1f);
      try (Session session = new Session(graph, strict); Result r = session.runner().fetch(probe).run()) {
        return true;
      } catch (TensorFlowException | IllegalArgumentException e) {
        return false;
      }
    }
  }
}

package io.tfbridge.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Ops shared by the gated recurrent layers. */
final class RecurrentOps {
  private RecurrentOps() {}

  /** Splits {@code z} (batch, n * units) into {@code n} (batch, units) parts, gate by gate. */
  static List<Operand<TFloat32>> split(Ops tf, Operand<TFloat32> z, int n) {
    return List.copyOf(tf.split(tf.constant(1), z, (long) n).output());
  }
}

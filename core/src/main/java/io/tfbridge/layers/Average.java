package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Average}: the element-wise mean of its inputs: their sum divided by their number;
 * shapes broadcast as in Keras (see {@link ElementwiseMerge}).
 *
 * <pre>{@code
 * KerasTensor mean = Average.of().apply(a, b, c);
 * }</pre>
 */
public final class Average extends ElementwiseMerge<Average> {

  private Average() {}

  /** An element-wise mean. */
  public static Average of() {
    return new Average();
  }

  @Override
  public String className() {
    return "Average";
  }

  @Override
  public String namePrefix() {
    return "average";
  }

  @Override
  Operand<TFloat32> combine(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.math.add(a, b);
  }

  @Override
  Operand<TFloat32> finish(Ops tf, Operand<TFloat32> combined, int count) {
    return tf.math.div(combined, tf.constant((float) count));
  }

  /** Reads Keras's Average config (no options). */
  public static Average fromConfig(ConfigReader c) {
    return of();
  }
}

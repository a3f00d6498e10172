package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Maximum}: the element-wise maximum of its inputs; shapes broadcast as in Keras
 * (see {@link ElementwiseMerge}).
 *
 * <pre>{@code
 * KerasTensor max = Maximum.of().apply(a, b);
 * }</pre>
 */
public final class Maximum extends ElementwiseMerge<Maximum> {

  private Maximum() {}

  /** An element-wise maximum. */
  public static Maximum of() {
    return new Maximum();
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "Maximum";
  }

  @Override
  public String namePrefix() {
    return "maximum";
  }

  @Override
  Operand<TFloat32> combine(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.math.maximum(a, b);
  }

  /** Reads Keras's Maximum config (no options). */
  public static Maximum fromConfig(ConfigReader c) {
    return of();
  }
}

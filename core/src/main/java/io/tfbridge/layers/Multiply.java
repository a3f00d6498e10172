package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Multiply}: the element-wise product of its inputs; shapes broadcast as in Keras
 * (see {@link ElementwiseMerge}).
 *
 * <pre>{@code
 * KerasTensor gated = Multiply.of().apply(x, Dense.of(8).activation("sigmoid").apply(x));
 * }</pre>
 */
public final class Multiply extends ElementwiseMerge<Multiply> {

  private Multiply() {}

  /** An element-wise product. */
  public static Multiply of() {
    return new Multiply();
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "Multiply";
  }

  @Override
  public String namePrefix() {
    return "multiply";
  }

  @Override
  Operand<TFloat32> combine(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.math.mul(a, b);
  }

  /** Reads Keras's Multiply config (no options). */
  public static Multiply fromConfig(ConfigReader c) {
    return of();
  }
}

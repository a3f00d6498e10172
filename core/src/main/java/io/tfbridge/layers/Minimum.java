package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Minimum}: the element-wise minimum of its inputs; shapes broadcast as in Keras
 * (see {@link ElementwiseMerge}).
 *
 * <pre>{@code
 * KerasTensor min = Minimum.of().apply(a, b);
 * }</pre>
 */
public final class Minimum extends ElementwiseMerge<Minimum> {

  private Minimum() {}

  /** An element-wise minimum. */
  public static Minimum of() {
    return new Minimum();
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "Minimum";
  }

  @Override
  public String namePrefix() {
    return "minimum";
  }

  @Override
  Operand<TFloat32> combine(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.math.minimum(a, b);
  }

  /** Reads Keras's Minimum config (no options). */
  public static Minimum fromConfig(ConfigReader c) {
    return of();
  }
}

package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Add}: the element-wise sum of its inputs (e.g. a residual connection); shapes
 * broadcast as in Keras (see {@link ElementwiseMerge}).
 *
 * <pre>{@code
 * KerasTensor residual = Add.of().apply(x, Dense.of(8).apply(x));
 * }</pre>
 */
public final class Add extends ElementwiseMerge<Add> {

  private Add() {}

  /** An element-wise sum. */
  public static Add of() {
    return new Add();
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "Add";
  }

  @Override
  public String namePrefix() {
    return "add";
  }

  @Override
  Operand<TFloat32> combine(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.math.add(a, b);
  }

  /** Reads Keras's Add config (no options). */
  public static Add fromConfig(ConfigReader c) {
    return of();
  }
}

package io.tfbridge.engine;

import io.tfbridge.layers.MixedPrecision;
import java.util.HashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat32;

/**
 * The dtype casts of a forward pass, each made once per tensor: float32 for a float32 layer (an
 * integer input or a bfloat16 layer's output cast up), the compute dtype for a {@code mixed_bfloat16}
 * layer (as Keras casts a layer's float inputs to its compute dtype).
 *
 * <p>Layer code is typed {@code Operand<TFloat32>}; a bfloat16 tensor travels under that type
 * (erased generics), and a layer that runs under a mixed policy builds its ops in its input's dtype.
 */
final class TensorCasts {
  private final Ops tf;
  private final Map<TensorRef, Operand<?>> values;
  private final Map<TensorRef, Operand<TFloat32>> floats = new HashMap<>();
  private final Map<TensorRef, Operand<TFloat32>> lowered = new HashMap<>();
  private final Map<TensorRef, Operand<TFloat32>> rounded = new HashMap<>();

  TensorCasts(Ops tf, Map<TensorRef, Operand<?>> values) {
    this.tf = tf;
    this.values = values;
  }

  /** A tensor as float32: a float32 layer's output as is, anything else cast once. */
  Operand<TFloat32> floats(TensorRef ref) {
    Operand<?> x = value(ref);
    if (x.type() == TFloat32.class) {
      return erased(x);
    }
    return floats.computeIfAbsent(ref, r -> tf.dtypes.cast(x, TFloat32.class));
  }

  /**
   * A layer's input under {@code mode}: float32 (mode null: a float32 policy; a pass-through
   * layer's), bfloat16
   * ({@link MixedPrecision#COMPUTE_DTYPE}) or rounded to bfloat16 and back to float32
   * ({@link MixedPrecision#FLOAT32_INSIDE}).
   */
  Operand<TFloat32> input(TensorRef ref, MixedPrecision mode) {
    if (mode == null || mode == MixedPrecision.UNSUPPORTED || mode == MixedPrecision.PASS_THROUGH) {
      return floats(ref);
    }
    if (mode == MixedPrecision.COMPUTE_DTYPE) {
      return bfloat16(ref);
    }
    if (value(ref).type() == TBfloat16.class) {
      return floats(ref);
    }
    return rounded.computeIfAbsent(ref, r -> tf.dtypes.cast(bfloat16(r), TFloat32.class));
  }

  /** {@code x} cast to bfloat16 by {@code ops}, under its layer-facing type. */
  static Operand<TFloat32> bfloat16(Ops ops, Operand<TFloat32> x) {
    return erased(ops.dtypes.cast(x, TBfloat16.class));
  }

  private Operand<TFloat32> bfloat16(TensorRef ref) {
    Operand<?> x = value(ref);
    if (x.type() == TBfloat16.class) {
      return erased(x);
    }
    return lowered.computeIfAbsent(ref, r -> bfloat16(tf, floats(r)));
  }

  private Operand<?> value(TensorRef ref) {
    Operand<?> x = values.get(ref);
    if (x == null) {
      throw new IllegalStateException("tensor " + ref + " is used before it is computed");
    }
    return x;
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> erased(Operand<?> x) {
    return (Operand<TFloat32>) x;
  }
}

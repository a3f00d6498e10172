package io.tfbridge.layers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Any;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The mask arithmetic Keras's layers share: merging the masks of several inputs, and a mask as
 * float weights for a masked sum. A mask is a {@code (batch, timesteps)} boolean tensor, true where a
 * step holds data.
 */
final class Masks {
  private Masks() {}

  /**
   * Keras's merge-layer mask ({@code Add}, {@code Multiply}, ...): the OR of the inputs' masks, none
   * when an input has none.
   */
  static Operand<TBool> or(Ops tf, List<Operand<TBool>> masks) {
    if (masks.isEmpty() || masks.contains(null)) {
      return null;
    }
    Operand<TBool> merged = masks.get(0);
    for (Operand<TBool> m : masks.subList(1, masks.size())) {
      merged = tf.math.logicalOr(merged, m);
    }
    return merged;
  }

  /**
   * Keras's {@code Concatenate} mask: each input's mask broadcast over its own shape (all true for an
   * input without a mask), joined along {@code axis} and reduced with ANY over the last axis; none
   * when no input has a mask.
   */
  static Operand<TBool> concatenate(Ops tf, List<Operand<TFloat32>> inputs,
      List<Operand<TBool>> masks, int axis) {
    if (masks.stream().allMatch(m -> m == null)) {
      return null;
    }
    List<Operand<TBool>> full = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Operand<TBool> m = masks.get(i);
      Operand<TFloat32> x = inputs.get(i);
      if (m == null) {
        full.add(tf.fill(tf.shape(x), tf.constant(true)));
      } else {
        int missing = x.shape().numDimensions() - m.shape().numDimensions();
        Operand<TBool> expanded = m;
        for (int k = 0; k < missing; k++) {
          expanded = tf.expandDims(expanded, tf.constant(-1));
        }
        full.add(tf.broadcastTo(expanded, tf.shape(x)));
      }
    }
    int rank = inputs.get(0).shape().numDimensions();
    Operand<TBool> joined = tf.concat(full, tf.constant(axis < 0 ? axis + rank : axis));
    return tf.any(joined, tf.constant(-1), Any.keepDims(false));
  }

  /** The mask as 1/0 floats with a trailing axis of 1: {@code (batch, steps, 1)}. */
  static Operand<TFloat32> weights(Ops tf, Operand<TBool> mask) {
    return tf.expandDims(tf.dtypes.cast(mask, TFloat32.class), tf.constant(-1));
  }
}

package io.tfbridge.preprocessing.image;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.op.core.ReduceMin;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TType;

/**
 * Keras's per-image steps after the warp, as TensorFlow ops on a batch [N, H, W, C] with one value
 * per image ([N, 1, 1, 1] tensors; a false {@code apply} flag leaves that image as it is).
 */
final class PixelOps {
  private static final int[] IMAGE_AXES = {1, 2, 3};

  private PixelOps() {
  }

  /**
   * {@code apply_channel_shift}: adds the intensity to every channel and clips to the image's own
   * minimum and maximum (in float64, as numpy promotes the sum).
   */
  static Operand<TFloat32> channelShift(Ops tf, Operand<TFloat32> x, Operand<TFloat64> intensity,
      Operand<TBool> apply) {
    Operand<TFloat64> x64 = tf.dtypes.cast(x, TFloat64.class);
    Operand<TFloat64> shifted = tf.math.minimum(tf.math.maximum(tf.math.add(x64, intensity),
        min(tf, x64)), max(tf, x64));
    return select(tf, apply, tf.dtypes.cast(shifted, TFloat32.class), x);
  }

  /** Reverses the images along {@code axis} (2: horizontal flip, 1: vertical) where flagged. */
  static Operand<TFloat32> flip(Ops tf, Operand<TFloat32> x, int axis, Operand<TBool> apply) {
    return select(tf, apply, tf.reverse(x, tf.constant(new int[] {axis})), x);
  }

  /**
   * {@code apply_brightness_shift(x, factor, scale=False)}: PIL's {@code Brightness.enhance} on the
   * image as 8 bits (scaled to 0-255 first when the image leaves that range): each value truncated
   * to uint8, multiplied by the float32 factor, truncated and clipped to 0-255, then scaled back.
   * An alpha channel (4 channels) is kept, as PIL blends it with itself.
   */
  static Operand<TFloat32> brightness(Ops tf, Operand<TFloat32> x, Operand<TFloat32> factor,
      Operand<TBool> apply, int channels) {
    Operand<TFloat32> xMin = min(tf, x);
    Operand<TFloat32> xMax = max(tf, x);
    Operand<TBool> local = tf.math.logicalOr(tf.math.less(xMin, tf.constant(0f)),
        tf.math.greater(xMax, tf.constant(255f)));
    Operand<TFloat32> bytes = tf.math.floor(select(tf, local, scaled(tf, x, xMin), x));
    Operand<TFloat32> bright = tf.clipByValue(tf.math.floor(tf.math.mul(factor, bytes)),
        tf.constant(0f), tf.constant(255f));
    if (channels == 4) {
      Operand<TBool> alpha = tf.constant(new boolean[] {false, false, false, true});
      bright = select(tf, alpha, bytes, bright);
    }
    Operand<TFloat32> back = tf.math.add(tf.math.mul(tf.math.div(bright, tf.constant(255f)),
        tf.math.sub(xMax, xMin)), xMin);
    return select(tf, apply, select(tf, local, back, bright), x);
  }

  /** {@code array_to_img}'s scaling: {@code (x - min) / max(x - min) * 255}. */
  private static Operand<TFloat32> scaled(Ops tf, Operand<TFloat32> x, Operand<TFloat32> xMin) {
    Operand<TFloat32> s = tf.math.sub(x, xMin);
    Operand<TFloat32> top = max(tf, s);
    Operand<TBool> zero = tf.math.equal(top, tf.constant(0f));
    Operand<TFloat32> divisor = tf.select(zero, tf.onesLike(top), top);
    return tf.math.mul(tf.math.div(s, divisor), tf.constant(255f));
  }

  static <T extends TType> Operand<T> select(Ops tf, Operand<TBool> flag, Operand<T> a,
      Operand<T> b) {
    Operand<TBool> wide = tf.broadcastTo(flag, tf.shape(a));
    return tf.select(wide, a, b);
  }

  private static <T extends org.tensorflow.types.family.TNumber> Operand<T> min(Ops tf,
      Operand<T> x) {
    return tf.reduceMin(x, tf.constant(IMAGE_AXES), ReduceMin.keepDims(true));
  }

  private static <T extends org.tensorflow.types.family.TNumber> Operand<T> max(Ops tf,
      Operand<T> x) {
    return tf.reduceMax(x, tf.constant(IMAGE_AXES), ReduceMax.keepDims(true));
  }
}

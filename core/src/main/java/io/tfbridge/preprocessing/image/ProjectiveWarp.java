package io.tfbridge.preprocessing.image;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ImageProjectiveTransformV3;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * The affine warp of a flow's batch as one fused TensorFlow kernel, {@code
 * ImageProjectiveTransformV3} with bilinear interpolation. Its "nearest" and "reflect" fill modes
 * sample as scipy's do; it maps points in float32, so pixels may differ from Keras's by up to ~2e-4
 * on 0-255 images (where {@link AffineWarp} is exact). Random augmentation does not need that last
 * digit, and the kernel is ~10 times faster; {@code applyTransform} keeps the exact warp.
 */
final class ProjectiveWarp {
  /** {@link AffineMatrix}'s (row, col) entries in TensorFlow's (x, y) = (col, row) order. */
  private static final int[] XY_ORDER = {4, 3, 5, 1, 0, 2};

  private ProjectiveWarp() {
  }

  /** Whether TensorFlow's kernel samples {@code mode} as scipy does. */
  static boolean supports(FillMode mode) {
    return mode == FillMode.NEAREST || mode == FillMode.REFLECT;
  }

  /**
   * Warps {@code images} ([N, H, W, C]) by {@code maps} ([N, 6] in {@link AffineMatrix}'s layout, one
   * per image).
   */
  static Operand<TFloat32> warp(Ops tf, Operand<TFloat32> images, Operand<TFloat64> maps,
      int height, int width, FillMode mode) {
    if (!supports(mode)) {
      throw new IllegalArgumentException("TensorFlow's projective transform does not sample fill"
          + " mode " + mode + " as scipy does");
    }
    Operand<TFloat64> xy = tf.gather(maps, tf.constant(XY_ORDER), tf.constant(1));
    Operand<TFloat64> transforms = tf.pad(xy, tf.constant(new int[][] {{0, 0}, {0, 2}}),
        tf.constant(0.0));
    return tf.image.imageProjectiveTransformV3(images, tf.dtypes.cast(transforms, TFloat32.class),
        tf.constant(new int[] {height, width}), tf.constant(0f), "BILINEAR",
        ImageProjectiveTransformV3.fillMode(mode.name()));
  }
}

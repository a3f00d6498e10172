package io.tfbridge.layers.preprocessing;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ResizeBicubic;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.op.image.ResizeNearestNeighbor;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The image resizing of Keras's TensorFlow backend ({@code keras.ops.image.resize}): the optional
 * centred crop or symmetric pad to the target's aspect ratio, then {@code tf.image.resize} (half-pixel
 * centres). Images are {@code (batch, height, width, channels)} with static height and width.
 */
final class Resize {
  static final List<String> INTERPOLATIONS = List.of("bilinear", "nearest", "bicubic", "area");

  private Resize() {}

  /** The centred window of the target's aspect ratio (Keras's crop_to_aspect_ratio, smart_resize). */
  static Operand<TFloat32> cropToAspectRatio(Ops tf, Operand<TFloat32> images, long targetHeight,
      long targetWidth) {
    long[] box = aspectRatioBox(images.shape().get(1), images.shape().get(2), targetHeight,
        targetWidth);
    return crop(tf, images, box[0], box[1], box[2], box[3]);
  }

  /**
   * The largest centred box of the target's aspect ratio in a {@code height x width} image, as
   * Keras computes it (each side at least 1 pixel, rounded down): {@code {top, left, boxHeight,
   * boxWidth}}.
   */
  static long[] aspectRatioBox(long height, long width, long targetHeight, long targetWidth) {
    long boxHeight = Math.max(Math.min(height, (long) ((double) (width * targetHeight)
        / targetWidth)), 1);
    long boxWidth = Math.max(Math.min(width, (long) ((double) (height * targetWidth)
        / targetHeight)), 1);
    return new long[] {(height - boxHeight) / 2, (width - boxWidth) / 2, boxHeight, boxWidth};
  }

  /** The window of {@code height x width} pixels at {@code (top, left)}. */
  static Operand<TFloat32> crop(Ops tf, Operand<TFloat32> images, long top, long left, long height,
      long width) {
    // int32 begin and size: Slice's C++ gradient subtracts them from an int32 shape
    return tf.slice(images, tf.constant(new int[] {0, (int) top, (int) left, 0}),
        tf.constant(new int[] {-1, (int) height, (int) width, -1}));
  }

  /**
   * Keras's pad_to_aspect_ratio: {@code fillValue} bands of equal size on both sides of the short
   * axis (Keras pads each side by half the missing size, rounded down).
   */
  static Operand<TFloat32> padToAspectRatio(Ops tf, Operand<TFloat32> images, long targetHeight,
      long targetWidth, double fillValue) {
    long height = images.shape().get(1);
    long width = images.shape().get(2);
    long padHeight = Math.max(height, (long) ((double) (width * targetHeight) / targetWidth));
    long padWidth = Math.max(width, (long) ((double) (height * targetWidth) / targetHeight));
    Operand<TFloat32> out = pad(tf, images, 1, (padHeight - height) / 2, fillValue);
    return pad(tf, out, 2, (padWidth - width) / 2, fillValue);
  }

  private static Operand<TFloat32> pad(Ops tf, Operand<TFloat32> images, int axis, long size,
      double fillValue) {
    if (size <= 0) {
      return images;
    }
    long[] dims = images.shape().asArray();
    int[] rest = {(int) dims[1], (int) dims[2], (int) dims[3]};
    rest[axis - 1] = (int) size;
    Operand<TInt32> shape = tf.concat(List.of(tf.slice(tf.shape(images), tf.constant(new int[] {0}),
        tf.constant(new int[] {1})), tf.constant(rest)), tf.constant(0));
    Operand<TFloat32> band = tf.fill(shape, tf.constant((float) fillValue));
    return tf.concat(List.of(band, images, band), tf.constant(axis));
  }

  /** {@code tf.image.resize} to {@code (targetHeight, targetWidth)} by {@code interpolation}. */
  static Operand<TFloat32> resize(Ops tf, Operand<TFloat32> images, long targetHeight,
      long targetWidth, String interpolation) {
    Operand<TInt32> size =
        tf.constant(new int[] {(int) targetHeight, (int) targetWidth});
    return switch (interpolation) {
      case "nearest" -> tf.image.resizeNearestNeighbor(images, size,
          ResizeNearestNeighbor.halfPixelCenters(true));
      case "bicubic" -> tf.image.resizeBicubic(images, size, ResizeBicubic.halfPixelCenters(true));
      // ResizeArea has no gradient in TF's C++ registry: trains only with no weights before it
      case "area" -> tf.image.resizeArea(images, size);
      default -> bilinear(tf, images, size);
    };
  }

  /** {@code tf.image.resize(images, size)} (bilinear, half-pixel centres) to a size given as a tensor. */
  static Operand<TFloat32> bilinear(Ops tf, Operand<TFloat32> images, Operand<TInt32> size) {
    return tf.image.resizeBilinear(images, size, ResizeBilinear.halfPixelCenters(true));
  }
}

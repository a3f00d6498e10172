package io.tfbridge.preprocessing.image;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * The affine warp of a batch as TensorFlow ops, sampling as {@code scipy.ndimage.affine_transform}
 * with {@code order=1} does: each output pixel's input point is computed in float64 in scipy's order
 * ({@code b + a0 r + a1 c}), mapped into the image by the fill mode, and interpolated bilinearly from
 * its four neighbours (a gather). TensorFlow's own {@code ImageProjectiveTransformV3} is not used:
 * it maps points in float32 (up to 2e-4 off on 0-255 images) and its CONSTANT (blends with the fill
 * value at the border) and WRAP (period n) modes are not scipy's.
 */
final class AffineWarp {
  private AffineWarp() {
  }

  /**
   * Warps {@code images} ([N, H, W, C]) by {@code maps} ([N, 6], {@link AffineMatrix}'s layout, one
   * per image).
   */
  static Operand<TFloat32> warp(Ops tf, Operand<TFloat32> images, Operand<TFloat64> maps,
      int height, int width, FillMode mode, double cval) {
    Operand<TFloat64> r = grid(tf, height, new long[] {1, height, 1});
    Operand<TFloat64> c = grid(tf, width, new long[] {1, 1, width});
    Operand<TFloat64> rows = affine(tf, maps, 0, r, c);
    Operand<TFloat64> cols = affine(tf, maps, 3, r, c);
    Operand<TFloat64> values = bilinear(tf, tf.dtypes.cast(images, TFloat64.class),
        map(tf, rows, height, mode), map(tf, cols, width, mode), height, width);
    if (mode == FillMode.CONSTANT) {
      Operand<TBool> inside = tf.math.logicalAnd(inside(tf, rows, height), inside(tf, cols, width));
      inside = tf.broadcastTo(tf.expandDims(inside, tf.constant(-1)), tf.shape(values));
      values = tf.select(inside, values, tf.fill(tf.shape(values), tf.constant(cval)));
    }
    return tf.dtypes.cast(values, TFloat32.class);
  }

  private static Operand<TFloat64> grid(Ops tf, int size, long[] shape) {
    Operand<TInt32> range = tf.range(tf.constant(0), tf.constant(size), tf.constant(1));
    return tf.reshape(tf.dtypes.cast(range, TFloat64.class), tf.constant(shape));
  }

  /** {@code b + a0 r + a1 c} from the map's entries {@code first .. first + 2}, as [N, H, W]. */
  private static Operand<TFloat64> affine(Ops tf, Operand<TFloat64> maps, int first,
      Operand<TFloat64> r, Operand<TFloat64> c) {
    Operand<TFloat64> a0 = entry(tf, maps, first);
    Operand<TFloat64> a1 = entry(tf, maps, first + 1);
    Operand<TFloat64> b = entry(tf, maps, first + 2);
    return tf.math.add(tf.math.add(b, tf.math.mul(a0, r)), tf.math.mul(a1, c));
  }

  private static Operand<TFloat64> entry(Ops tf, Operand<TFloat64> maps, int k) {
    Operand<TFloat64> column = tf.gather(maps, tf.constant(k), tf.constant(1));
    return tf.reshape(column, tf.constant(new long[] {-1, 1, 1}));
  }

  private static Operand<TBool> inside(Ops tf, Operand<TFloat64> v, int size) {
    return tf.math.logicalAnd(tf.math.greaterEqual(v, tf.constant(0.0)),
        tf.math.lessEqual(v, tf.constant(size - 1.0)));
  }

  /** Maps points onto {@code [0, size - 1]} by the fill mode. */
  private static Operand<TFloat64> map(Ops tf, Operand<TFloat64> v, int size, FillMode mode) {
    Operand<TFloat64> mapped = switch (mode) {
      case REFLECT -> reflect(tf, v, size);
      case WRAP -> wrap(tf, v, size);
      default -> v;
    };
    return tf.clipByValue(mapped, tf.constant(0.0), tf.constant(size - 1.0));
  }

  /** Half-sample symmetric: period 2 size, mirrored about -0.5 and size - 0.5. */
  private static Operand<TFloat64> reflect(Ops tf, Operand<TFloat64> v, int size) {
    Operand<TFloat64> u = tf.math.floorMod(tf.math.add(v, tf.constant(0.5)),
        tf.constant(2.0 * size));
    Operand<TFloat64> back = tf.math.sub(tf.constant(2.0 * size), u);
    u = tf.select(tf.math.greaterEqual(u, tf.constant((double) size)), back, u);
    return tf.math.sub(u, tf.constant(0.5));
  }

  /** scipy's legacy wrap: points beyond {@code [0, size - 1]} move by multiples of size - 1. */
  private static Operand<TFloat64> wrap(Ops tf, Operand<TFloat64> v, int size) {
    if (size <= 1) {
      return tf.math.mul(v, tf.constant(0.0));
    }
    Operand<TFloat64> period = tf.constant(size - 1.0);
    Operand<TFloat64> below = tf.math.add(v, tf.math.mul(period,
        tf.math.add(tf.math.floor(tf.math.div(tf.math.neg(v), period)), tf.constant(1.0))));
    Operand<TFloat64> above = tf.math.sub(v,
        tf.math.mul(period, tf.math.floor(tf.math.div(v, period))));
    Operand<TFloat64> inRange = tf.select(tf.math.greater(v, period), above, v);
    return tf.select(tf.math.less(v, tf.constant(0.0)), below, inRange);
  }

  /**
   * Bilinear interpolation of [N, H, W, C] at the points ({@code rows}, {@code cols}): the four
   * neighbours are gathered from the images as rows of a flat [N H W, C] table (one GatherV2 each,
   * several times faster than GatherNd with stacked index triples).
   */
  private static Operand<TFloat64> bilinear(Ops tf, Operand<TFloat64> images,
      Operand<TFloat64> rows, Operand<TFloat64> cols, int height, int width) {
    Operand<TFloat64> r0 = tf.math.floor(rows);
    Operand<TFloat64> c0 = tf.math.floor(cols);
    Operand<TFloat64> fr = tf.expandDims(tf.math.sub(rows, r0), tf.constant(-1));
    Operand<TFloat64> fc = tf.expandDims(tf.math.sub(cols, c0), tf.constant(-1));
    Operand<TInt32> ri0 = tf.dtypes.cast(r0, TInt32.class);
    Operand<TInt32> ci0 = tf.dtypes.cast(c0, TInt32.class);
    Operand<TInt32> ri1 = tf.math.minimum(tf.math.add(ri0, tf.constant(1)), tf.constant(height - 1));
    Operand<TInt32> ci1 = tf.math.minimum(tf.math.add(ci0, tf.constant(1)), tf.constant(width - 1));
    Operand<TInt32> n = tf.gather(tf.shape(images), tf.constant(0), tf.constant(0));
    Operand<TInt32> base = tf.math.mul(tf.reshape(tf.range(tf.constant(0), n, tf.constant(1)),
        tf.constant(new long[] {-1, 1, 1})), tf.constant(height * width));
    Operand<TFloat64> table = tf.reshape(images,
        tf.stack(List.of(tf.constant(-1), tf.gather(tf.shape(images), tf.constant(3),
            tf.constant(0)))));
    Operand<TFloat64> top = lerp(tf, gather(tf, table, base, ri0, ci0, width),
        gather(tf, table, base, ri0, ci1, width), fc);
    Operand<TFloat64> bottom = lerp(tf, gather(tf, table, base, ri1, ci0, width),
        gather(tf, table, base, ri1, ci1, width), fc);
    return lerp(tf, top, bottom, fr);
  }

  /** The table rows {@code base + r width + c}: [N, H, W, C]. */
  private static Operand<TFloat64> gather(Ops tf, Operand<TFloat64> table, Operand<TInt32> base,
      Operand<TInt32> rows, Operand<TInt32> cols, int width) {
    Operand<TInt32> index = tf.math.add(base, tf.math.add(tf.math.mul(rows, tf.constant(width)),
        cols));
    return tf.gather(table, index, tf.constant(0));
  }

  private static Operand<TFloat64> lerp(Ops tf, Operand<TFloat64> a, Operand<TFloat64> b,
      Operand<TFloat64> t) {
    Operand<TFloat64> one = tf.constant(1.0);
    return tf.math.add(tf.math.mul(a, tf.math.sub(one, t)), tf.math.mul(b, t));
  }
}

package io.tfbridge.preprocessing.image;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Keras's {@code apply_transform} on a batch [N, H, W, C], each image with its own parameters, in
 * Keras's order: affine warp, channel shift, horizontal flip, vertical flip, brightness. Runs as one
 * set of TensorFlow ops in an eager session.
 */
final class BatchTransform {
  private BatchTransform() {
  }

  /** The transformed batch; {@code params} holds one entry per image. */
  static FloatNdArray apply(FloatNdArray images, List<TransformParams> params, FillMode mode,
      double cval) {
    Shape shape = images.shape();
    if (shape.numDimensions() != 4 || shape.size(0) != params.size()) {
      throw new IllegalArgumentException("Expected a batch of " + params.size()
          + " images of shape (height, width, channels). Received: " + shape);
    }
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      Operand<TFloat32> x = transform(tf, tf.constant(images), params, mode, cval, shape);
      FloatNdArray out = NdArrays.ofFloats(shape);
      x.asTensor().copyTo(out);
      return out;
    }
  }

  private static Operand<TFloat32> transform(Ops tf, Operand<TFloat32> x,
      List<TransformParams> params, FillMode mode, double cval, Shape shape) {
    int height = (int) shape.size(1);
    int width = (int) shape.size(2);
    int channels = (int) shape.size(3);
    double[][] maps = params.stream().map(p -> AffineMatrix.of(p, height, width))
        .toArray(double[][]::new);
    x = AffineWarp.warp(tf, x, tf.constant(maps), height, width, mode, cval);
    if (params.stream().anyMatch(p -> p.channelShiftIntensity() != null)) {
      x = PixelOps.channelShift(tf, x, perImage64(tf, params, p -> orZero(p.channelShiftIntensity())),
          flags(tf, params, p -> p.channelShiftIntensity() != null));
    }
    x = PixelOps.flip(tf, x, 2, flags(tf, params, TransformParams::flipHorizontal));
    x = PixelOps.flip(tf, x, 1, flags(tf, params, TransformParams::flipVertical));
    if (params.stream().anyMatch(p -> p.brightness() != null)) {
      if (channels != 1 && channels != 3 && channels != 4) {
        throw new IllegalArgumentException("Unsupported channel number: " + channels);
      }
      x = PixelOps.brightness(tf, x, tf.dtypes.cast(perImage64(tf, params,
          p -> orZero(p.brightness())), TFloat32.class),
          flags(tf, params, p -> p.brightness() != null), channels);
    }
    return x;
  }

  private static double orZero(Double value) {
    return value == null ? 0 : value;
  }

  private static Operand<TFloat64> perImage64(Ops tf, List<TransformParams> params,
      ToDoubleFunction<TransformParams> value) {
    double[] values = params.stream().mapToDouble(value).toArray();
    return tf.reshape(tf.constant(values), tf.constant(new long[] {-1, 1, 1, 1}));
  }

  private static Operand<TBool> flags(Ops tf, List<TransformParams> params,
      Predicate<TransformParams> flag) {
    boolean[] values = new boolean[params.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = flag.test(params.get(i));
    }
    return tf.reshape(tf.constant(values), tf.constant(new long[] {-1, 1, 1, 1}));
  }
}

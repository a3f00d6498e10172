package io.tfbridge.preprocessing.image;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.Svd;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * What Keras's {@code ImageDataGenerator.fit} learns from a dataset: the per-channel mean and std
 * and the ZCA whitening matrix ({@code null} for what the generator does not use).
 *
 * @param mean per-channel mean, when featurewise centering is on
 * @param std per-channel std after centering, when featurewise std normalization is on
 * @param zca the (H*W*C) square whitening matrix, when ZCA whitening is on
 */
record FeatureStatistics(float[] mean, float[] std, FloatNdArray zca) {
  static final FeatureStatistics NONE = new FeatureStatistics(null, null, null);

  /**
   * {@code rounds} copies of {@code x}, each image randomly transformed ({@code random_transform}:
   * drawn params, the exact warp, no standardization), round after round as Keras stacks them.
   */
  static FloatNdArray augmentedCopies(ImageDataGenerator g, FloatNdArray x, int rounds,
      RandomGenerator random) {
    Shape shape = x.shape();
    if (shape.numDimensions() != 4) {
      throw new IllegalArgumentException("Input to `.fit()` should have rank 4. Got array with"
          + " shape: " + shape);
    }
    int n = (int) shape.get(0);
    int[] rows = new int[n * rounds];
    List<TransformParams> params = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i % n;
      params.add(RandomTransform.draw(g, random, (int) shape.get(1), (int) shape.get(2)));
    }
    try (BatchTransform t = new BatchTransform(BatchTransform.Key.exact(shape, params, g.fillMode,
        g.cval))) {
      return t.run(x, rows, params);
    }
  }

  /** Keras's {@code fit(x)} (without augmentation) for the generator's options. */
  static FeatureStatistics fit(ImageDataGenerator g, FloatNdArray x) {
    if (x.shape().numDimensions() != 4) {
      throw new IllegalArgumentException("Input to `.fit()` should have rank 4. Got array with"
          + " shape: " + x.shape());
    }
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      Operand<TFloat32> scaled = tf.constant(x);
      if (g.rescale != null && g.rescale != 0) {
        scaled = tf.math.mul(scaled, tf.constant(g.rescale.floatValue()));
      }
      Operand<TFloat64> data = tf.dtypes.cast(scaled, TFloat64.class);
      float[] mean = null;
      float[] std = null;
      FloatNdArray zca = null;
      if (g.centersFeatures()) {
        Operand<TFloat64> channelMean = tf.math.mean(data, tf.constant(new int[] {0, 1, 2}));
        mean = floats(tf, channelMean);
        data = tf.math.sub(data, channelMean);
      }
      if (g.normalizesFeatures()) {
        Operand<TFloat64> channelStd = tf.math.sqrt(tf.math.mean(tf.math.square(
            tf.math.sub(data, tf.math.mean(data, tf.constant(new int[] {0, 1, 2})))),
            tf.constant(new int[] {0, 1, 2})));
        std = floats(tf, channelStd);
        data = tf.math.div(data, tf.math.add(channelStd, tf.constant(1e-6)));
      }
      if (g.zcaWhitening) {
        zca = whitening(tf, data, x.shape(), g.zcaEpsilon);
      }
      return new FeatureStatistics(mean, std, zca);
    }
  }

  /** {@code U diag(sqrt(n) / (s + eps)) U^T} from the SVD of the centered data's transpose. */
  private static FloatNdArray whitening(Ops tf, Operand<TFloat64> data, Shape shape,
      double epsilon) {
    long n = shape.size(0);
    Operand<TFloat64> flat = tf.reshape(data, tf.constant(new long[] {n, -1}));
    Svd<TFloat64> svd = tf.linalg.svd(tf.linalg.transpose(flat, tf.constant(new int[] {1, 0})),
        Svd.fullMatrices(false));
    Operand<TFloat64> inverse = tf.math.div(tf.constant(Math.sqrt(n)),
        tf.math.add(svd.s(), tf.constant(epsilon)));
    Operand<TFloat64> w = tf.linalg.matMul(tf.math.mul(svd.u(), inverse), svd.u(),
        org.tensorflow.op.linalg.MatMul.transposeB(true));
    Operand<TFloat32> w32 = tf.dtypes.cast(w, TFloat32.class);
    FloatNdArray out = NdArrays.ofFloats(w32.shape());
    w32.asTensor().copyTo(out);
    return out;
  }

  private static float[] floats(Ops tf, Operand<TFloat64> values) {
    Operand<TFloat32> cast = tf.dtypes.cast(values, TFloat32.class);
    return StdArrays.array1dCopyOf(cast.asTensor());
  }
}

package io.tfbridge.preprocessing.image;

import java.lang.System.Logger.Level;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code standardize} on each image of a batch, in Keras's order: preprocessing function,
 * rescale, samplewise center, samplewise std, featurewise center, featurewise std, ZCA. A featurewise
 * step of an unfitted generator is skipped with Keras's warning.
 */
final class Standardizer {
  private static final System.Logger LOG = System.getLogger(Standardizer.class.getName());
  private static final int[] IMAGE_AXES = {1, 2, 3};

  private Standardizer() {
  }

  static FloatNdArray standardize(ImageDataGenerator g, FloatNdArray batch) {
    FloatNdArray input = g.preprocessingFunction == null ? batch : preprocess(g, batch);
    if (!hasSteps(g)) {
      return input;
    }
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      Operand<TFloat32> x = steps(g, tf, tf.constant(input));
      FloatNdArray out = NdArrays.ofFloats(input.shape());
      x.asTensor().copyTo(out);
      return out;
    }
  }

  /** Whether any step after the preprocessing function applies (else the batch is returned as is). */
  private static boolean hasSteps(ImageDataGenerator g) {
    return (g.rescale != null && g.rescale != 0) || g.centersSamples()
        || g.samplewiseStdNormalization || g.centersFeatures() || g.zcaWhitening;
  }

  /**
   * Whether a flow's compiled transform runs the standardization too: when there is no
   * preprocessing function (a Java function between the warp and the other steps).
   */
  static boolean inGraph(ImageDataGenerator g) {
    return g.preprocessingFunction == null;
  }

  private static FloatNdArray preprocess(ImageDataGenerator g, FloatNdArray batch) {
    FloatNdArray out = NdArrays.ofFloats(batch.shape());
    for (long i = 0; i < batch.shape().size(0); i++) {
      out.set(g.preprocessingFunction.apply(Images.slice(batch, i, i + 1).get(0)), i);
    }
    return out;
  }

  /** The standardization steps after the preprocessing function, as ops on {@code x}. */
  static Operand<TFloat32> steps(ImageDataGenerator g, Ops tf, Operand<TFloat32> x) {
    if (g.rescale != null && g.rescale != 0) {
      x = tf.math.mul(x, tf.constant(g.rescale.floatValue()));
    }
    if (g.centersSamples()) {
      x = tf.math.sub(x, mean(tf, x));
    }
    if (g.samplewiseStdNormalization) {
      Operand<TFloat32> std = tf.math.sqrt(mean(tf, tf.math.square(tf.math.sub(x, mean(tf, x)))));
      x = tf.math.div(x, tf.math.add(std, tf.constant(1e-6f)));
    }
    FeatureStatistics stats = g.statistics;
    if (g.centersFeatures() && fitted(stats.mean(), "featurewise_center")) {
      x = tf.math.sub(x, tf.constant(stats.mean()));
    }
    if (g.normalizesFeatures() && fitted(stats.std(), "featurewise_std_normalization")) {
      x = tf.math.div(x, tf.math.add(tf.constant(stats.std()), tf.constant(1e-6f)));
    }
    if (g.zcaWhitening && fitted(stats.zca(), "zca_whitening")) {
      Operand<TFloat32> flat = tf.reshape(x, tf.constant(new long[] {-1, stats.zca().shape().size(0)}));
      x = tf.reshape(tf.linalg.matMul(flat, tf.constant(stats.zca())), tf.shape(x));
    }
    return x;
  }

  private static Operand<TFloat32> mean(Ops tf, Operand<TFloat32> x) {
    return tf.math.mean(x, tf.constant(IMAGE_AXES), Mean.keepDims(true));
  }

  private static boolean fitted(Object statistic, String option) {
    if (statistic == null) {
      LOG.log(Level.WARNING, "This ImageDataGenerator specifies `" + option + "`, but it hasn't"
          + " been fit on any training data. Fit it first by calling `.fit(numpy_data)`.");
    }
    return statistic != null;
  }
}

package io.tfbridge.layers.preprocessing;

import io.tfbridge.layers.LayerContext;
import io.tfbridge.layers.Shapes;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * What the image preprocessing layers share: Keras's argument checks, the image rank check, the
 * random draws, and the switch that applies an augmentation only while training.
 */
final class ImageLayers {
  static final List<String> FILL_MODES = List.of("reflect", "wrap", "constant", "nearest");
  static final List<String> INTERPOLATIONS = List.of("nearest", "bilinear");

  private ImageLayers() {}

  /** The image shape {@code (batch, height, width, channels)} with known height and width. */
  static Shape requireImages(String layerName, Shape input) {
    if (input.numDimensions() != 4 || input.get(1) < 0 || input.get(2) < 0) {
      throw Shapes.incompatible(layerName,
          "a batch of images of rank 4 (batch, height, width, channels) with known height and width",
          input);
    }
    return input;
  }

  /** Keras's check of {@code fill_mode} (its NotImplementedError text), naming the layer. */
  static String checkedFillMode(String layer, String fillMode) {
    if (!FILL_MODES.contains(fillMode)) {
      throw new IllegalArgumentException(layer + ": Unknown `fill_mode` " + fillMode
          + ". Expected of one ('reflect', 'wrap', 'constant', 'nearest').");
    }
    return fillMode;
  }

  /** Keras's check of {@code interpolation} for the transforming layers. */
  static String checkedInterpolation(String layer, String interpolation) {
    if (!INTERPOLATIONS.contains(interpolation)) {
      throw new IllegalArgumentException(layer + ": Unknown `interpolation` " + interpolation
          + ". Expected of one ('nearest', 'bilinear').");
    }
    return interpolation;
  }

  /** Reads {@code data_format}, refusing {@code channels_first}. */
  static void readDataFormat(ConfigReader c) {
    c.getChoice("data_format", "channels_last", "channels_last");
  }

  /** Reads {@code seed}: null or an integer. */
  static Long readSeed(ConfigReader c) {
    return c.get("seed") == null ? null : (long) c.getInt("seed");
  }

  /**
   * Uniform draws in {@code [0, 1)} of shape {@code (batch, count)}, one row per image: seeded by the
   * layer's own seed when it has one, else by the model's seed for this layer.
   */
  static Operand<TFloat32> uniform(LayerContext context, Long seed, Operand<TFloat32> images,
      int count) {
    var tf = context.tf();
    Operand<TInt32> batch = tf.slice(tf.shape(images), tf.constant(new int[] {0}),
        tf.constant(new int[] {1}));
    return randomUniform(context, seed, tf.concat(List.of(batch, tf.constant(new int[] {count})),
        tf.constant(0)));
  }

  /** {@code count} uniform draws in {@code [0, 1)} for the whole batch, seeded as {@link #uniform}. */
  static Operand<TFloat32> uniformForBatch(LayerContext context, Long seed, int count) {
    return randomUniform(context, seed, context.tf().constant(new int[] {count}));
  }

  private static Operand<TFloat32> randomUniform(LayerContext context, Long seed,
      Operand<TInt32> shape) {
    long s = seed != null ? seed : context.seed();
    long s2 = seed != null ? 0x5eedL : context.seed() >>> 32;
    return context.tf().random.randomUniform(shape, TFloat32.class,
        RandomUniform.seed(s & 0x7fffffffL), RandomUniform.seed2(s2 & 0x7fffffffL));
  }

  /** Column {@code i} of {@code (batch, k)} draws scaled to {@code [lower, upper)}, as {@code (batch, 1)}. */
  static Operand<TFloat32> column(LayerContext context, Operand<TFloat32> draws, int i,
      double lower, double upper) {
    var tf = context.tf();
    Operand<TFloat32> u = tf.slice(draws, tf.constant(new int[] {0, i}),
        tf.constant(new int[] {-1, 1}));
    return tf.math.add(tf.math.mul(u, tf.constant((float) (upper - lower))),
        tf.constant((float) lower));
  }

  /** {@code augmented} while training, the input itself at inference. */
  static Operand<TFloat32> whileTraining(LayerContext context, Operand<TFloat32> augmented,
      Operand<TFloat32> input) {
    return context.tf().select(isTraining(context), augmented, input);
  }

  /** The training flag as a boolean scalar: true while training. */
  static Operand<TBool> isTraining(LayerContext context) {
    var tf = context.tf();
    return tf.math.greater(context.trainingFlag(), tf.constant(0.5f));
  }
}

package io.tfbridge.layers.preprocessing;

import io.tfbridge.layers.Layer;
import io.tfbridge.layers.LayerContext;
import io.tfbridge.layers.LayerOutput;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code RandomFlip}: while training, flips each image with probability 1/2 left-right
 * ({@code "horizontal"}), upside down ({@code "vertical"}), or both ({@code "horizontal_and_vertical"},
 * the default: as in Keras 3.15, one draw per image decides both flips together); the identity at
 * inference.
 *
 * <pre>{@code
 * RandomFlip mirror = RandomFlip.of("horizontal").seed(7);
 * RandomFlip both = RandomFlip.of();
 * }</pre>
 */
public final class RandomFlip extends Layer<RandomFlip> {
  private static final List<String> MODES =
      List.of("horizontal", "vertical", "horizontal_and_vertical");
  private final String mode;
  private Long seed;

  private RandomFlip(String mode) {
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException("RandomFlip: `mode` must be one of \"horizontal\", "
          + "\"vertical\" or \"horizontal_and_vertical\". Received: mode=" + mode);
    }
    this.mode = mode;
  }

  /** Flips both ways (Keras's default mode, {@code "horizontal_and_vertical"}). */
  public static RandomFlip of() {
    return new RandomFlip("horizontal_and_vertical");
  }

  /** Flips by {@code mode}: horizontal, vertical or horizontal_and_vertical. */
  public static RandomFlip of(String mode) {
    return new RandomFlip(mode);
  }

  /** A copy whose draws use this seed rather than the model's. */
  public RandomFlip seed(long seed) {
    RandomFlip copy = copy();
    copy.seed = seed;
    return copy;
  }

  /** horizontal, vertical or horizontal_and_vertical. */
  public String mode() {
    return mode;
  }

  /** The layer's own seed, or null (the model's seed). */
  public Long seed() {
    return seed;
  }

  @Override
  public String className() {
    return "RandomFlip";
  }

  @Override
  public String namePrefix() {
    return "random_flip";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    return ImageLayers.requireImages(layerName, input);
  }

  /** One draw per image: flipped when it is at most 1/2 (Keras's rule), only while training. */
  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    Operand<TFloat32> draws = tf.reshape(ImageLayers.uniform(context, seed, input, 1),
        tf.constant(new int[] {-1, 1, 1, 1}));
    Operand<TBool> flip = tf.math.logicalAnd(tf.math.lessEqual(draws, tf.constant(0.5f)),
        tf.math.greater(context.trainingFlag(), tf.constant(0.5f)));
    Operand<TFloat32> out = input;
    if (!mode.equals("vertical")) {
      out = tf.select(flip, tf.reverse(out, tf.constant(new int[] {2})), out);
    }
    if (!mode.equals("horizontal")) {
      out = tf.select(flip, tf.reverse(out, tf.constant(new int[] {1})), out);
    }
    return LayerOutput.of(out);
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("data_format", "channels_last").put("seed", seed)
        .put("mode", mode).build();
  }

  /** Reads Keras's RandomFlip config. */
  public static RandomFlip fromConfig(ConfigReader c) {
    ImageLayers.readDataFormat(c);
    RandomFlip layer = of(c.getString("mode", "horizontal_and_vertical"));
    Long seed = ImageLayers.readSeed(c);
    return seed == null ? layer : layer.seed(seed);
  }
}

package io.tfbridge.layers.preprocessing;

import io.tfbridge.layers.Layer;
import io.tfbridge.layers.LayerContext;
import io.tfbridge.layers.LayerOutput;
import io.tfbridge.layers.Shapes;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras's {@code RandomCrop}, as Keras 3.15 computes it. While training, an image taller than
 * {@code height} and wider than {@code width} gives its {@code height x width} window at one random
 * corner, the same for the whole batch. Otherwise (training with an image not larger along both
 * axes) the window starts at the corner of the centred box of the target's aspect ratio, spans up to
 * {@code height x width} pixels (clipped to the image) and is resized bilinearly to {@code height x
 * width} when it is smaller. At inference the input passes unchanged, at its own size, although the
 * declared output shape is {@code (batch, height, width, channels)} (Keras's quirk; shape-agnostic
 * layers such as Conv2D or GlobalAveragePooling2D accept both).
 *
 * <pre>{@code
 * KerasTensor x = Input.of(40, 40, 3).tensor();
 * KerasTensor y = RandomCrop.of(32, 32).seed(7).apply(x);
 * }</pre>
 */
public final class RandomCrop extends Layer<RandomCrop> {
  private final int height;
  private final int width;
  private Long seed;

  private RandomCrop(int height, int width) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("RandomCrop: height and width must be positive. "
          + "Received: height=" + height + ", width=" + width);
    }
    this.height = height;
    this.width = width;
  }

  /** Crops to {@code height x width} pixels while training. */
  public static RandomCrop of(int height, int width) {
    return new RandomCrop(height, width);
  }

  /** A copy whose draws use this seed rather than the model's. */
  public RandomCrop seed(long seed) {
    RandomCrop copy = copy();
    copy.seed = seed;
    return copy;
  }

  /** The output height while training. */
  public int height() {
    return height;
  }

  /** The output width while training. */
  public int width() {
    return width;
  }

  /** The layer's own seed, or null (the model's seed). */
  public Long seed() {
    return seed;
  }

  @Override
  public String className() {
    return "RandomCrop";
  }

  @Override
  public String namePrefix() {
    return "random_crop";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    if (input.numDimensions() == 4 && (input.get(1) < 0 || input.get(2) < 0)) {
      throw new IllegalArgumentException(layerName + ": RandomCrop requires the input to have a "
          + "fully defined height and width. Received: images.shape=" + Shapes.format(input));
    }
    ImageLayers.requireImages(layerName, input);
    return Shape.of(input.get(0), height, width, input.get(3));
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    long h = input.shape().get(1);
    long w = input.shape().get(2);
    Operand<TBool> training = ImageLayers.isTraining(context);
    if (h > height && w > width) {
      return LayerOutput.of(window(context.tf(), input, training, randomCorner(context, h, w),
          height, width));
    }
    long[] box = Resize.aspectRatioBox(h, w, height, width);
    long rows = Math.min(height, h - box[0]);
    long cols = Math.min(width, w - box[1]);
    Operand<TInt32> corner = context.tf().constant(new int[] {(int) box[0], (int) box[1]});
    Operand<TFloat32> out = window(context.tf(), input, training, corner, rows, cols);
    return LayerOutput.of(rows == height && cols == width ? out
        : resized(context.tf(), out, training, input));
  }

  /**
   * Keras's draw: {@code (int) uniform(0, h - height + 1)} and {@code (int) uniform(0, w - width +
   * 1)}, once for the batch, holding no gradient.
   */
  private Operand<TInt32> randomCorner(LayerContext context, long h, long w) {
    var tf = context.tf();
    Operand<TFloat32> draws = tf.math.mul(ImageLayers.uniformForBatch(context, seed, 2),
        tf.constant(new float[] {h - height + 1, w - width + 1}));
    return tf.dtypes.cast(tf.stopGradient(draws), TInt32.class);
  }

  /**
   * The {@code rows x cols} window at {@code corner} while training, the whole images at inference:
   * one Slice whose begin and size the flag selects.
   */
  private static Operand<TFloat32> window(Ops tf, Operand<TFloat32> images, Operand<TBool> training,
      Operand<TInt32> corner, long rows, long cols) {
    Operand<TInt32> begin = tf.select(training, corner, tf.constant(new int[] {0, 0}));
    Operand<TInt32> size = tf.select(training, tf.constant(new int[] {(int) rows, (int) cols}),
        tf.constant(new int[] {-1, -1}));
    // int32 begin and size (Slice's C++ gradient subtracts them from an int32 shape); batch and
    // channels as constants, so that the channels stay static
    return tf.slice(images, framed(tf, begin, 0), framed(tf, size, -1));
  }

  /** {@code (edge, hw[0], hw[1], edge)}. */
  private static Operand<TInt32> framed(Ops tf, Operand<TInt32> hw, int edge) {
    Operand<TInt32> e = tf.constant(new int[] {edge});
    return tf.concat(List.of(e, hw, e), tf.constant(0));
  }

  /**
   * The window resized bilinearly to {@code (height, width)} while training; at inference, resized
   * to the input's own size, which TF's ResizeBilinear (half-pixel centres, scale 1) returns exactly.
   */
  private Operand<TFloat32> resized(Ops tf, Operand<TFloat32> window, Operand<TBool> training,
      Operand<TFloat32> input) {
    Operand<TInt32> own = tf.slice(tf.shape(input), tf.constant(new int[] {1}),
        tf.constant(new int[] {2}));
    Operand<TInt32> size = tf.select(training, tf.constant(new int[] {height, width}), own);
    return Resize.bilinear(tf, window, size);
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("data_format", "channels_last").put("height", height)
        .put("width", width).put("seed", seed).build();
  }

  /** Reads Keras's RandomCrop config (channels_first is refused). */
  public static RandomCrop fromConfig(ConfigReader c) {
    ImageLayers.readDataFormat(c);
    RandomCrop layer = of(c.getInt("height"), c.getInt("width"));
    Long s = ImageLayers.readSeed(c);
    return s == null ? layer : layer.seed(s);
  }
}

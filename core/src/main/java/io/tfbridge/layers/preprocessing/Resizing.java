package io.tfbridge.layers.preprocessing;

import io.tfbridge.layers.Layer;
import io.tfbridge.layers.LayerContext;
import io.tfbridge.layers.LayerOutput;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Resizing}: resizes images to {@code (height, width)} ({@code tf.image.resize},
 * half-pixel centres), optionally first cropping the centred window of the target's aspect ratio
 * ({@code crop_to_aspect_ratio}) or padding with {@code fill_value} to it ({@code pad_to_aspect_ratio}).
 * Interpolations: bilinear (default), nearest, bicubic, area (whose op has no gradient in TF's C++
 * registry: a model trains with it only when no weights come before it); lanczos3, lanczos5 and
 * antialias are refused.
 *
 * <pre>{@code
 * Resizing small = Resizing.of(64, 48).interpolation("nearest");
 * Resizing square = Resizing.of(32, 32).cropToAspectRatio(true);
 * }</pre>
 */
public final class Resizing extends Layer<Resizing> {
  private final int height;
  private final int width;
  private String interpolation = "bilinear";
  private boolean cropToAspectRatio;
  private boolean padToAspectRatio;
  private double fillValue;

  private Resizing(int height, int width) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("Resizing: height and width must be positive. Received: "
          + "height=" + height + ", width=" + width);
    }
    this.height = height;
    this.width = width;
  }

  /** Resizes to {@code height x width} pixels. */
  public static Resizing of(int height, int width) {
    return new Resizing(height, width);
  }

  /** A copy that resizes by {@code interpolation}: bilinear (default), nearest, bicubic or area. */
  public Resizing interpolation(String interpolation) {
    if (!Resize.INTERPOLATIONS.contains(interpolation)) {
      throw new IllegalArgumentException("Resizing: interpolation=" + interpolation
          + " is not supported by tfbridge (supported: " + String.join(", ", Resize.INTERPOLATIONS)
          + ")");
    }
    Resizing copy = copy();
    copy.interpolation = interpolation;
    return copy;
  }

  /** A copy that first crops the centred window of the target's aspect ratio. */
  public Resizing cropToAspectRatio(boolean crop) {
    return aspect(crop, padToAspectRatio);
  }

  /** A copy that first pads with fill_value to the target's aspect ratio. */
  public Resizing padToAspectRatio(boolean pad) {
    return aspect(cropToAspectRatio, pad);
  }

  private Resizing aspect(boolean crop, boolean pad) {
    if (crop && pad) {
      throw new IllegalArgumentException(
          "Resizing: Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be `True`.");
    }
    Resizing copy = copy();
    copy.cropToAspectRatio = crop;
    copy.padToAspectRatio = pad;
    return copy;
  }

  /** A copy whose padding (pad_to_aspect_ratio) has this value (default 0). */
  public Resizing fillValue(double fillValue) {
    Resizing copy = copy();
    copy.fillValue = fillValue;
    return copy;
  }

  /** The output height. */
  public int height() {
    return height;
  }

  /** The output width. */
  public int width() {
    return width;
  }

  /** bilinear, nearest, bicubic or area. */
  public String interpolation() {
    return interpolation;
  }

  @Override
  public String className() {
    return "Resizing";
  }

  @Override
  public String namePrefix() {
    return "resizing";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    ImageLayers.requireImages(layerName, input);
    return Shape.of(input.get(0), height, width, input.get(3));
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    Operand<TFloat32> x = input;
    if (cropToAspectRatio) {
      x = Resize.cropToAspectRatio(tf, x, height, width);
    } else if (padToAspectRatio) {
      x = Resize.padToAspectRatio(tf, x, height, width, fillValue);
    }
    return LayerOutput.of(Resize.resize(tf, x, height, width, interpolation));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("data_format", "channels_last").put("height", height)
        .put("width", width).put("interpolation", interpolation)
        .put("crop_to_aspect_ratio", cropToAspectRatio).put("pad_to_aspect_ratio", padToAspectRatio)
        .put("fill_mode", "constant").put("fill_value", fillValue).put("antialias", false).build();
  }

  /** Reads Keras's Resizing config (antialias and fill modes other than constant are refused). */
  public static Resizing fromConfig(ConfigReader c) {
    ImageLayers.readDataFormat(c);
    c.getChoice("fill_mode", "constant", "constant");
    c.requireDefault("antialias", false);
    return of(c.getInt("height"), c.getInt("width"))
        .interpolation(c.getChoice("interpolation", "bilinear",
            Resize.INTERPOLATIONS.toArray(new String[0])))
        .cropToAspectRatio(c.getBool("crop_to_aspect_ratio", false))
        .padToAspectRatio(c.getBool("pad_to_aspect_ratio", false))
        .fillValue(c.getDouble("fill_value", 0.0));
  }
}

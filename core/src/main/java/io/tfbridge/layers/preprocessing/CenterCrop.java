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
 * Keras's {@code CenterCrop}: the centred {@code height x width} window of each image; an image
 * smaller than that along an axis is instead cropped to the target's aspect ratio and resized
 * bilinearly (Keras's {@code smart_resize}). The same in training and inference.
 *
 * <pre>{@code
 * CenterCrop middle = CenterCrop.of(24, 24);
 * }</pre>
 */
public final class CenterCrop extends Layer<CenterCrop> {
  private final int height;
  private final int width;

  private CenterCrop(int height, int width) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("CenterCrop: height and width must be positive. "
          + "Received: height=" + height + ", width=" + width);
    }
    this.height = height;
    this.width = width;
  }

  /** The centred {@code height x width} window. */
  public static CenterCrop of(int height, int width) {
    return new CenterCrop(height, width);
  }

  /** The output height. */
  public int height() {
    return height;
  }

  /** The output width. */
  public int width() {
    return width;
  }

  @Override
  public String className() {
    return "CenterCrop";
  }

  @Override
  public String namePrefix() {
    return "center_crop";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    ImageLayers.requireImages(layerName, input);
    return Shape.of(input.get(0), height, width, input.get(3));
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    long dh = input.shape().get(1) - height;
    long dw = input.shape().get(2) - width;
    if (dh >= 0 && dw >= 0) {
      return LayerOutput.of(Resize.crop(tf, input, dh / 2, dw / 2, height, width));
    }
    Operand<TFloat32> window = Resize.cropToAspectRatio(tf, input, height, width);
    return LayerOutput.of(Resize.resize(tf, window, height, width, "bilinear"));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("data_format", "channels_last").put("height", height)
        .put("width", width).build();
  }

  /** Reads Keras's CenterCrop config. */
  public static CenterCrop fromConfig(ConfigReader c) {
    ImageLayers.readDataFormat(c);
    return of(c.getInt("height"), c.getInt("width"));
  }
}

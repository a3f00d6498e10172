package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ResizeBicubic;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code UpSampling2D} on channels-last images: rows and columns scaled by {@code size}.
 * {@code "nearest"} (default) repeats each pixel; {@code "bilinear"} and {@code "bicubic"} resize
 * as Keras's TensorFlow backend ({@code tf.image.resize} without antialiasing: half-pixel centers).
 *
 * <pre>{@code
 * UpSampling2D up = UpSampling2D.of(2, 3).interpolation("bilinear");
 * }</pre>
 */
public final class UpSampling2D extends UpSampling<UpSampling2D> {
  /** The interpolations tfbridge implements (Keras also has lanczos3, lanczos5 and area). */
  static final List<String> INTERPOLATIONS = List.of("nearest", "bilinear", "bicubic");
  private String interpolation = "nearest";

  private UpSampling2D(int rows, int cols) {
    super(rows, cols);
  }

  /** Scales rows by {@code rows} and columns by {@code cols} (Keras's {@code size}). */
  public static UpSampling2D of(int rows, int cols) {
    return new UpSampling2D(rows, cols);
  }

  /** Keras's default: twice along both axes. */
  public static UpSampling2D of() {
    return of(2, 2);
  }

  /**
   * A copy interpolating by {@code "nearest"} (default), {@code "bilinear"} or {@code "bicubic"}
   * (case-insensitive, as Keras).
   */
  public UpSampling2D interpolation(String interpolation) {
    String name = interpolation.toLowerCase(Locale.ROOT);
    if (!INTERPOLATIONS.contains(name)) {
      throw new IllegalArgumentException("Invalid value for argument `interpolation`: tfbridge "
          + "supports " + INTERPOLATIONS + ". Received: interpolation=" + interpolation);
    }
    UpSampling2D copy = copy();
    copy.interpolation = name;
    return copy;
  }

  /** The interpolation. */
  public String interpolation() {
    return interpolation;
  }

  @Override
  public String className() {
    return "UpSampling2D";
  }

  @Override
  public String namePrefix() {
    return "up_sampling2d";
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    Ops tf = context.tf();
    if (interpolation.equals("nearest")) {
      return LayerOutput.of(repeat(tf, input));
    }
    var size = tf.stridedSlice(scaledShape(tf, input),
        org.tensorflow.ndarray.index.Indices.slice(1, 3));
    return LayerOutput.of(interpolation.equals("bilinear")
        ? tf.image.resizeBilinear(input, size, ResizeBilinear.halfPixelCenters(true))
        : tf.image.resizeBicubic(input, size, ResizeBicubic.halfPixelCenters(true)));
  }

  @Override
  public Config getConfig() {
    return sizeConfig().put("interpolation", interpolation).build();
  }

  /** Reads Keras's UpSampling2D config; interpolations other than nearest, bilinear, bicubic are refused. */
  public static UpSampling2D fromConfig(ConfigReader c) {
    c.requireDefault("data_format", "channels_last");
    int[] size = c.getInts("size", 2, new int[] {2, 2});
    String interpolation = c.getString("interpolation", "nearest").toLowerCase(Locale.ROOT);
    if (!INTERPOLATIONS.contains(interpolation)) {
      throw c.unsupported("interpolation=\"" + interpolation + "\" (supported: "
          + String.join(", ", INTERPOLATIONS) + ")");
    }
    return of(size[0], size[1]).interpolation(interpolation);
  }
}

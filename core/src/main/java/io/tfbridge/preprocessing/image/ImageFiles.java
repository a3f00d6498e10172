package io.tfbridge.preprocessing.image;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.buffer.DataBuffers;

/**
 * Keras's {@code load_img} + {@code img_to_array}: an image file (PNG, JPEG, BMP, GIF, TIFF, as the
 * JDK's ImageIO reads them) as a float32 {@code (height, width, channels)} array of its 0-255 values,
 * converted to the colour mode as Pillow converts ({@code grayscale}: {@code L = R * 299/1000 + G *
 * 587/1000 + B * 114/1000} in Pillow's fixed point; 16-bit grey stays 16-bit, as Keras keeps
 * {@code I;16}) and resized with Pillow's {@code nearest} sampling when a target size is given.
 *
 * <pre>{@code
 * FloatNdArray digit = ImageFiles.load(Path.of("digits/3/img_17.png"), "grayscale", 28, 28);
 * }</pre>
 */
public final class ImageFiles {
  private ImageFiles() {}

  /**
   * Loads {@code file} in {@code colorMode} ({@code "grayscale"}, {@code "rgb"}, {@code "rgba"}) at
   * {@code height x width} ({@code 0, 0}: its own size).
   *
   * @throws IllegalArgumentException for an unknown colour mode or a file that is not a readable image,
   *     naming the file
   */
  public static FloatNdArray load(Path file, String colorMode, int height, int width) {
    int channels = channels(colorMode);
    Pixels pixels = read(file);
    float[] values = convert(pixels, channels);
    int h = pixels.height();
    int w = pixels.width();
    if (height > 0 && width > 0 && (height != h || width != w)) {
      values = nearest(values, h, w, channels, height, width);
      h = height;
      w = width;
    }
    return NdArrays.wrap(Shape.of(h, w, channels), DataBuffers.of(values, true, false));
  }

  /** The channels of a Keras colour mode. */
  static int channels(String colorMode) {
    return switch (String.valueOf(colorMode)) {
      case "grayscale" -> 1;
      case "rgb" -> 3;
      case "rgba" -> 4;
      default -> throw new IllegalArgumentException("Invalid color mode: " + colorMode
          + "; expected \"rgb\", \"rgba\", or \"grayscale\".");
    };
  }

  /** An image's samples as Pillow's modes hold them: L, I;16, LA, RGB or RGBA, row-major. */
  record Pixels(int height, int width, int bands, boolean gray, int[] samples) {}

  static Pixels read(Path file) {
    BufferedImage image;
    try {
      image = Files.isRegularFile(file) ? ImageIO.read(file.toFile()) : null;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(file + ": not a readable image: " + e.getMessage(), e);
    }
    if (image == null) {
      throw new IllegalArgumentException(file + ": not a readable image (expected PNG, JPEG, BMP, "
          + "GIF or TIFF; " + (Files.exists(file) ? "no reader recognises its contents)"
          : "no such file)"));
    }
    return pixels(image);
  }

  private static Pixels pixels(BufferedImage image) {
    int h = image.getHeight();
    int w = image.getWidth();
    if (image.getColorModel() instanceof IndexColorModel) { // a palette: look the colours up
      int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
      boolean alpha = image.getColorModel().hasAlpha();
      int bands = alpha ? 4 : 3;
      int[] samples = new int[h * w * bands];
      for (int i = 0; i < argb.length; i++) {
        for (int b = 0; b < bands; b++) {
          samples[i * bands + b] = b == 3 ? argb[i] >>> 24 : (argb[i] >> (16 - 8 * b)) & 0xff;
        }
      }
      return new Pixels(h, w, bands, false, samples);
    }
    // the raster's own samples: getRGB would gamma-convert grey images
    Raster raster = image.getRaster();
    int bands = raster.getNumBands();
    int[] samples = raster.getPixels(0, 0, w, h, (int[]) null);
    return new Pixels(h, w, bands, bands <= 2, samples);
  }

  /** Pillow's {@code convert} to L, RGB or RGBA (grey 16-bit kept as it is for grayscale). */
  static float[] convert(Pixels p, int channels) {
    int n = p.height() * p.width();
    float[] out = new float[n * channels];
    int[] s = p.samples();
    int bands = p.bands();
    for (int i = 0; i < n; i++) {
      int o = i * channels;
      int r = s[i * bands];
      int g = p.gray() ? r : s[i * bands + 1];
      int b = p.gray() ? r : s[i * bands + 2];
      boolean hasAlpha = bands == 2 || bands == 4;
      int a = hasAlpha ? s[i * bands + bands - 1] : 255;
      if (channels == 1) {
        out[o] = p.gray() ? r : (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
      } else {
        out[o] = r;
        out[o + 1] = g;
        out[o + 2] = b;
        if (channels == 4) {
          out[o + 3] = a;
        }
      }
    }
    return out;
  }

  /**
   * Pillow's {@code resize(..., NEAREST)}: the input coordinate of output pixel {@code i} starts at
   * half a step ({@code step = in / out}) and grows by one step per pixel, accumulated in double as
   * Pillow's {@code ImagingScaleAffine} does, then truncated (so {@code 4.5 * 6/9} gives 2, as in
   * Pillow, not 3).
   */
  static float[] nearest(float[] in, int h, int w, int channels, int height, int width) {
    int[] rows = positions(h, height);
    int[] cols = positions(w, width);
    float[] out = new float[height * width * channels];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        System.arraycopy(in, (rows[y] * w + cols[x]) * channels, out, (y * width + x) * channels,
            channels);
      }
    }
    return out;
  }

  private static int[] positions(int in, int out) {
    double step = (double) in / out;
    double at = step * 0.5;
    int[] positions = new int[out];
    for (int i = 0; i < out; i++) {
      positions[i] = Math.min(in - 1, (int) at);
      at += step;
    }
    return positions;
  }

  /** Whether a file name has one of Keras's image extensions (case-insensitive). */
  static boolean isImageName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String ext : ImageDirectory.WHITE_LIST_FORMATS) {
      if (lower.endsWith("." + ext)) {
        return true;
      }
    }
    return false;
  }
}

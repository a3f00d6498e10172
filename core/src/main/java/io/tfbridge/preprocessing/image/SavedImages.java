package io.tfbridge.preprocessing.image;

import io.tfbridge.utils.TempFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

/**
 * Keras's {@code array_to_img} and {@code save_img}: a float {@code (height, width, channels)} array
 * as an 8-bit image (1 channel grey, 3 RGB, 4 RGBA). With {@code scale}, as Keras: {@code x - min},
 * divided by its maximum (unless 0), times 255, truncated; without, the values are truncated and
 * clipped to 0-255. Files are written whole or not at all (a temporary file moved into place).
 *
 * <pre>{@code
 * SavedImages.save(Path.of("digit.png"), image, "png", true);
 * }</pre>
 */
public final class SavedImages {
  private SavedImages() {
  }

  /** Keras's {@code array_to_img(x, scale=scale)}. */
  public static BufferedImage toImage(FloatNdArray x, boolean scale) {
    Shape shape = x.shape();
    int channels = shape.numDimensions() == 3 ? (int) shape.get(2) : -1;
    if (channels != 1 && channels != 3 && channels != 4) {
      throw new IllegalArgumentException("Expected image array to have rank 3 (single image) with"
          + " 1, 3 or 4 channels. Got array with shape: " + shape);
    }
    float[] v = new float[(int) shape.size()];
    x.copyTo(DataBuffers.of(v, false, false));
    int[] bytes = bytes(v, scale);
    int height = (int) shape.get(0);
    int width = (int) shape.get(1);
    BufferedImage image = new BufferedImage(width, height, type(channels));
    image.getRaster().setPixels(0, 0, width, height, bytes);
    return image;
  }

  /**
   * Keras's {@code save_img(path, x, file_format=format, scale=scale)}: {@code format} is an ImageIO
   * name ("png", "jpeg", "bmp"; RGBA only as PNG).
   */
  public static void save(Path file, FloatNdArray x, String format, boolean scale) {
    BufferedImage image = toImage(x, scale);
    String name = format.toLowerCase(Locale.ROOT);
    try {
      Path tmp = TempFiles.create(file.toAbsolutePath().getParent(), ".tfbridge-", ".tmp");
      try {
        if (!ImageIO.write(image, name, tmp.toFile())) {
          throw new IllegalArgumentException("Cannot write a "
              + image.getColorModel().getNumComponents() + "-channel image as " + format + ": "
              + file);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static int[] bytes(float[] v, boolean scale) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float f : v) {
      min = Math.min(min, f);
      max = Math.max(max, f);
    }
    float top = max - min;
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      float f = scale ? (top != 0 ? (v[i] - min) / top : v[i] - min) * 255f : v[i];
      out[i] = (int) Math.max(0, Math.min(255, f));
    }
    return out;
  }

  private static int type(int channels) {
    return switch (channels) {
      case 1 -> BufferedImage.TYPE_BYTE_GRAY;
      case 3 -> BufferedImage.TYPE_3BYTE_BGR;
      default -> BufferedImage.TYPE_4BYTE_ABGR;
    };
  }
}

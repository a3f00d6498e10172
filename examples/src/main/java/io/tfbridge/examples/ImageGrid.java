package io.tfbridge.examples;

import io.tfbridge.utils.TempFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * A PNG of grey images side by side, as the lesson's {@code plt.imshow(..., cmap='gray')} shows them:
 * each image {@code (height, width, 1)} or {@code (height, width)}, its values mapped from
 * {@code [low, high]} to black..white, enlarged {@code scale} times, in rows of {@code columns}, with
 * a 2-pixel grey gap. The file is written whole or not at all.
 *
 * <pre>{@code
 * ImageGrid.write(List.of(digit, augmented), 13, 4, 0f, 1f, Path.of("augmented.png"));
 * }</pre>
 */
public final class ImageGrid {
  private static final int GAP = 2;
  /** The grey of the gaps between images, so that black borders stay visible. */
  private static final int BACKGROUND = 96;

  private ImageGrid() {}

  /** Writes {@code images} (all of one size) as a PNG grid to {@code out}. */
  public static void write(List<FloatNdArray> images, int columns, int scale, float low, float high,
      Path out) throws IOException {
    if (images.isEmpty() || columns < 1 || scale < 1 || !(high > low)) {
      throw new IllegalArgumentException("ImageGrid needs images, columns >= 1, scale >= 1 and "
          + "high > low; found " + images.size() + " images, columns=" + columns + ", scale="
          + scale + ", range [" + low + ", " + high + "]");
    }
    int h = (int) images.get(0).shape().get(0);
    int w = (int) images.get(0).shape().get(1);
    int rows = (images.size() + columns - 1) / columns;
    BufferedImage grid = new BufferedImage(GAP + columns * (w * scale + GAP),
        GAP + rows * (h * scale + GAP), BufferedImage.TYPE_BYTE_GRAY);
    fill(grid, 0, 0, grid.getWidth(), grid.getHeight(), BACKGROUND);
    for (int i = 0; i < images.size(); i++) {
      draw(grid, images.get(i), h, w, scale, low, high,
          GAP + (i % columns) * (w * scale + GAP), GAP + (i / columns) * (h * scale + GAP));
    }
    Path tmp = TempFiles.create(out.toAbsolutePath().getParent(), "." + out.getFileName(),
        ".tmp");
    try {
      ImageIO.write(grid, "png", tmp.toFile());
      Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void draw(BufferedImage grid, FloatNdArray image, int h, int w, int scale,
      float low, float high, int left, int top) {
    if (image.shape().get(0) != h || image.shape().get(1) != w) {
      throw new IllegalArgumentException("ImageGrid: every image must be " + h + "x" + w
          + ", found shape " + image.shape());
    }
    boolean channel = image.shape().numDimensions() == 3;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float v = channel ? image.getFloat(y, x, 0) : image.getFloat(y, x);
        int grey = Math.round(255 * Math.max(0, Math.min(1, (v - low) / (high - low))));
        fill(grid, left + x * scale, top + y * scale, scale, scale, grey);
      }
    }
  }

  /** Sets the raster's samples (setRGB would gamma-convert a grey image's values). */
  private static void fill(BufferedImage grid, int x0, int y0, int width, int height, int grey) {
    for (int dy = 0; dy < height; dy++) {
      for (int dx = 0; dx < width; dx++) {
        grid.getRaster().setSample(x0 + dx, y0 + dy, 0, grey);
      }
    }
  }
}

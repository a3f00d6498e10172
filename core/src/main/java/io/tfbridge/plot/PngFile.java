package io.tfbridge.plot;

import io.tfbridge.utils.TempFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Writes an image as a PNG file whole or not at all: a temporary file beside it, then a move. */
final class PngFile {
  private PngFile() {}

  /** Writes {@code image} to {@code png}, replacing it; returns {@code png}. */
  static Path write(BufferedImage image, Path png) throws IOException {
    Path target = check(png).toAbsolutePath();
    Path dir = target.getParent();
    if (!Files.isDirectory(dir)) {
      throw new IOException("Cannot write the plot to " + png + ": the directory " + dir
          + " does not exist");
    }
    if (Files.isDirectory(target)) {
      throw new IOException("Cannot write the plot to " + png + ": it is a directory");
    }
    Path tmp = temporary(dir, png);
    try {
      if (!ImageIO.write(image, "png", tmp.toFile())) {
        throw new IOException("Cannot write the plot to " + png + ": no PNG writer in ImageIO");
      }
      move(tmp, target);
      return png;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** {@code png} itself, if its file name ends in .png (any case). */
  static Path check(Path png) {
    if (png == null || png.getFileName() == null
        || !png.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw new IllegalArgumentException(
          "The plot's file name must end in `.png`. Received: png=" + png);
    }
    return png;
  }

  private static Path temporary(Path dir, Path png) throws IOException {
    try {
      return TempFiles.create(dir, "." + png.getFileName(), ".tmp");
    } catch (IOException e) {
      throw new IOException("Cannot write the plot to " + png + ": " + e, e);
    }
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

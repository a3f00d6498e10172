package io.tfbridge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/** The PNG grid: layout, grey levels read back from the file, and refusals. */
class ImageGridTest {

  @Test
  void writesTheImagesSideBySide(@TempDir Path tmp) throws IOException {
    FloatNdArray a = HostArrays.of(new float[] {0f, 1f, 0.5f, 0.25f, 2f, -1f}, 2, 3, 1);
    FloatNdArray b = HostArrays.of(new float[] {1f, 1f, 1f, 0f, 0f, 0f}, 2, 3, 1);
    Path out = tmp.resolve("grid.png");
    ImageGrid.write(List.of(a, b, a), 2, 2, 0f, 1f, out);
    BufferedImage png = ImageIO.read(out.toFile());
    assertEquals(2 + 2 * (3 * 2 + 2), png.getWidth());
    assertEquals(2 + 2 * (2 * 2 + 2), png.getHeight());
    var raster = png.getRaster();
    assertEquals(0, raster.getSample(2, 2, 0));          // a[0, 0] = 0
    assertEquals(255, raster.getSample(2 + 2, 2 + 1, 0)); // a[0, 1] = 1, enlarged twice
    assertEquals(128, raster.getSample(2 + 4, 2, 0));     // a[0, 2] = 0.5
    assertEquals(255, raster.getSample(2 + 2, 2 + 2, 0)); // a[1, 1] = 2, clipped
    assertEquals(255, raster.getSample(2 + 8, 2, 0));     // b[0, 0], second column
    assertEquals(0, raster.getSample(2, 2 + 6, 0));       // a[0, 0], second row
    assertEquals(96, raster.getSample(2 + 8, 2 + 6, 0));  // no fourth image: the grey background
    try (var files = Files.list(tmp)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }

  @Test
  void refusesImagesOfDifferentSizes(@TempDir Path tmp) {
    FloatNdArray a = HostArrays.of(new float[4], 2, 2, 1);
    FloatNdArray b = HostArrays.of(new float[6], 3, 2, 1);
    var e = assertThrows(IllegalArgumentException.class,
        () -> ImageGrid.write(List.of(a, b), 2, 1, 0f, 1f, tmp.resolve("x.png")));
    assertTrue(e.getMessage().contains("every image must be 2x2"), e.getMessage());
    assertTrue(Files.notExists(tmp.resolve("x.png")));
  }
}

package io.tfbridge.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/** {@code tfbridge lesson augment}: the PNG grid of a digit and its augmented variants. */
class AugmentLessonTest {

  @Test
  void writesTheDigitAndItsVariants(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("augmented.png");
    List<FloatNdArray> images = AugmentLesson.run(new AugmentLesson.Settings(out, 5, 3, 42),
        LessonConsole.silent());
    assertEquals(6, images.size());
    float[] original = HostArrays.toFlat(images.get(0));
    for (FloatNdArray variant : images.subList(1, images.size())) {
      float[] v = HostArrays.toFlat(variant);
      assertEquals(784, v.length);
      assertFalse(Arrays.equals(original, v), "a variant equal to the original");
      for (float p : v) {
        assertTrue(p >= 0 && p <= 1, "pixel out of [0, 1]: " + p);
      }
    }
    BufferedImage png = ImageIO.read(out.toFile());
    assertEquals(2 + 6 * (28 * 4 + 2), png.getWidth());
    assertEquals(2 + 28 * 4 + 2, png.getHeight());
    List<FloatNdArray> again = AugmentLesson.run(new AugmentLesson.Settings(tmp.resolve("b.png"),
        5, 3, 42), LessonConsole.silent());
    assertArrayEquals(HostArrays.toFlat(images.get(5)), HostArrays.toFlat(again.get(5)),
        "the seed repeats the variants");
  }
}

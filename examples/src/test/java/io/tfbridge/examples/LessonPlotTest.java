package io.tfbridge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --plot FILE.png}: the lessons write a picture of their History. */
class LessonPlotTest {
  /** Matplotlib's blue and orange, HistoryPlot's training and validation colours. */
  private static final int TRAINING = 0x1f77b4;
  private static final int VALIDATION = 0xff7f0e;

  @TempDir
  Path dir;

  @Test
  void irisWritesThePlotOfItsHistory() throws IOException {
    Path png = dir.resolve("iris.png");
    CliRun run = CliRun.of("lesson", "iris", "--seed", "0", "--quiet", "--plot", png.toString());
    assertEquals(Cli.OK, run.code(), run::describe);
    assertEquals(1, run.lines().size(), "the lesson prints only its accuracy: " + run.describe());
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, "not a PNG");
    assertEquals(960, image.getWidth(), "two panels, loss and accuracy, 480 pixels each");
    assertEquals(380, image.getHeight());
    // each panel's curves: the left half is loss, the right half accuracy
    for (int left : new int[] {0, 480}) {
      assertTrue(count(image, left, TRAINING) > 200, "training curve missing at x " + left);
      assertTrue(count(image, left, VALIDATION) > 200, "validation curve missing at x " + left);
    }
  }

  @Test
  void fitPlotsEachOutputsLossInItsOwnPanel() throws IOException {
    Path cases = Path.of(System.getProperty("user.dir")).getParent()
        .resolve("interop/src/test/resources/layers/structure_two_outputs");
    Path png = dir.resolve("fit.png");
    CliRun run = CliRun.of("fit", cases.resolve("model.keras").toString(),
        "--x", cases.resolve("x_0.npy").toString(), "--y", "out_a=" + cases.resolve("t_0.npy"),
        "--y", "out_b=" + cases.resolve("t_1.npy"), "--epochs", "3", "--quiet",
        "--output", dir.resolve("t.keras").toString(), "--plot", png.toString());
    assertEquals(Cli.OK, run.code(), run::describe);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(3 * 480, image.getWidth(), "loss, out_a_loss and out_b_loss side by side");
    for (int left : new int[] {0, 480, 960}) {
      assertTrue(count(image, left, TRAINING) > 200, "training curve missing at x " + left);
      assertEquals(0, count(image, left, VALIDATION), "no validation asked for");
    }
  }

  @Test
  void aNameThatIsNotPngIsAUsageErrorBeforeTraining() {
    Path jpg = dir.resolve("iris.jpg");
    CliRun run = CliRun.of("lesson", "iris", "--plot", jpg.toString());
    assertEquals(2, run.code(), run::describe);
    assertTrue(run.err().contains("Invalid value for option '--plot': " + jpg
        + " (expected a file name ending in .png)"), run.err());
    assertEquals("", run.out(), "nothing trained");
    assertFalse(Files.exists(jpg));
  }

  @Test
  void aMissingDirectoryIsAUsageError() {
    Path png = dir.resolve("missing/rnn.png");
    CliRun run = CliRun.of("lesson", "rnn", "--plot", png.toString());
    assertEquals(2, run.code(), run::describe);
    assertTrue(run.err().contains("the directory " + png.getParent() + " does not exist"),
        run.err());
  }

  /** Pixels of {@code rgb} (within a small tolerance) in the 480-pixel panel starting at x {@code left}. */
  private static int count(BufferedImage image, int left, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = left; x < left + 480; x++) {
        int p = image.getRGB(x, y);
        int d = Math.abs((p >> 16 & 255) - (rgb >> 16 & 255))
            + Math.abs((p >> 8 & 255) - (rgb >> 8 & 255)) + Math.abs((p & 255) - (rgb & 255));
        n += d <= 24 ? 1 : 0;
      }
    }
    return n;
  }
}

package io.tfbridge.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.callbacks.History;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HistoryPlot: the PNG decodes to the asked size, and its curves are where the figures say. */
class HistoryPlotTest {
  @TempDir
  Path dir;

  /** Ten epochs of a falling loss and a rising accuracy; validation every {@code freq} epochs. */
  static History history(int epochs, int freq, boolean learningRate) {
    History h = new History();
    for (int e = 0; e < epochs; e++) {
      Map<String, Double> logs = new LinkedHashMap<>();
      logs.put("loss", 2.0 / (1 + e));
      logs.put("accuracy", 0.5 + 0.04 * e);
      if (freq > 0 && (e + 1) % freq == 0) {
        logs.put("val_loss", 2.2 / (1 + e));
        logs.put("val_accuracy", 0.45 + 0.04 * e);
      }
      if (learningRate) {
        logs.put("learning_rate", 0.01 / (1 + e / 3));
      }
      h.onEpochEnd(e, logs);
    }
    return h;
  }

  @Test
  void savesAPngOfTheRequestedSize() throws IOException {
    Path png = dir.resolve("cnn.png");
    HistoryPlot plot = HistoryPlot.of(history(10, 1, false)).title("CNN").size(1000, 400);
    assertEquals(png, plot.save(png));
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, "not a decodable PNG");
    assertEquals(1000, image.getWidth());
    assertEquals(400, image.getHeight());
    assertEquals(List.of("loss", "accuracy"), plot.figures());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(png), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void trainingAndValidationCurvesAreDrawnInEachPanel() throws IOException {
    HistoryPlot plot = HistoryPlot.of(history(10, 1, false)).size(1000, 400);
    BufferedImage image = ImageIO.read(plot.save(dir.resolve("h.png")).toFile());
    List<Rectangle2D> areas = plot.drawOn(new BufferedImage(1000, 400, BufferedImage.TYPE_INT_RGB));
    assertEquals(2, areas.size());
    for (Rectangle2D area : areas) {
      Pixels training = Pixels.of(image, area, Panel.TRAINING);
      Pixels validation = Pixels.of(image, area, Panel.VALIDATION);
      assertTrue(training.spansWidth(area), () -> "training curve missing: " + training);
      assertTrue(validation.spansWidth(area), () -> "validation curve missing: " + validation);
    }
    Pixels loss = Pixels.of(image, areas.get(0), Panel.TRAINING);
    Pixels accuracy = Pixels.of(image, areas.get(1), Panel.TRAINING);
    assertTrue(loss.meanY(0, 0.2) < loss.meanY(0.8, 1), "the loss falls: high on the left");
    assertTrue(accuracy.meanY(0, 0.2) > accuracy.meanY(0.8, 1), "the accuracy rises");
  }

  @Test
  void withoutValidationThereIsNoValidationCurve() {
    HistoryPlot plot = HistoryPlot.of(history(6, 0, false));
    BufferedImage image = plot.image();
    assertEquals(960, image.getWidth(), "two panels of 480");
    assertEquals(380, image.getHeight());
    Rectangle2D area = plot.drawOn(new BufferedImage(960, 380, BufferedImage.TYPE_INT_RGB)).get(0);
    assertTrue(Pixels.of(image, area, Panel.TRAINING).spansWidth(area));
    assertEquals(0, Pixels.of(image, area, Panel.VALIDATION).count());
    assertEquals(1, plot.panels().get(0).series().size());
  }

  @Test
  void validationPointsStandAtTheEpochsTheyWereMeasured() {
    HistoryPlot plot = HistoryPlot.of(history(5, 2, false)).size(600, 300);
    Panel loss = plot.panels().get(0);
    assertEquals(List.of(1, 2, 3, 4, 5), loss.series().get(0).epochs());
    assertEquals(List.of(2, 4), loss.series().get(1).epochs());
    BufferedImage image = plot.image();
    Rectangle2D area = plot.drawOn(new BufferedImage(600, 300, BufferedImage.TYPE_INT_RGB)).get(0);
    Pixels val = Pixels.of(image, area, Panel.VALIDATION);
    // the x axis runs from epoch 0.5 to 5.5: epoch 2 is at 30% of the width, epoch 4 at 70%
    double x2 = area.getX() + 0.3 * area.getWidth();
    double x4 = area.getX() + 0.7 * area.getWidth();
    assertTrue(val.count() > 0, "validation curve missing");
    assertTrue(val.minX() > x2 - 6 && val.minX() < x2 + 2, () -> "starts at epoch 2: " + val);
    assertTrue(val.maxX() < x4 + 6 && val.maxX() > x4 - 2, () -> "ends at epoch 4: " + val);
  }

  @Test
  void theLearningRateHasItsOwnPanel() {
    HistoryPlot plot = HistoryPlot.of(history(9, 1, true));
    assertEquals(List.of("loss", "accuracy", "learning_rate"), plot.figures());
    BufferedImage image = plot.image();
    Rectangle2D area = plot.drawOn(new BufferedImage(plot.width(), plot.height(),
        BufferedImage.TYPE_INT_RGB)).get(2);
    assertTrue(Pixels.of(image, area, Panel.LEARNING_RATE).spansWidth(area));
    assertEquals(0, Pixels.of(image, area, Panel.VALIDATION).count());
  }

  @Test
  void aTitleIsWrittenAboveThePanels() {
    HistoryPlot plain = HistoryPlot.of(history(3, 1, false)).size(600, 300);
    // the middle of the top: between the two panels' own titles (centred at x 150 and 450)
    Rectangle2D band = new Rectangle2D.Double(260, 0, 80, 30);
    assertEquals(0, Pixels.of(plain.image(), band, Color.BLACK).count());
    assertTrue(Pixels.of(plain.title("CNN").image(), band, Color.BLACK).count() > 20,
        "the title's letters are black");
  }

  @Test
  void aSpecIsImmutable() {
    HistoryPlot plot = HistoryPlot.of(history(3, 1, false));
    HistoryPlot sized = plot.size(300, 200).title("t");
    assertEquals(960, plot.width());
    assertEquals(300, sized.width());
    assertEquals(200, sized.height());
  }

  @Test
  void plottingRunsHeadless() {
    HistoryPlot.of(history(2, 1, false)).image();
    assertEquals("true", System.getProperty("java.awt.headless"));
  }

  @Test
  void anEmptyHistoryIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> HistoryPlot.of(new History()));
    assertTrue(e.getMessage().startsWith("Cannot plot an empty History"), e.getMessage());
  }

  @Test
  void badSizesAndNamesAreRefused() {
    HistoryPlot plot = HistoryPlot.of(history(3, 1, false));
    var size = assertThrows(IllegalArgumentException.class, () -> plot.size(50, 400));
    assertEquals("Argument `width` must be between 100 and 20000 pixels. Received: width=50",
        size.getMessage());
    Path jpg = dir.resolve("plot.jpg");
    var name = assertThrows(IllegalArgumentException.class, () -> plot.save(jpg));
    assertEquals("The plot's file name must end in `.png`. Received: png=" + jpg,
        name.getMessage());
    assertFalse(Files.exists(jpg));
  }

  @Test
  void unwritablePlacesSayWhy() throws IOException {
    HistoryPlot plot = HistoryPlot.of(history(3, 1, false));
    Path missing = dir.resolve("no/such/dir/plot.png");
    var e = assertThrows(IOException.class, () -> plot.save(missing));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    Path folder = Files.createDirectory(dir.resolve("folder.png"));
    var d = assertThrows(IOException.class, () -> plot.save(folder));
    assertTrue(d.getMessage().endsWith("it is a directory"), d.getMessage());
  }

  @Test
  void anExistingFileIsReplacedWhole() throws IOException {
    Path png = Files.writeString(dir.resolve("old.png"), "not a png");
    HistoryPlot.of(history(3, 1, false)).size(400, 300).save(png);
    assertEquals(400, ImageIO.read(png.toFile()).getWidth());
  }
}

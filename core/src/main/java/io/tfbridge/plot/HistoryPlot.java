package io.tfbridge.plot;

import io.tfbridge.callbacks.History;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.title.TextTitle;

/**
 * A {@link History} as a picture: one panel per figure ({@code loss}, each metric, the learning
 * rate when logged), the training curve and its {@code val_} curve in the same panel with a
 * legend, epochs on the x axis counting from 1 (validation points at the epochs they were
 * measured, so {@code validation_freq} shows). Drawn headless with JFreeChart; panels in rows of
 * up to three. An immutable spec: the History's figures are copied by {@link #of}.
 *
 * <pre>{@code
 * HistoryPlot.of(history).title("CNN").size(1000, 400).save(Path.of("cnn-history.png"));
 * }</pre>
 */
public final class HistoryPlot {
  static {
    Headless.ensure();
  }

  /** The smallest and largest width or height accepted, in pixels. */
  static final int MIN_SIZE = 100;
  static final int MAX_SIZE = 20_000;
  private static final int COLUMNS = 3;
  private static final int PANEL_WIDTH = 480;
  private static final int PANEL_HEIGHT = 380;
  private static final int TITLE_HEIGHT = 36;
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);

  private final List<Panel> panels;
  private final int firstEpoch;
  private final int lastEpoch;
  private final String title;
  private final int width;
  private final int height;

  private HistoryPlot(List<Panel> panels, int firstEpoch, int lastEpoch, String title, int width,
      int height) {
    this.panels = panels;
    this.firstEpoch = firstEpoch;
    this.lastEpoch = lastEpoch;
    this.title = title;
    this.width = width;
    this.height = height;
  }

  /**
   * The plot of a History's figures as they are now, untitled, 480 by 380 pixels per panel.
   *
   * @throws IllegalArgumentException if the History has no epoch or no figure (before training)
   */
  public static HistoryPlot of(History history) {
    Objects.requireNonNull(history, "history");
    List<Integer> epochs = history.epoch();
    if (epochs.isEmpty() || history.history().isEmpty()) {
      throw new IllegalArgumentException("Cannot plot an empty History: it has no epochs (plot the "
          + "History that fit returns, after training). Received: epochs=" + epochs
          + ", figures=" + history.history().keySet());
    }
    List<Panel> panels = Panel.of(history);
    int columns = Math.min(COLUMNS, panels.size());
    int rows = (panels.size() + columns - 1) / columns;
    return new HistoryPlot(panels, epochs.get(0) + 1, epochs.get(epochs.size() - 1) + 1, "",
        columns * PANEL_WIDTH, rows * PANEL_HEIGHT);
  }

  /** The same plot with a title above the panels; "" for none. */
  public HistoryPlot title(String title) {
    Objects.requireNonNull(title, "title");
    return new HistoryPlot(panels, firstEpoch, lastEpoch, title.strip(), width, height);
  }

  /**
   * The same plot as an image of {@code width} by {@code height} pixels, the panels sharing it.
   *
   * @throws IllegalArgumentException unless both are in [100, 20000]
   */
  public HistoryPlot size(int width, int height) {
    checkSize("width", width);
    checkSize("height", height);
    return new HistoryPlot(panels, firstEpoch, lastEpoch, title, width, height);
  }

  /** The names of the panels' figures, in order ({@code loss}, {@code accuracy}, ...). */
  public List<String> figures() {
    return panels.stream().map(Panel::name).toList();
  }

  /** The image's width in pixels. */
  public int width() {
    return width;
  }

  /** The image's height in pixels. */
  public int height() {
    return height;
  }

  /** The plot drawn on a new RGB image of {@link #width()} by {@link #height()}. */
  public BufferedImage image() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    drawOn(image);
    return image;
  }

  /**
   * Writes the plot as a PNG, whole or not at all (a temporary file beside it, then moved into
   * place), replacing an existing file.
   *
   * @return {@code png}
   * @throws IllegalArgumentException if the file name does not end in {@code .png}
   * @throws IOException if the file cannot be written, saying why
   */
  public Path save(Path png) throws IOException {
    PngFile.check(png);
    return PngFile.write(image(), png);
  }

  /** Draws the plot over {@code image}; returns each panel's data area, in panel order. */
  List<Rectangle2D> drawOn(BufferedImage image) {
    Graphics2D g2 = image.createGraphics();
    try {
      g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g2.setColor(Color.WHITE);
      g2.fillRect(0, 0, width, height);
      int top = title.isEmpty() ? 0 : TITLE_HEIGHT;
      if (top > 0) {
        TextTitle heading = new TextTitle(title, TITLE);
        heading.arrange(g2); // lays the text out; draw needs it
        heading.draw(g2, new Rectangle2D.Double(0, 0, width, top));
      }
      return drawPanels(g2, top);
    } finally {
      g2.dispose();
    }
  }

  private List<Rectangle2D> drawPanels(Graphics2D g2, int top) {
    int columns = Math.min(COLUMNS, panels.size());
    int rows = (panels.size() + columns - 1) / columns;
    double w = (double) width / columns;
    double h = (double) (height - top) / rows;
    List<Rectangle2D> areas = new ArrayList<>();
    for (int i = 0; i < panels.size(); i++) {
      Rectangle2D cell = new Rectangle2D.Double(i % columns * w, top + i / columns * h, w, h);
      ChartRenderingInfo info = new ChartRenderingInfo();
      PanelChart.of(panels.get(i), firstEpoch, lastEpoch).draw(g2, cell, info);
      areas.add(info.getPlotInfo().getDataArea());
    }
    return areas;
  }

  /** The panels drawn, in order. */
  List<Panel> panels() {
    return panels;
  }

  private static void checkSize(String name, int value) {
    if (value < MIN_SIZE || value > MAX_SIZE) {
      throw new IllegalArgumentException("Argument `" + name + "` must be between " + MIN_SIZE
          + " and " + MAX_SIZE + " pixels. Received: " + name + "=" + value);
    }
  }
}

package io.tfbridge.plot;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** The pixels of one colour (within a small tolerance) inside an area of an image. */
record Pixels(List<int[]> points) {
  private static final int TOLERANCE = 24;

  static Pixels of(BufferedImage image, Rectangle2D area, Color color) {
    List<int[]> points = new ArrayList<>();
    for (int y = (int) area.getMinY() + 1; y < (int) area.getMaxY(); y++) {
      for (int x = (int) area.getMinX() + 1; x < (int) area.getMaxX(); x++) {
        if (near(new Color(image.getRGB(x, y)), color)) {
          points.add(new int[] {x, y});
        }
      }
    }
    return new Pixels(points);
  }

  private static boolean near(Color a, Color b) {
    return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
        + Math.abs(a.getBlue() - b.getBlue()) <= TOLERANCE;
  }

  int count() {
    return points.size();
  }

  int minX() {
    return points.stream().mapToInt(p -> p[0]).min().orElse(Integer.MAX_VALUE);
  }

  int maxX() {
    return points.stream().mapToInt(p -> p[0]).max().orElse(Integer.MIN_VALUE);
  }

  /** Whether the colour is found in at least 80% of the area's pixel columns (a curve across). */
  boolean spansWidth(Rectangle2D area) {
    long columns = points.stream().mapToInt(p -> p[0]).distinct().count();
    return columns >= 0.8 * area.getWidth();
  }

  /** The mean row of the pixels between fractions {@code from} and {@code to} of the x extent. */
  double meanY(double from, double to) {
    double lo = minX() + from * (maxX() - minX());
    double hi = minX() + to * (maxX() - minX());
    return points.stream().filter(p -> p[0] >= lo && p[0] <= hi).mapToInt(p -> p[1]).average()
        .orElseThrow();
  }

  @Override
  public String toString() {
    return count() + " pixels, x in [" + minX() + ", " + maxX() + "]";
  }
}

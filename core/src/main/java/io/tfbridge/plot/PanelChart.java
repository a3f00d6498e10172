package io.tfbridge.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.DoubleSummaryStatistics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The JFreeChart of one {@link Panel}: lines over epochs counting from 1, a legend below. */
final class PanelChart {
  /** Points are marked while a curve has at most this many (beyond, marks would merge). */
  static final int MARKED_POINTS = 40;
  private static final Color GRID = new Color(0xe4e4e4);
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  private PanelChart() {}

  /** The chart of {@code panel}, its x axis from {@code firstEpoch} to {@code lastEpoch}. */
  static JFreeChart of(Panel panel, int firstEpoch, int lastEpoch) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    int most = 0;
    for (int i = 0; i < panel.series().size(); i++) {
      Panel.Series s = panel.series().get(i);
      data.addSeries(series(s));
      renderer.setSeriesPaint(i, s.color());
      renderer.setSeriesStroke(i, new BasicStroke(2f));
      renderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
      most = Math.max(most, s.values().size());
    }
    renderer.setDefaultShapesVisible(most <= MARKED_POINTS);
    XYPlot plot = new XYPlot(data, epochAxis(firstEpoch, lastEpoch), valueAxis(panel), renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(1f));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setOutlinePaint(Color.GRAY);
    JFreeChart chart = new JFreeChart(panel.name(), TITLE, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setItemFont(LABEL);
    legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    return chart;
  }

  /** The curve's points; a non-finite value is a gap in the line. */
  private static XYSeries series(Panel.Series s) {
    XYSeries series = new XYSeries(s.label(), false, true);
    for (int i = 0; i < s.values().size(); i++) {
      double v = s.values().get(i);
      series.add(s.epochs().get(i), Double.isFinite(v) ? (Number) v : null);
    }
    return series;
  }

  /** Whole epochs only, with half an epoch (or 3% of the span) of room at each end. */
  private static NumberAxis epochAxis(int first, int last) {
    NumberAxis axis = new NumberAxis("epoch");
    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    double room = Math.max(0.5, (last - first) * 0.03);
    axis.setRange(first - room, last + room);
    style(axis);
    return axis;
  }

  /**
   * Fitted to the values; a flat curve (a constant learning rate) gets 10% of its value on each
   * side rather than a range of rounding errors.
   */
  private static NumberAxis valueAxis(Panel panel) {
    NumberAxis axis = new NumberAxis(panel.name());
    axis.setAutoRangeIncludesZero(false);
    DoubleSummaryStatistics finite = panel.series().stream().flatMap(s -> s.values().stream())
        .filter(Double::isFinite).mapToDouble(Double::doubleValue).summaryStatistics();
    double magnitude = Math.max(Math.abs(finite.getMin()), Math.abs(finite.getMax()));
    if (finite.getCount() > 0 && finite.getMax() - finite.getMin() <= 1e-9 * magnitude) {
      double room = magnitude > 0 ? 0.1 * magnitude : 1;
      axis.setRange(finite.getMin() - room, finite.getMax() + room);
    }
    style(axis);
    return axis;
  }

  private static void style(NumberAxis axis) {
    axis.setLabelFont(LABEL);
    axis.setTickLabelFont(TICK);
  }
}

package io.tfbridge.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table {@code tfbridge bench} prints: one row per workload with tfbridge's figure, Keras's, how
 * many times better tfbridge is (Keras's time over tfbridge's, or tfbridge's rate over Keras's), and
 * the target from the speed issue.
 */
final class BenchTable {
  private final List<String[]> rows = new ArrayList<>();

  /** A row whose figures are times or sizes: smaller is better. */
  void lower(String workload, double tfbridge, double keras, String unit, String target) {
    add(workload, tfbridge, keras, unit, Double.isNaN(keras) ? Double.NaN : keras / tfbridge, target);
  }

  /** A row whose figures are rates: larger is better. */
  void higher(String workload, double tfbridge, double keras, String unit, String target) {
    add(workload, tfbridge, keras, unit, Double.isNaN(keras) ? Double.NaN : tfbridge / keras, target);
  }

  /** A row of text, for figures that are not a pair. */
  void text(String workload, String tfbridge, String keras, String ratio, String target) {
    rows.add(new String[] {workload, tfbridge, keras, ratio, target});
  }

  private void add(String workload, double tfbridge, double keras, String unit, double ratio,
      String target) {
    rows.add(new String[] {workload, figure(tfbridge, unit), figure(keras, unit),
        Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.2f×", ratio), target});
  }

  static String figure(double value, String unit) {
    if (Double.isNaN(value)) {
      return "—";
    }
    String number = value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
        : value >= 10 ? String.format(Locale.ROOT, "%.1f", value)
        : String.format(Locale.ROOT, "%.3g", value);
    return number + " " + unit;
  }

  /** Prints the table as Markdown, columns padded. */
  void print(PrintStream out) {
    String[] head = {"Workload", "tfbridge", "Keras", "tfbridge vs Keras", "Target"};
    int[] widths = new int[head.length];
    for (String[] row : concat(head)) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    line(out, head, widths);
    String[] rule = new String[head.length];
    for (int c = 0; c < rule.length; c++) {
      rule[c] = "-".repeat(widths[c]);
    }
    line(out, rule, widths);
    rows.forEach(r -> line(out, r, widths));
  }

  private List<String[]> concat(String[] head) {
    List<String[]> all = new ArrayList<>(rows);
    all.add(head);
    return all;
  }

  private static void line(PrintStream out, String[] cells, int[] widths) {
    StringBuilder b = new StringBuilder("|");
    for (int c = 0; c < cells.length; c++) {
      b.append(' ').append(cells[c]).append(" ".repeat(widths[c] - cells[c].length())).append(" |");
    }
    out.println(b);
  }
}

package io.tfbridge.examples;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Medians and short lists of benchmark figures. */
final class Stats {
  private Stats() {}

  /** The median, as Python's {@code statistics.median}: the middle two's mean for an even count; NaN for none. */
  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** {@link #median(double[])} of a list. */
  static double median(List<Double> values) {
    return median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** {@code 4,512 4,630} (rounded), or {@code —} for none. */
  static String list(List<Double> values) {
    return values.isEmpty() ? "—" : values.stream()
        .map(v -> String.format(Locale.ROOT, "%,.0f", v)).collect(Collectors.joining(" "));
  }
}

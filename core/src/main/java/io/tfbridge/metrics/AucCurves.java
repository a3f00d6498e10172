package io.tfbridge.metrics;

/**
 * Keras's AUC result from confusion counts per threshold: a Riemann sum of the ROC, PR or PR-gain
 * curve with interpolated, minoring or majoring heights, or for PR with interpolation the
 * Davis-Goadrich interpolation Keras uses.
 */
final class AucCurves {
  private AucCurves() {}

  static double area(ConfusionCounts c, String curve, String summationMethod) {
    if (curve.equals("PR") && summationMethod.equals("interpolation")) {
      return interpolatedPr(c);
    }
    int n = c.tp().length;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double recall = KerasMetric.divideNoNan(c.tp()[i], c.tp()[i] + c.fn()[i]);
      switch (curve) {
        case "ROC" -> {
          x[i] = KerasMetric.divideNoNan(c.fp()[i], c.fp()[i] + c.tn()[i]);
          y[i] = recall;
        }
        case "PR" -> {
          x[i] = recall;
          y[i] = KerasMetric.divideNoNan(c.tp()[i], c.tp()[i] + c.fp()[i]);
        }
        default -> prGain(c, i, x, y);
      }
    }
    double area = 0;
    for (int i = 0; i < n - 1; i++) {
      area += (x[i] - x[i + 1]) * height(y[i], y[i + 1], summationMethod);
    }
    return area;
  }

  private static double height(double a, double b, String summationMethod) {
    return switch (summationMethod) {
      case "interpolation" -> (a + b) / 2;
      case "minoring" -> Math.min(a, b);
      default -> Math.max(a, b);
    };
  }

  /** Recall gain and precision gain at threshold {@code i}, as Keras's PRGAIN curve. */
  private static void prGain(ConfusionCounts c, int i, double[] x, double[] y) {
    double tp = c.tp()[i];
    double scaling = KerasMetric.divideNoNan(tp + c.fn()[i], c.tn()[i] + c.fp()[i]);
    double recallGain = tp == 0 ? 0 : 1 - scaling * KerasMetric.divideNoNan(c.fn()[i], tp);
    double precisionGain = tp == 0 ? 1 : 1 - scaling * KerasMetric.divideNoNan(c.fp()[i], tp);
    x[i] = Math.max(recallGain, 0);
    y[i] = precisionGain;
  }

  /**
   * The PR area with precision interpolated between thresholds, modelling true positives and
   * predicted positives as linear within each interval (Davis and Goadrich, 2006).
   */
  private static double interpolatedPr(ConfusionCounts c) {
    double[] tp = c.tp();
    int n = tp.length;
    double area = 0;
    for (int i = 0; i < n - 1; i++) {
      double pA = tp[i] + c.fp()[i];
      double pB = tp[i + 1] + c.fp()[i + 1];
      double dtp = tp[i] - tp[i + 1];
      double slope = KerasMetric.divideNoNan(dtp, Math.max(pA - pB, 0));
      double intercept = tp[i + 1] - slope * pB;
      double ratio = pA > 0 && pB > 0 ? KerasMetric.divideNoNan(pA, Math.max(pB, 0)) : 1;
      area += KerasMetric.divideNoNan(slope * (dtp + intercept * Math.log(ratio)),
          Math.max(tp[i + 1] + c.fn()[i + 1], 0));
    }
    return area;
  }
}

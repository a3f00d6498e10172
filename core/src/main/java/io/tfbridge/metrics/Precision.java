package io.tfbridge.metrics;

/**
 * Keras's {@code Precision}: {@code tp / (tp + fp)} over the epoch ({@link ConfusionMetric}).
 *
 * <pre>{@code
 * ConfusionMetric m = Precision.of().thresholds(0.3).classId(2);
 * }</pre>
 */
public final class Precision {
  private Precision() {}

  /** Keras's {@code Precision()}: name {@code precision}, threshold 0.5. */
  public static ConfusionMetric of() {
    return ConfusionMetric.of(ConfusionMetric.Kind.PRECISION);
  }

  static ConfusionMetric byName(String identifier) {
    return ConfusionMetric.byName(ConfusionMetric.Kind.PRECISION, identifier);
  }
}

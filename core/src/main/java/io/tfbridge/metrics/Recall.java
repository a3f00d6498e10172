package io.tfbridge.metrics;

/**
 * Keras's {@code Recall}: {@code tp / (tp + fn)} over the epoch ({@link ConfusionMetric}).
 *
 * <pre>{@code
 * ConfusionMetric m = Recall.of().thresholds(0.3).classId(2);
 * }</pre>
 */
public final class Recall {
  private Recall() {}

  /** Keras's {@code Recall()}: name {@code recall}, threshold 0.5. */
  public static ConfusionMetric of() {
    return ConfusionMetric.of(ConfusionMetric.Kind.RECALL);
  }

  static ConfusionMetric byName(String identifier) {
    return ConfusionMetric.byName(ConfusionMetric.Kind.RECALL, identifier);
  }
}

package io.tfbridge.metrics;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Recall}: {@code tp / (tp + fn)} over the epoch (0 before any positive
 * label).
 *
 * <pre>{@code
 * Metric p = Recall.of().thresholds(0.3).classId(2);
 * }</pre>
 */
public final class Recall extends ConfusionMetric {

  private Recall(String name, String identifier, Double thresholds, Integer topK,
      Integer classId) {
    super(name, identifier, thresholds, topK, classId);
  }

  /** Keras's {@code Recall()}: name {@code recall}, threshold 0.5. */
  public static Recall of() {
    return new Recall("recall", null, null, null, null);
  }

  static Recall byName(String identifier) {
    return new Recall(identifier, identifier, null, null, null);
  }

  @Override
  Recall with(String name, Double thresholds, Integer topK, Integer classId) {
    return new Recall(name, null, thresholds, topK, classId);
  }

  @Override
  public String className() {
    return "Recall";
  }

  @Override
  List<Operand<TFloat32>> states(Thresholded.Counts counts) {
    return List.of(counts.tp(), counts.fn());
  }

  @Override
  public double result(double[][] totals) {
    return divideNoNan(totals[0][0], totals[0][0] + totals[1][0]);
  }
}

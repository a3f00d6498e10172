package io.tfbridge.metrics;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Precision}: {@code tp / (tp + fp)} over the epoch (0 before any positive
 * prediction).
 *
 * <pre>{@code
 * Metric p = Precision.of().thresholds(0.3).classId(2);
 * }</pre>
 */
public final class Precision extends ConfusionMetric {

  private Precision(String name, String identifier, Double thresholds, Integer topK,
      Integer classId) {
    super(name, identifier, thresholds, topK, classId);
  }

  /** Keras's {@code Precision()}: name {@code precision}, threshold 0.5. */
  public static Precision of() {
    return new Precision("precision", null, null, null, null);
  }

  static Precision byName(String identifier) {
    return new Precision(identifier, identifier, null, null, null);
  }

  @Override
  Precision with(String name, Double thresholds, Integer topK, Integer classId) {
    return new Precision(name, null, thresholds, topK, classId);
  }

  @Override
  public String className() {
    return "Precision";
  }

  @Override
  List<Operand<TFloat32>> states(Thresholded.Counts counts) {
    return List.of(counts.tp(), counts.fp());
  }

  @Override
  public double result(double[][] totals) {
    return divideNoNan(totals[0][0], totals[0][0] + totals[1][0]);
  }
}

package io.tfbridge.metrics;

import io.tfbridge.saving.Config;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Precision} ({@code tp / (tp + fp)}) and {@code Recall} ({@code tp / (tp + fn)}):
 * counts summed over the epoch at one threshold, optionally among each sample's {@code top_k}
 * predictions or for one class ({@code class_id}); 0 while the denominator is. Not a mean of
 * per-sample values: the value is a ratio of the summed counts. Made by {@link Precision#of()} and
 * {@link Recall#of()}.
 *
 * <pre>{@code
 * ConfusionMetric p = Precision.of().thresholds(0.3).classId(2);
 * }</pre>
 */
public final class ConfusionMetric extends KerasMetric {

  /** Which ratio of the counts. */
  public enum Kind {
    /** {@code tp / (tp + fp)}. */
    PRECISION("Precision", "precision"),
    /** {@code tp / (tp + fn)}. */
    RECALL("Recall", "recall");

    private final String className;
    private final String defaultName;

    Kind(String className, String defaultName) {
      this.className = className;
      this.defaultName = defaultName;
    }
  }

  private final Kind kind;
  private final Double thresholds;
  private final Integer topK;
  private final Integer classId;

  private ConfusionMetric(Kind kind, String name, String identifier, Double thresholds,
      Integer topK, Integer classId) {
    super(name, identifier);
    this.kind = kind;
    if (thresholds != null) {
      Thresholded.checkRange(thresholds);
    }
    if (topK != null && topK < 0) {
      throw new IllegalArgumentException("Argument `top_k` must be >= 0. Received: top_k=" + topK);
    }
    this.thresholds = thresholds;
    this.topK = topK;
    this.classId = classId;
  }

  /** Keras's default: threshold 0.5, no top_k, every class. */
  static ConfusionMetric of(Kind kind) {
    return new ConfusionMetric(kind, kind.defaultName, null, null, null, null);
  }

  /** The metric compiled from the string {@code identifier} ({@code "precision"}). */
  static ConfusionMetric byName(Kind kind, String identifier) {
    return new ConfusionMetric(kind, identifier, identifier, null, null, null);
  }

  private ConfusionMetric with(String name, Double thresholds, Integer topK, Integer classId) {
    return new ConfusionMetric(kind, name, null, thresholds, topK, classId);
  }

  @Override
  public String className() {
    return kind.className;
  }

  /** The two counts this ratio needs: {@code tp} and {@code fp} or {@code fn}. */
  private List<Operand<TFloat32>> states(Thresholded.Counts counts) {
    return List.of(counts.tp(), kind == Kind.PRECISION ? counts.fp() : counts.fn());
  }

  @Override
  public double result(double[][] totals) {
    return divideNoNan(totals[0][0], totals[0][0] + totals[1][0]);
  }

  /** A copy reported under {@code name}. */
  public ConfusionMetric name(String name) {
    return with(name, thresholds, topK, classId);
  }

  /**
   * Predictions above {@code threshold} count as positive (default 0.5, or every kept prediction with
   * {@code top_k}).
   *
   * @throws IllegalArgumentException outside {@code [0, 1]}
   */
  public ConfusionMetric thresholds(double threshold) {
    return with(name, threshold, topK, classId);
  }

  /** Only each sample's {@code k} highest predictions can count as positive. */
  public ConfusionMetric topK(int k) {
    return with(name, thresholds, k, classId);
  }

  /** Counts only class {@code id}'s column of one-hot labels and predictions. */
  public ConfusionMetric classId(int id) {
    return with(name, thresholds, topK, id);
  }

  @Override
  public Config config() {
    return configHead().put("thresholds", thresholds).put("top_k", topK).put("class_id", classId)
        .build();
  }

  @Override
  public List<Operand<TFloat32>> update(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    Thresholded.checkSameShape(className(), yTrue, yPred);
    Operand<TFloat32> t = yTrue;
    Operand<TFloat32> p = topK == null ? yPred : Thresholded.filterTopK(tf, yPred, topK);
    if (classId != null) {
      t = Thresholded.column(tf, t, classId);
      p = Thresholded.column(tf, p, classId);
    }
    float threshold = thresholds != null ? thresholds.floatValue()
        : topK == null ? 0.5f : Thresholded.NEG_INF;
    return states(Thresholded.counts(tf, t, p, threshold));
  }

  /** Higher is better, as Keras's {@code _direction = "up"}. */
  @Override
  public java.util.Optional<Direction> direction() {
    return java.util.Optional.of(Direction.UP);
  }
}

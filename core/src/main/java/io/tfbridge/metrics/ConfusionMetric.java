package io.tfbridge.metrics;

import io.tfbridge.saving.Config;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Precision and recall: counts of true/false positives and false negatives over the epoch at one
 * threshold, optionally among each sample's {@code top_k} predictions or for one class
 * ({@code class_id}). Not a mean of per-sample values: the value is a ratio of the summed counts.
 */
public abstract class ConfusionMetric extends KerasMetric {
  final Double thresholds;
  final Integer topK;
  final Integer classId;

  ConfusionMetric(String name, String identifier, Double thresholds, Integer topK, Integer classId) {
    super(name, identifier);
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

  /** A copy with these options. */
  abstract ConfusionMetric with(String name, Double thresholds, Integer topK, Integer classId);

  /** The states this metric keeps, from the batch's counts. */
  abstract List<Operand<TFloat32>> states(Thresholded.Counts counts);

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
}

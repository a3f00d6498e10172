package io.tfbridge.metrics;

import io.tfbridge.saving.Config;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code FBetaScore} and {@code F1Score} (beta 1): per class, true/false positives, false
 * negatives and label counts summed over the epoch, then the F-beta score averaged
 * {@code "micro"}, {@code "macro"} or {@code "weighted"}. Keras's default {@code average=None} gives
 * one score per class, which a log of one number per name cannot hold: tfbridge refuses it when the
 * model compiles.
 *
 * <pre>{@code
 * Metric f1 = FBetaScore.f1().average("macro");
 * Metric f2 = FBetaScore.of().beta(2.0).average("weighted").threshold(0.4);
 * }</pre>
 */
public final class FBetaScore extends KerasMetric {
  private static final double EPSILON = 1e-7;
  private final boolean f1;
  private final String average;
  private final double beta;
  private final Double threshold;

  private FBetaScore(String name, String identifier, boolean f1, String average, double beta,
      Double threshold) {
    super(name, identifier);
    if (average != null && !List.of("micro", "macro", "weighted").contains(average)) {
      throw new IllegalArgumentException("Invalid `average` argument value. Expected one of: "
          + "{None, 'micro', 'macro', 'weighted'}. Received: average=" + average);
    }
    if (!(beta > 0)) {
      throw new IllegalArgumentException("Invalid `beta` argument value. It should be > 0. "
          + "Received: beta=" + beta);
    }
    if (threshold != null && !(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("Invalid `threshold` argument value. It should verify "
          + "0 < threshold <= 1. Received: threshold=" + threshold);
    }
    this.f1 = f1;
    this.average = average;
    this.beta = beta;
    this.threshold = threshold;
  }

  /** Keras's {@code FBetaScore()}: name {@code fbeta_score}, beta 1, no average, argmax. */
  public static FBetaScore of() {
    return new FBetaScore("fbeta_score", null, false, null, 1.0, null);
  }

  /** Keras's {@code F1Score()}: name {@code f1_score}. */
  public static FBetaScore f1() {
    return new FBetaScore("f1_score", null, true, null, 1.0, null);
  }

  static FBetaScore byName(String identifier, boolean f1) {
    return new FBetaScore(identifier, identifier, f1, null, 1.0, null);
  }

  /** A copy reported under {@code name}. */
  public FBetaScore name(String name) {
    return new FBetaScore(name, null, f1, average, beta, threshold);
  }

  /** {@code "micro"}, {@code "macro"}, {@code "weighted"} or null (Keras's default, refused). */
  public FBetaScore average(String average) {
    return new FBetaScore(name, null, f1, average, beta, threshold);
  }

  /** The weight of recall (> 0; default 1); an F1Score keeps 1. */
  public FBetaScore beta(double beta) {
    if (f1 && beta != 1.0) {
      throw new IllegalArgumentException("F1Score has beta 1; use FBetaScore.of().beta(" + beta
          + ")");
    }
    return new FBetaScore(name, null, f1, average, beta, threshold);
  }

  /** Predictions above it count as 1 (0 < threshold <= 1); null (default): each sample's argmax. */
  public FBetaScore threshold(Double threshold) {
    return new FBetaScore(name, null, f1, average, beta, threshold);
  }

  @Override
  public String className() {
    return f1 ? "F1Score" : "FBetaScore";
  }

  @Override
  public Config config() {
    Config.Builder c = configHead().put("average", average);
    if (!f1) {
      c.put("beta", beta);
    }
    return c.put("threshold", threshold).build();
  }

  /** Per class: true positives, false positives, false negatives and positive labels. */
  @Override
  public List<Operand<TFloat32>> update(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    if (average == null) {
      throw new IllegalArgumentException(className() + "(average=None) gives one score per class, "
          + "which tfbridge's logs (one number per name) cannot hold. Expected average one of "
          + "'micro', 'macro', 'weighted' for metric '" + name + "'");
    }
    if (yPred.shape().numDimensions() != 2 || yTrue.shape().numDimensions() != 2) {
      throw new IllegalArgumentException("FBetaScore expects 2D inputs with shape (batch_size, "
          + "output_dim). Received input shapes: y_pred.shape=" + yPred.shape()
          + " and y_true.shape=" + yTrue.shape() + ".");
    }
    Thresholded.checkSameShape(className(), yTrue, yPred);
    Operand<TFloat32> p = tf.dtypes.cast(predicted(tf, yPred), TFloat32.class);
    Operand<TFloat32> one = tf.constant(1f);
    return List.of(classSum(tf, tf.math.mul(p, yTrue)),
        classSum(tf, tf.math.mul(p, tf.math.sub(one, yTrue))),
        classSum(tf, tf.math.mul(tf.math.sub(one, p), yTrue)), classSum(tf, yTrue));
  }

  private Operand<org.tensorflow.types.TBool> predicted(Ops tf, Operand<TFloat32> yPred) {
    if (threshold != null) {
      return tf.math.greater(yPred, tf.constant(threshold.floatValue()));
    }
    Operand<TFloat32> max = tf.max(yPred, tf.constant(-1), org.tensorflow.op.core.Max.keepDims(true));
    return tf.math.logicalAnd(tf.math.greaterEqual(yPred, max),
        tf.math.greater(tf.math.abs(yPred), tf.constant(1e-9f)));
  }

  private static Operand<TFloat32> classSum(Ops tf, Operand<TFloat32> x) {
    return tf.reduceSum(x, tf.constant(0));
  }

  @Override
  public double result(double[][] totals) {
    double[][] t = average.equals("micro") ? Arrays.stream(totals)
        .map(v -> new double[] {Arrays.stream(v).sum()}).toArray(double[][]::new) : totals;
    int classes = t[0].length;
    double b2 = beta * beta;
    double weights = Arrays.stream(t[3]).sum() + EPSILON;
    double total = 0;
    for (int c = 0; c < classes; c++) {
      double precision = t[0][c] / (t[0][c] + t[1][c] + EPSILON);
      double recall = t[0][c] / (t[0][c] + t[2][c] + EPSILON);
      double score = precision * recall / (b2 * precision + recall + EPSILON) * (1 + b2);
      total += average.equals("weighted") ? score * t[3][c] / weights : score / classes;
    }
    return total;
  }

  /** Higher is better, as Keras's {@code _direction = "up"}. */
  @Override
  public java.util.Optional<Direction> direction() {
    return java.util.Optional.of(Direction.UP);
  }
}

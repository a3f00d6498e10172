package io.tfbridge.metrics;

import io.tfbridge.saving.Config;
import java.util.List;
import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras's {@code AUC}: the area under the ROC or precision-recall curve, from true/false positive
 * counts at {@code num_thresholds} evenly spaced thresholds over the epoch. The state is, per
 * threshold bucket, the number of positive and of negative labels whose prediction falls in it
 * (Keras's bucketed update); the counts at each threshold are their sums from that bucket up.
 * Labels are flattened with the predictions (Keras's default {@code multi_label=False}).
 *
 * <pre>{@code
 * Metric prAuc = AUC.of().curve("PR").numThresholds(100).name("pr_auc");
 * }</pre>
 */
public final class AUC extends KerasMetric {
  private final int numThresholds;
  private final String curve;
  private final String summationMethod;
  private final boolean fromLogits;

  private AUC(String name, String identifier, int numThresholds, String curve,
      String summationMethod, boolean fromLogits) {
    super(name, identifier);
    if (numThresholds <= 1) {
      throw new IllegalArgumentException("Argument `num_thresholds` must be an integer > 1. "
          + "Received: num_thresholds=" + numThresholds);
    }
    this.numThresholds = numThresholds;
    this.curve = curveOf(curve);
    this.summationMethod = summationOf(summationMethod);
    this.fromLogits = fromLogits;
  }

  /** Keras's {@code AUCCurve.from_str}: {@code PR}, {@code ROC}, {@code PRGAIN} or lower case. */
  private static String curveOf(String key) {
    for (String curve : List.of("PR", "ROC", "PRGAIN")) {
      if (curve.equals(key) || curve.toLowerCase(Locale.ROOT).equals(key)) {
        return curve;
      }
    }
    throw new IllegalArgumentException("Invalid AUC curve value: \"" + key + "\". Expected "
        + "values are [\"PR\", \"ROC\", \"PRGAIN\"]");
  }

  /** Keras's {@code AUCSummationMethod.from_str}: lower case or capitalized. */
  private static String summationOf(String key) {
    for (String method : List.of("interpolation", "majoring", "minoring")) {
      if (method.equals(key)
          || (Character.toUpperCase(method.charAt(0)) + method.substring(1)).equals(key)) {
        return method;
      }
    }
    throw new IllegalArgumentException("Invalid AUC summation method value: \"" + key
        + "\". Expected values are [\"interpolation\", \"majoring\", \"minoring\"]");
  }

  /** Keras's {@code AUC()}: 200 thresholds, ROC curve, interpolation. */
  public static AUC of() {
    return new AUC("auc", null, 200, "ROC", "interpolation", false);
  }

  static AUC byName(String identifier) {
    return new AUC(identifier, identifier, 200, "ROC", "interpolation", false);
  }

  /** A copy reported under {@code name}. */
  public AUC name(String name) {
    return new AUC(name, null, numThresholds, curve, summationMethod, fromLogits);
  }

  /** How many thresholds (more than 1; default 200). */
  public AUC numThresholds(int n) {
    return new AUC(name, null, n, curve, summationMethod, fromLogits);
  }

  /** {@code "ROC"} (default), {@code "PR"} or {@code "PRGAIN"}. */
  public AUC curve(String curve) {
    return new AUC(name, null, numThresholds, curve, summationMethod, fromLogits);
  }

  /** {@code "interpolation"} (default), {@code "minoring"} or {@code "majoring"}. */
  public AUC summationMethod(String method) {
    return new AUC(name, null, numThresholds, curve, method, fromLogits);
  }

  /** Whether predictions are logits (a sigmoid is applied first). */
  public AUC fromLogits(boolean fromLogits) {
    return new AUC(name, null, numThresholds, curve, summationMethod, fromLogits);
  }

  @Override
  public String className() {
    return "AUC";
  }

  @Override
  public Config config() {
    return configHead().put("num_thresholds", numThresholds).put("curve", curve)
        .put("summation_method", summationMethod).put("multi_label", false)
        .putNull("num_labels", "label_weights").put("from_logits", fromLogits).build();
  }

  /** Per bucket: the positive labels and the negative labels whose prediction falls in it. */
  @Override
  public List<Operand<TFloat32>> update(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    Thresholded.checkSameShape("AUC", yTrue, yPred);
    Operand<TFloat32> p = fromLogits ? tf.math.sigmoid(yPred) : yPred;
    Operand<TFloat32> flat = tf.reshape(tf.clipByValue(p, tf.constant(0f), tf.constant(1f)),
        tf.constant(new int[] {-1}));
    Operand<TFloat32> bucket = tf.nn.relu(tf.math.sub(tf.math.ceil(tf.math.mul(flat,
        tf.constant((float) (numThresholds - 1)))), tf.constant(1f)));
    Operand<TInt32> ids = tf.dtypes.cast(bucket, TInt32.class);
    Operand<TFloat32> positive = tf.dtypes.cast(tf.math.notEqual(
        tf.reshape(yTrue, tf.constant(new int[] {-1})), tf.constant(0f)), TFloat32.class);
    Operand<TFloat32> negative = tf.math.sub(tf.constant(1f), positive);
    Operand<TInt32> n = tf.constant(numThresholds);
    return List.of(tf.math.unsortedSegmentSum(positive, ids, n),
        tf.math.unsortedSegmentSum(negative, ids, n));
  }

  @Override
  public double result(double[][] totals) {
    return AucCurves.area(ConfusionCounts.fromBuckets(totals[0], totals[1]), curve,
        summationMethod);
  }

  /** Higher is better, as Keras's {@code _direction = "up"}. */
  @Override
  public java.util.Optional<Direction> direction() {
    return java.util.Optional.of(Direction.UP);
  }
}

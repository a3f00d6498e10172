package io.tfbridge.metrics;

import io.tfbridge.losses.Loss;
import io.tfbridge.saving.KerasObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tensorflow.ndarray.Shape;

/**
 * Resolves metric names the way Keras's {@code compile} does: a metric given by a string is Keras's
 * metric of that (snake-case) name with its defaults, reported under the string itself.
 *
 * <pre>{@code
 * Metric mae = Metrics.get("mae");
 * Metric accuracy = Metrics.get("accuracy", Losses.get("binary_crossentropy"), Shape.of(-1, 1));
 * }</pre>
 */
public final class Metrics {
  private static final Map<String, Function<String, Metric>> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put("accuracy", s -> Accuracy.byName(s, Accuracy.Kind.AUTO));
    KNOWN.put("acc", s -> Accuracy.byName(s, Accuracy.Kind.AUTO));
    KNOWN.put("binary_accuracy", s -> Accuracy.byName(s, Accuracy.Kind.BINARY));
    KNOWN.put("categorical_accuracy", s -> Accuracy.byName(s, Accuracy.Kind.CATEGORICAL));
    KNOWN.put("sparse_categorical_accuracy",
        s -> Accuracy.byName(s, Accuracy.Kind.SPARSE_CATEGORICAL));
    KNOWN.put("top_k_categorical_accuracy", s -> TopKCategoricalAccuracy.byName(s, false));
    KNOWN.put("sparse_top_k_categorical_accuracy", s -> TopKCategoricalAccuracy.byName(s, true));
    for (LossMetric.Fn fn : LossMetric.Fn.values()) {
      KNOWN.put(fn.name().toLowerCase(java.util.Locale.ROOT), s -> LossMetric.byName(s, fn));
    }
    KNOWN.put("mae", s -> LossMetric.byName(s, LossMetric.Fn.MEAN_ABSOLUTE_ERROR));
    KNOWN.put("mse", s -> LossMetric.byName(s, LossMetric.Fn.MEAN_SQUARED_ERROR));
    KNOWN.put("mape", s -> LossMetric.byName(s, LossMetric.Fn.MEAN_ABSOLUTE_PERCENTAGE_ERROR));
    KNOWN.put("msle", s -> LossMetric.byName(s, LossMetric.Fn.MEAN_SQUARED_LOGARITHMIC_ERROR));
    for (String loss : List.of("binary_crossentropy", "categorical_crossentropy",
        "sparse_categorical_crossentropy")) {
      KNOWN.put(loss, s -> CrossentropyMetric.byName(s, loss));
    }
    KNOWN.put("bce", s -> CrossentropyMetric.byName(s, "binary_crossentropy"));
    KNOWN.put("precision", Precision::byName);
    KNOWN.put("recall", Recall::byName);
    KNOWN.put("auc", AUC::byName);
    KNOWN.put("f1_score", s -> FBetaScore.byName(s, true));
    KNOWN.put("f_beta_score", s -> FBetaScore.byName(s, false));
  }

  private Metrics() {}

  /**
   * The metric Keras's {@code compile(metrics=[name])} makes, reported as {@code name}.
   * {@code "accuracy"} (or {@code "acc"}) is resolved for each output when the model compiles
   * ({@link Metric#forOutput}).
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Metric get(String name) {
    Function<String, Metric> metric = name == null ? null : KNOWN.get(name);
    if (metric == null) {
      throw new IllegalArgumentException("Unknown metric: '" + name + "'. Known metrics: "
          + String.join(", ", KNOWN.keySet()));
    }
    return metric.apply(name);
  }

  /**
   * The metric of this name for a model with this loss and output shape. {@code "accuracy"} (or
   * {@code "acc"}) becomes binary accuracy for a one-unit output, sparse categorical accuracy for
   * class-id labels and categorical accuracy otherwise.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Metric get(String name, Loss loss, Shape outputShape) {
    return get(name).forOutput(loss, outputShape);
  }

  /** Whether {@link #get(String)} knows {@code name}. */
  public static boolean isKnown(String name) {
    return KNOWN.containsKey(name);
  }

  /**
   * The metric a serialized Keras metric describes ({@code {"class_name": "AUC", "config": {...}}}),
   * with its options.
   *
   * @throws IllegalArgumentException for an unknown class or an option tfbridge does not support
   */
  public static Metric deserialize(KerasObject serialized) {
    return MetricConfigs.read(serialized);
  }
}

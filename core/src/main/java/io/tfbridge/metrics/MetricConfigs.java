package io.tfbridge.metrics;

import io.tfbridge.saving.ConfigReader;
import io.tfbridge.saving.KerasObject;
import java.util.List;

/** Keras metric configs ({@code get_config()}) to metrics; unsupported options are refused. */
final class MetricConfigs {
  private static final List<String> CLASSES = List.of("BinaryAccuracy", "CategoricalAccuracy",
      "SparseCategoricalAccuracy", "TopKCategoricalAccuracy", "SparseTopKCategoricalAccuracy",
      "Precision", "Recall", "AUC", "F1Score", "FBetaScore", "BinaryCrossentropy",
      "CategoricalCrossentropy", "SparseCategoricalCrossentropy");

  private MetricConfigs() {}

  static Metric read(KerasObject o) {
    String cls = o.className();
    ConfigReader r = new ConfigReader(o.options(), "metric " + cls);
    r.ignore("dtype");
    Metric m = switch (cls) {
      case "BinaryAccuracy" -> Accuracy.binary().threshold(r.getDouble("threshold", 0.5))
          .name(r.getString("name", "binary_accuracy"));
      case "CategoricalAccuracy" -> Accuracy.categorical()
          .name(r.getString("name", "categorical_accuracy"));
      case "SparseCategoricalAccuracy" -> Accuracy.sparseCategorical()
          .name(r.getString("name", "sparse_categorical_accuracy"));
      case "TopKCategoricalAccuracy" -> TopKCategoricalAccuracy.of().k(r.getInt("k", 5))
          .name(r.getString("name", "top_k_categorical_accuracy"));
      case "SparseTopKCategoricalAccuracy" -> sparseTopK(r);
      case "Precision", "Recall" -> confusion(r, cls.equals("Precision") ? Precision.of()
          : Recall.of());
      case "AUC" -> auc(r);
      case "F1Score", "FBetaScore" -> fScore(r, cls.equals("F1Score"));
      case "BinaryCrossentropy", "CategoricalCrossentropy", "SparseCategoricalCrossentropy" ->
          crossentropy(cls, r);
      default -> lossMetric(cls, r);
    };
    r.finish();
    return m;
  }

  private static Metric sparseTopK(ConfigReader r) {
    r.requireDefault("from_sorted_ids", false);
    return TopKCategoricalAccuracy.sparse().k(r.getInt("k", 5))
        .name(r.getString("name", "sparse_top_k_categorical_accuracy"));
  }

  private static Metric confusion(ConfigReader r, ConfusionMetric m) {
    ConfusionMetric out = m.name(r.getString("name", m.name()));
    Object t = r.get("thresholds");
    if (t instanceof List<?> list && list.size() == 1) {
      t = list.get(0);
    }
    if (t instanceof Number n) {
      out = out.thresholds(n.doubleValue());
    } else if (t != null) {
      throw r.unsupported("thresholds=" + t + " (tfbridge logs one number per metric: give one "
          + "threshold)");
    }
    if (r.has("top_k")) {
      out = out.topK(r.getInt("top_k"));
    }
    return r.has("class_id") ? out.classId(r.getInt("class_id")) : out;
  }

  private static Metric auc(ConfigReader r) {
    r.requireDefault("multi_label", false);
    r.requireDefault("num_labels", null);
    r.requireDefault("label_weights", null);
    r.requireDefault("thresholds", null);
    return AUC.of().name(r.getString("name", "auc"))
        .numThresholds(r.getInt("num_thresholds", 200)).curve(r.getString("curve", "ROC"))
        .summationMethod(r.getString("summation_method", "interpolation"))
        .fromLogits(r.getBool("from_logits", false));
  }

  private static Metric fScore(ConfigReader r, boolean f1) {
    FBetaScore m = (f1 ? FBetaScore.f1() : FBetaScore.of().beta(r.getDouble("beta", 1.0)))
        .average(r.getString("average", null));
    Double threshold = r.has("threshold") ? r.getDouble("threshold") : null;
    return m.threshold(threshold).name(r.getString("name", m.name()));
  }

  private static Metric crossentropy(String cls, ConfigReader r) {
    r.requireDefault("from_logits", false);
    r.requireDefault("label_smoothing", 0);
    r.requireDefault("axis", -1);
    r.requireDefault("ignore_class", null);
    String loss = cls.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    return CrossentropyMetric.of(loss).name(r.getString("name", loss));
  }

  private static Metric lossMetric(String cls, ConfigReader r) {
    for (LossMetric.Fn fn : LossMetric.Fn.values()) {
      if (fn.className().equals(cls)) {
        return LossMetric.of(fn).name(r.getString("name", fn.defaultName()));
      }
    }
    throw new IllegalArgumentException("Unknown metric class: '" + cls + "'. Known metric classes: "
        + String.join(", ", CLASSES) + ", " + String.join(", ", java.util.Arrays
        .stream(LossMetric.Fn.values()).map(LossMetric.Fn::className).toList()));
  }
}

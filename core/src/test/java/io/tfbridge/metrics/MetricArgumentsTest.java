package io.tfbridge.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Input;
import io.tfbridge.losses.Losses;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.optimizers.SGD;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.KerasObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad metric arguments and shapes, refused in Keras 3.15's words (checked against Keras). */
class MetricArgumentsTest {

  private static String error(Executable e) {
    return assertThrows(IllegalArgumentException.class, e).getMessage();
  }

  @Test
  void thresholdsOutsideZeroOne() {
    assertEquals("Threshold values must be in [0, 1]. Received: [1.5]",
        error(() -> Precision.of().thresholds(1.5)));
    assertEquals("Threshold values must be in [0, 1]. Received: [-0.1]",
        error(() -> Recall.of().thresholds(-0.1)));
    assertEquals("Invalid `threshold` argument value. It should verify 0 < threshold <= 1. "
        + "Received: threshold=1.5", error(() -> FBetaScore.f1().threshold(1.5)));
    assertEquals("Invalid `threshold` argument value. It should verify 0 < threshold <= 1. "
        + "Received: threshold=0.0", error(() -> FBetaScore.f1().threshold(0.0)));
  }

  @Test
  void aucOptions() {
    assertEquals("Argument `num_thresholds` must be an integer > 1. Received: num_thresholds=1",
        error(() -> AUC.of().numThresholds(1)));
    assertEquals("Invalid AUC curve value: \"XX\". Expected values are [\"PR\", \"ROC\", "
        + "\"PRGAIN\"]", error(() -> AUC.of().curve("XX")));
    assertEquals("Invalid AUC summation method value: \"trapezoid\". Expected values are "
        + "[\"interpolation\", \"majoring\", \"minoring\"]",
        error(() -> AUC.of().summationMethod("trapezoid")));
    // Keras's from_str accepts these spellings and writes the canonical ones
    assertEquals("PR", AUC.of().curve("pr").config().get("curve"));
    assertEquals("minoring", AUC.of().summationMethod("Minoring").config().get("summation_method"));
  }

  @Test
  void fScoreOptions() {
    assertEquals("Invalid `average` argument value. Expected one of: {None, 'micro', 'macro', "
        + "'weighted'}. Received: average=samples", error(() -> FBetaScore.f1().average("samples")));
    assertEquals("Invalid `beta` argument value. It should be > 0. Received: beta=0.0",
        error(() -> FBetaScore.of().beta(0.0)));
  }

  @Test
  void unknownNamesListTheKnownOnes() {
    String message = error(() -> Metrics.get("iou"));
    assertEquals(message.substring(0, message.indexOf(":", 16)), "Unknown metric: 'iou'. Known metrics");
    for (String name : List.of("mae", "precision", "auc", "f1_score", "top_k_categorical_accuracy")) {
      assertEquals(true, message.contains(" " + name + ","), message);
    }
    String cls = error(() -> Metrics.deserialize(KerasObject.of("keras.metrics", "MeanIoU",
        Config.builder().put("num_classes", 3).build())));
    assertEquals(true, cls.startsWith("Unknown metric class: 'MeanIoU'. Known metric classes: "
        + "BinaryAccuracy, CategoricalAccuracy"), cls);
  }

  @Test
  void configOptionsTfbridgeLacksAreRefused() {
    assertEquals("metric AUC: option multi_label=true is not supported by tfbridge",
        error(() -> Metrics.deserialize(KerasObject.of("keras.metrics", "AUC",
            Config.builder().put("name", "auc").put("multi_label", true).build()))));
    assertEquals("metric Precision: option thresholds=[0.2, 0.8] (tfbridge logs one number per "
        + "metric: give one threshold) is not supported by tfbridge",
        error(() -> Metrics.deserialize(KerasObject.of("keras.metrics", "Precision",
            Config.builder().put("thresholds", List.of(0.2, 0.8)).build()))));
  }

  @Test
  void configsReadBackAsWritten() {
    for (Metric m : List.of(AUC.of().curve("PR").numThresholds(20).name("pr"),
        Precision.of().thresholds(0.3).topK(2).classId(1), FBetaScore.of().beta(2.0)
            .average("macro").threshold(0.4), TopKCategoricalAccuracy.sparse().k(3),
        Accuracy.binary().threshold(0.7), LossMetric.of(LossMetric.Fn.LOG_COSH_ERROR),
        CrossentropyMetric.of("sparse_categorical_crossentropy").name("sce"))) {
      Metric back = Metrics.deserialize(KerasObject.of("keras.metrics", m.className(), m.config()));
      assertEquals(m.className(), back.className());
      assertEquals(m.config(), back.config());
    }
  }

  @Test
  void shapesTheMetricCannotTake() {
    Sequential three = Sequential.of(Input.of(4), Dense.of(3).activation("softmax"));
    assertEquals("Precision expects labels of the shape of the predictions (one-hot labels for a "
        + "categorical output). Received: y_true.shape=[-1], y_pred.shape=[-1, 3]",
        compileError(three, "sparse_categorical_crossentropy", Precision.of()));
    assertEquals("Argument `top_k` must be at most the predictions' last dimension. Received: "
        + "top_k=5 for y_pred.shape=[-1, 3]",
        compileError(three, "categorical_crossentropy", Recall.of().topK(5)));
    assertEquals("Argument `class_id` must be a class of the predictions (0 to 2). Received: "
        + "class_id=3 for y_pred.shape=[-1, 3]",
        compileError(three, "categorical_crossentropy", Precision.of().classId(3)));
    assertEquals("F1Score(average=None) gives one score per class, which tfbridge's logs (one "
        + "number per name) cannot hold. Expected average one of 'micro', 'macro', 'weighted' for "
        + "metric 'f1_score'", compileError(three, "categorical_crossentropy", FBetaScore.f1()));
  }

  private static String compileError(Sequential spec, String loss, Metric metric) {
    return error(() -> {
      try (Model m = spec.compile(SGD.of(), List.of(Losses.get(loss)), null, metric)) {
        m.name();
      }
    });
  }
}

package io.tfbridge.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.callbacks.History;
import io.tfbridge.data.MiniJson;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Input;
import io.tfbridge.losses.Losses;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.optimizers.SGD;
import io.tfbridge.testing.Golden;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Metrics against Keras 3.15 ({@code models/python/make_metrics_golden.py}): {@code evaluate} over
 * batches of 5 (the last one short), then two epochs of {@code fit} with validation, whose logs hold
 * each metric accumulated over the epoch's batches and reset per epoch and for validation. Every
 * value Keras logged is compared, within 1e-6 for {@code evaluate} and 1e-5 for the trained epochs.
 */
class KerasMetricsGoldenTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("metrics_categorical", 3, "softmax", "categorical_crossentropy", List.of(
            Metrics.get("categorical_accuracy"), Metrics.get("accuracy"),
            TopKCategoricalAccuracy.of().k(2), Precision.of(), Recall.of(),
            Precision.of().topK(2).name("precision_top2"),
            Recall.of().classId(1).thresholds(0.3).name("recall_c1"),
            Precision.of().thresholds(0.3).classId(2).name("precision_c2"), AUC.of(),
            AUC.of().curve("PR").name("pr_auc"),
            AUC.of().summationMethod("minoring").numThresholds(50).name("auc_min"),
            AUC.of().curve("PRGAIN").summationMethod("majoring").name("auc_gain"),
            FBetaScore.f1().average("macro"),
            FBetaScore.f1().average("micro").threshold(0.4).name("f1_micro"),
            FBetaScore.of().beta(2.0).average("weighted"), Metrics.get("kl_divergence"),
            Metrics.get("cosine_similarity"), Metrics.get("mse"), Metrics.get("mae"),
            Metrics.get("poisson"), Metrics.get("categorical_hinge"),
            Metrics.get("log_cosh_error"), Metrics.get("categorical_crossentropy"))),
        Arguments.of("metrics_sparse", 4, "softmax", "sparse_categorical_crossentropy", List.of(
            Metrics.get("accuracy"), Metrics.get("sparse_categorical_accuracy"),
            TopKCategoricalAccuracy.sparse().k(2),
            Metrics.get("sparse_top_k_categorical_accuracy"),
            Metrics.get("sparse_categorical_crossentropy"))),
        Arguments.of("metrics_binary", 1, "sigmoid", "binary_crossentropy", List.of(
            Metrics.get("accuracy"), Accuracy.binary().threshold(0.6).name("acc_06"),
            Metrics.get("precision"), Metrics.get("recall"), Metrics.get("auc"),
            Precision.of().thresholds(0.7).name("precision_07"),
            AUC.of().curve("PR").numThresholds(20).name("pr_auc"), Metrics.get("hinge"),
            Metrics.get("squared_hinge"), Metrics.get("bce"),
            CrossentropyMetric.of("binary_crossentropy").name("binary_ce"))),
        Arguments.of("metrics_regression", 2, "linear", "mean_squared_error", List.of(
            Metrics.get("mae"), Metrics.get("mse"), Metrics.get("mape"), Metrics.get("msle"),
            LossMetric.of(LossMetric.Fn.ROOT_MEAN_SQUARED_ERROR), Metrics.get("log_cosh_error"),
            Metrics.get("cosine_similarity"), Metrics.get("mean_absolute_error"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluateAndFitLogKerasValues(String name, int units, String activation, String loss,
      List<Metric> metrics) {
    Golden g = Golden.of("metrics/" + name);
    Map<String, Object> expected = MiniJson.obj(MiniJson.resource(Golden.class,
        "/golden/metrics/" + name + "/expected.json"));
    Sequential spec = Sequential.of(Input.of(4), Dense.of(units).activation(activation)).seed(1);
    try (Model model = spec.compile(SGD.of().learningRate(0.1), List.of(Losses.get(loss)), null,
        metrics.toArray(Metric[]::new))) {
      model.setWeights(g.weights("w"));
      Map<String, Double> evaluated = model.evaluate(g.array("x"), g.array("y"), 5);
      compare(MiniJson.obj(expected.get("evaluate")), evaluated, 1e-6, "evaluate");
      History history = model.fit(g.array("x"), g.array("y"), FitOptions.epochs(2).batchSize(5)
          .shuffle(false).verbose(0).validationData(g.array("x_val"), g.array("y_val")));
      Map<String, Object> logged = MiniJson.obj(expected.get("history"));
      assertEquals(new TreeSet<>(logged.keySet()), new TreeSet<>(history.history().keySet()));
      for (int epoch = 0; epoch < 2; epoch++) {
        int e = epoch;
        Map<String, Double> keras = new java.util.TreeMap<>();
        logged.forEach((k, v) -> keras.put(k, MiniJson.doubles(v)[e]));
        Map<String, Double> ours = new java.util.TreeMap<>();
        history.history().forEach((k, v) -> ours.put(k, v.get(e)));
        compare(keras, ours, 1e-5, "epoch " + epoch);
      }
    }
  }

  private static void compare(Map<String, ?> keras, Map<String, Double> ours, double tol,
      String what) {
    assertEquals(new TreeSet<>(keras.keySet()), new TreeSet<>(ours.keySet()), what + " keys");
    StringBuilder bad = new StringBuilder();
    for (String key : keras.keySet()) {
      double want = ((Number) keras.get(key)).doubleValue();
      double got = ours.get(key);
      if (!(Math.abs(want - got) <= tol + tol * Math.abs(want))) {
        bad.append(String.format(" %s: keras %.9g tfbridge %.9g;", key, want, got));
      }
    }
    assertTrue(bad.length() == 0, what + ":" + bad);
  }
}

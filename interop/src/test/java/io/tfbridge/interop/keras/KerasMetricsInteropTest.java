package io.tfbridge.interop.keras;

import static io.tfbridge.interop.keras.KerasTestData.npy;
import static io.tfbridge.interop.keras.KerasTestData.python;
import static io.tfbridge.interop.keras.KerasTestData.run;
import static io.tfbridge.interop.keras.KerasTestData.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfbridge.metrics.Metric;
import io.tfbridge.models.Model;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiled metrics both ways with real Keras ({@code TFBRIDGE_PYTHON}; skipped without it): a
 * Keras-compiled {@code .keras} with metrics by name and as objects with options loads in Java with
 * the same metrics, which evaluate to Keras's values; Java writes them back as Keras wrote them, and
 * Keras loading the Java-written file evaluates to Java's values.
 */
class KerasMetricsInteropTest {
  @TempDir Path tmp;

  @Test
  void kerasCompiledMetricsLoadEvaluateAndGoBack() throws Exception {
    String python = python();
    run(List.of(python, script("check_metrics_interop.py").toString(), "make", tmp.toString()));
    ObjectMapper json = new ObjectMapper();
    JsonNode keras = json.readTree(tmp.resolve("keras.json").toFile());
    Path javaFile = tmp.resolve("java_metrics.keras");
    Map<String, Double> ours;
    try (Model model = KerasFiles.load(tmp.resolve("keras_metrics.keras"))) {
      List<String> names = model.definition().output().metrics().stream().map(Metric::name).toList();
      assertEquals(List.of("accuracy", "mae", "precision", "pr_auc", "f1_score", "p1",
          "top_k_categorical_accuracy", "root_mean_squared_error", "fbeta_score",
          "categorical_crossentropy"), names);
      ours = model.evaluate(npy(tmp.resolve("x.npy")), npy(tmp.resolve("y.npy")), 5);
      compare(keras.path("evaluate"), ours, "Java evaluating the Keras file");
      KerasFiles.save(model, javaFile);
    }
    String out = run(List.of(python, script("check_metrics_interop.py").toString(), "check",
        javaFile.toString(), tmp.toString()));
    JsonNode back = json.readTree(out.substring(out.lastIndexOf("\n{") + 1));
    assertEquals(keras.path("metrics"), back.path("metrics"), "compile config metrics");
    compare(back.path("evaluate"), ours, "Keras evaluating the Java-written file");
  }

  private static void compare(JsonNode expected, Map<String, Double> actual, String what) {
    TreeSet<String> keys = new TreeSet<>();
    expected.fieldNames().forEachRemaining(keys::add);
    assertEquals(keys, new TreeSet<>(actual.keySet()), what + ": keys");
    for (String key : keys) {
      double want = expected.path(key).asDouble();
      assertTrue(Math.abs(want - actual.get(key)) <= 1e-6 + 1e-6 * Math.abs(want),
          what + ": " + key + " expected " + want + ", was " + actual.get(key));
    }
  }
}

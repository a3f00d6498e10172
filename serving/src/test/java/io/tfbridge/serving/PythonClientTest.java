package io.tfbridge.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfbridge.data.HostArrays;
import io.tfbridge.data.Npy;
import io.tfbridge.inference.Predictor;
import io.tfbridge.interop.ModelFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;

/**
 * Acceptance 1 of the serving issue: a plain JSON client in Python (urllib, as TF Serving users
 * call it; models/python/check_serving_client.py) gets the predictions Java's {@code predict} gives,
 * for a Keras-made SavedModel, a two-input one and a {@code .keras} file. Needs TFBRIDGE_PYTHON.
 */
class PythonClientTest {
  private static final Path SCRIPT = Path.of("../models/python/check_serving_client.py");
  private static final Path KERAS = Path.of("../interop/src/test/resources/keras/iris/model.keras");

  @TempDir
  Path tmp;

  @Test
  void pythonGetsJavasPredictions() throws Exception {
    String python = System.getenv("TFBRIDGE_PYTHON");
    assumeTrue(python != null, "TFBRIDGE_PYTHON is not set");
    float[][] iris = Npy.read(ModelServerTest.SAVED.resolve("iris_mlp/x_keras_tensor.npy"))
        .toFloatMatrix();
    Path irisBase = tmp.resolve("iris");
    ModelServerTest.copyTree(ModelServerTest.SAVED.resolve("iris_mlp/model"), irisBase.resolve("1"));
    check(python, irisBase, rows(iris), Map.of("keras_tensor", HostArrays.of(iris)));
    check(python, KERAS.toAbsolutePath(), rows(iris), null);
    float[][] features = Npy.read(ModelServerTest.SAVED.resolve("two_inputs/x_features.npy"))
        .toFloatMatrix();
    float[][] extra = Npy.read(ModelServerTest.SAVED.resolve("two_inputs/x_extra.npy"))
        .toFloatMatrix();
    Path twoBase = tmp.resolve("two");
    ModelServerTest.copyTree(ModelServerTest.SAVED.resolve("two_inputs/model"), twoBase.resolve("1"));
    ObjectNode columnar = PredictRequest.JSON.createObjectNode();
    columnar.putObject("inputs").putPOJO("features", features).putPOJO("extra", extra);
    check(python, twoBase, columnar, Map.of("features", HostArrays.of(features),
        "extra", HostArrays.of(extra)));
  }

  private static ObjectNode rows(float[][] x) {
    ObjectNode body = PredictRequest.JSON.createObjectNode();
    body.putPOJO("instances", x);
    return body;
  }

  /** Serves {@code base}, has Python post {@code body}, compares with Java's own predict. */
  private void check(String python, Path base, ObjectNode body, Map<String, FloatNdArray> inputs)
      throws Exception {
    try (ModelServer server = ModelServer.start(ServerConfig.of("m", base).port(0));
        Predictor java = ModelFiles.open(Files.isRegularFile(base)
            ? base : base.resolve("1"))) {
      Map<String, ? extends NdArray<?>> in = inputs != null ? inputs
          : Map.of(java.inputs().get(0).name(), HostArrays.of(PredictRequest.JSON.convertValue(
              body.get("instances"), float[][].class)));
      FloatNdArray expected = (FloatNdArray) java.predict(in).values().iterator().next();
      JsonNode answer = python(python, server.port(), body);
      assertEquals(200, answer.get("status").asInt(), answer.toString());
      JsonNode values = answer.get("body").has("predictions") ? answer.at("/body/predictions")
          : answer.at("/body/outputs");
      for (int i = 0; i < expected.shape().get(0); i++) {
        for (int j = 0; j < expected.shape().get(1); j++) {
          assertEquals(expected.getFloat(i, j), values.get(i).get(j).floatValue(), 0f,
              base + " row " + i);
        }
      }
    }
  }

  private JsonNode python(String python, int port, ObjectNode body) throws IOException,
      InterruptedException {
    ArrayNode requests = PredictRequest.JSON.createArrayNode();
    requests.addObject().put("path", "/v1/models/m:predict").set("body", body);
    Path file = Files.writeString(tmp.resolve("requests.json"), requests.toString());
    Process p = new ProcessBuilder(python, SCRIPT.toString(), "http://127.0.0.1:" + port,
        file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    List<String> lines = out.lines().toList();
    return PredictRequest.JSON.readTree(lines.get(0));
  }
}

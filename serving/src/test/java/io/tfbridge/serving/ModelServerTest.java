package io.tfbridge.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfbridge.data.Npy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TF Serving's REST API over Keras-made SavedModels, on 127.0.0.1. */
class ModelServerTest {
  static final Path SAVED = Path.of("../interop/src/test/resources/savedmodel");
  private final HttpClient http = HttpClient.newHttpClient();
  private ModelServer server;

  @TempDir
  Path base;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private ModelServer serve(String name, String golden) throws IOException {
    copyTree(SAVED.resolve(golden).resolve("model"), base.resolve("1"));
    server = ModelServer.start(ServerConfig.of(name, base).port(0)
        .pollInterval(Duration.ofMillis(200)));
    return server;
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return PredictRequest.JSON.readTree(response.body());
  }

  private static String rows(float[][] x) throws IOException {
    return "{\"instances\": " + PredictRequest.JSON.writeValueAsString(x) + "}";
  }

  @Test
  void rowAndColumnarPredictionsAreKerassAndStatusSaysAvailable() throws Exception {
    serve("iris", "iris_mlp");
    float[][] x = Npy.read(SAVED.resolve("iris_mlp/x_keras_tensor.npy")).toFloatMatrix();
    float[][] expected = Npy.read(SAVED.resolve("iris_mlp/y_output_0.npy")).toFloatMatrix();
    JsonNode predictions = json(post("/v1/models/iris:predict", rows(x))).get("predictions");
    JsonNode outputs = json(post("/v1/models/iris/versions/1:predict",
        "{\"inputs\": {\"keras_tensor\": " + PredictRequest.JSON.writeValueAsString(x) + "}}"))
        .get("outputs");
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        assertEquals(expected[i][j], predictions.get(i).get(j).floatValue(), 1e-5);
        assertEquals(expected[i][j], outputs.get(i).get(j).floatValue(), 1e-5);
      }
    }
    assertEquals("{\"model_version_status\":[{\"version\":\"1\",\"state\":\"AVAILABLE\","
        + "\"status\":{\"error_code\":\"OK\",\"error_message\":\"\"}}]}",
        get("/v1/models/iris").body());
    JsonNode meta = json(get("/v1/models/iris/metadata"));
    JsonNode input = meta.at("/metadata/signature_def/signature_def/serving_default/inputs/"
        + "keras_tensor");
    assertEquals("DT_FLOAT", input.get("dtype").asText());
    assertEquals("-1", input.at("/tensor_shape/dim/0/size").asText());
    assertEquals("4", input.at("/tensor_shape/dim/1/size").asText());
  }

  @Test
  void badRequestsGetTfServingsErrors() throws Exception {
    serve("iris", "iris_mlp");
    assertError(post("/v1/models/iris:predict", "{\"instances\": [1, 2"), 400, "JSON Parse error");
    assertError(post("/v1/models/iris:predict", "{}"), 400, "Missing 'inputs' or 'instances' key");
    assertError(post("/v1/models/iris:predict", "{\"instances\": [[1, 2, 3, 4], [1, 2]]}"), 400,
        "ragged");
    assertError(post("/v1/models/iris:predict", "{\"instances\": [[\"a\", 2, 3, 4]]}"), 400,
        "Input 'keras_tensor' is float32: expected a number, found \"a\"");
    assertError(post("/v1/models/iris:predict", "{\"instances\": [[1, 2, 3]]}"), 400,
        "keras_tensor");
    assertError(post("/v1/models/iris:predict", "{\"inputs\": {\"keras_tensor\": [[1,2,3,4]], "
        + "\"extra\": [1]}}"), 400, "input named 'extra' that the signature does not have");
    assertError(post("/v1/models/nope:predict", rows(new float[][] {{1, 2, 3, 4}})), 404,
        "Servable not found for request: Latest(nope)");
    assertError(post("/v1/models/iris/versions/7:predict", rows(new float[][] {{1, 2, 3, 4}})),
        404, "Servable not found for request: Specific(iris, 7)");
    assertError(get("/v1/nothing"), 404, "Malformed request");
    assertError(post("/v1/models/iris:classify", "{\"examples\": [{\"x\": 1.5}]}"), 400,
        "Expected classification signature method_name to be tensorflow/serving/classify. Was: "
            + "tensorflow/serving/predict");
    JsonNode ok = json(post("/v1/models/iris:predict", rows(new float[][] {{1, 2, 3, 4}})));
    assertEquals(3, ok.get("predictions").get(0).size(), "still answers after the errors");
    String metrics = get("/monitoring/prometheus/metrics").body();
    assertTrue(metrics.contains("tfbridge_requests_total{code=\"404\",kind=\"predict\","
        + "model=\"other\",version=\"none\"} 1.0"), metrics);
    assertTrue(!metrics.contains("nope"), "a client's made-up name adds no series");
  }

  @Test
  void aPortInUseIsAClearErrorAndTheFirstServerGoesOn() throws Exception {
    serve("iris", "iris_mlp");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModelServer.start(
        ServerConfig.of("iris", base).port(server.port())));
    assertTrue(e.getMessage().startsWith("Could not listen on port " + server.port() + ": "),
        e.getMessage());
    assertEquals(200, get("/v1/models/iris").statusCode());
  }

  static void assertError(HttpResponse<String> response, int status, String part)
      throws IOException {
    assertEquals(status, response.statusCode(), response.body());
    String error = json(response).get("error").asText();
    assertTrue(error.contains(part), error);
  }

  @Test
  void aNewVersionIsServedWithoutARestartAndTheOldOneIsFreed() throws Exception {
    serve("iris", "iris_mlp");
    copyTree(SAVED.resolve("iris_mlp/model"), base.resolve("2")); // not atomic: polls may see a part
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!server.versions().equals(java.util.Set.of(2L)) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(java.util.Set.of(2L), server.versions());
    assertTrue(get("/v1/models/iris").body().contains("\"version\":\"2\""));
    assertEquals(404, post("/v1/models/iris/versions/1:predict",
        rows(new float[][] {{1, 2, 3, 4}})).statusCode());
  }

  @Test
  void twoInputsByNameInRowsAndMetricsCountThem() throws Exception {
    serve("two", "two_inputs");
    float[][] features = Npy.read(SAVED.resolve("two_inputs/x_features.npy")).toFloatMatrix();
    float[][] extra = Npy.read(SAVED.resolve("two_inputs/x_extra.npy")).toFloatMatrix();
    float[][] expected = Npy.read(SAVED.resolve("two_inputs/y_output_0.npy")).toFloatMatrix();
    StringBuilder body = new StringBuilder("{\"instances\": [");
    for (int i = 0; i < features.length; i++) {
      body.append(i > 0 ? "," : "").append("{\"features\": ")
          .append(PredictRequest.JSON.writeValueAsString(features[i])).append(", \"extra\": ")
          .append(PredictRequest.JSON.writeValueAsString(extra[i])).append("}");
    }
    JsonNode predictions = json(post("/v1/models/two:predict", body + "]}")).get("predictions");
    for (int i = 0; i < features.length; i++) {
      assertEquals(expected[i][1], predictions.get(i).get(1).floatValue(), 1e-5);
    }
    String metrics = get("/monitoring/prometheus/metrics").body();
    assertTrue(metrics.contains("tfbridge_requests_total{code=\"200\",kind=\"predict\","
        + "model=\"two\",version=\"1\"} 1.0"), metrics);
    assertTrue(metrics.contains("tfbridge_loaded_versions{model=\"two\"} 1.0"), metrics);
    assertEquals(200, get("/readyz").statusCode());
    assertEquals(200, get("/healthz").statusCode());
  }
}

package io.tfbridge.serving;

import static io.tfbridge.serving.ModelServerTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfbridge.data.HostArrays;
import io.tfbridge.data.Npy;
import io.tfbridge.inference.Predictor;
import io.tfbridge.interop.ModelFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Several models from TF Serving's {@code --model_config_file}: each answers with its own model,
 * version policies and labels work as TF Serving's, and a re-read file adds and removes models
 * without a restart (a bad one keeps the config in force).
 */
class ModelConfigServerTest {
  private static final Path SAVED = ModelServerTest.SAVED.resolve("iris_mlp/model");
  private static final Path KERAS = Path.of("../interop/src/test/resources/keras/iris/model.keras");
  private static final float[][] X = read();

  private final HttpClient http = HttpClient.newHttpClient();
  private ModelServer server;

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static float[][] read() {
    try {
      return Npy.read(ModelServerTest.SAVED.resolve("iris_mlp/x_keras_tensor.npy"))
          .toFloatMatrix();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A base path holding the SavedModel as version 1 (and 3) and the Keras file as version 2. */
  private Path versions(String name, long... numbers) throws IOException {
    Path base = dir.resolve(name).toAbsolutePath();
    for (long v : numbers) {
      if (v == 2) {
        Files.createDirectories(base.resolve("2"));
        Files.copy(KERAS, base.resolve("2/model.keras"));
      } else {
        ModelServerTest.copyTree(SAVED, base.resolve(String.valueOf(v)));
      }
    }
    return base;
  }

  private static String model(String name, Path base, String more) {
    return "  config { name: '" + name + "' base_path: '" + base + "' model_platform: 'tensorflow'"
        + " " + more + " }\n";
  }

  /** Writes the config file whole (a poll never sees half of it). */
  private Path config(String... models) throws IOException {
    Path file = dir.resolve("models.config");
    Path next = Files.writeString(dir.resolve("next.config"), "model_config_list {\n"
        + String.join("", models) + "}\n");
    return Files.move(next, file, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).POST(
        HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  /** The {@code predictions} of {@code path} for {@link #X}. */
  private JsonNode predict(String path) throws Exception {
    HttpResponse<String> r = post(path, "{\"instances\": "
        + PredictRequest.JSON.writeValueAsString(X) + "}");
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    return PredictRequest.JSON.readTree(r.body()).get("predictions");
  }

  private static void assertPredicts(Path model, JsonNode predictions) {
    try (Predictor java = ModelFiles.open(model)) {
      FloatNdArray y = (FloatNdArray) java.predict(Map.of(java.inputs().get(0).name(),
          HostArrays.of(X))).values().iterator().next();
      for (int i = 0; i < X.length; i++) {
        for (int j = 0; j < y.shape().get(1); j++) {
          assertEquals(y.getFloat(i, j), predictions.get(i).get(j).floatValue(), 1e-6f, model
              + " row " + i);
        }
      }
    }
  }

  @Test
  void twoModelsAtOnceEachAnswerWithTheirOwn() throws Exception {
    Path saved = versions("saved", 1);
    Path keras = versions("keras", 2);
    server = ModelServer.start(ServerConfig.fromFile(config(model("saved", saved, ""),
        model("keras", keras, ""))).port(0));
    assertEquals(Set.of("keras", "saved"), server.models());
    JsonNode fromSaved = predict("/v1/models/saved:predict");
    JsonNode fromKeras = predict("/v1/models/keras:predict");
    assertPredicts(SAVED, fromSaved);
    assertPredicts(KERAS, fromKeras);
    assertNotEquals(fromSaved, fromKeras);
    assertError(post("/v1/models/nope:predict", "{\"instances\": [[1, 2, 3, 4]]}"), 404,
        "Servable not found for request: Latest(nope)");
    assertError(get("/v1/models/nope"), 404, "Could not find any versions of model nope");
    assertEquals(200, get("/readyz").statusCode());
    String metrics = get("/monitoring/prometheus/metrics").body();
    assertTrue(metrics.contains("tfbridge_requests_total{code=\"200\",kind=\"predict\","
        + "model=\"keras\",version=\"2\"} 1.0"), metrics);
    assertTrue(metrics.contains("tfbridge_loaded_versions{model=\"saved\"} 1.0"), metrics);
    assertTrue(metrics.contains("tfbridge_loaded_versions{model=\"keras\"} 1.0"), metrics);
  }

  @Test
  void specificVersionsAndLabelsAnswerAsTheirVersions() throws Exception {
    Path base = versions("iris", 1, 2, 3);
    server = ModelServer.start(ServerConfig.fromFile(config(model("iris", base,
        "model_version_policy { specific { versions: 1 versions: 2 } } "
        + "version_labels { key: 'stable' value: 1 } version_labels { key: 'canary' value: 2 }")))
        .port(0));
    assertEquals(Set.of(1L, 2L), server.versions("iris"));
    assertEquals(predict("/v1/models/iris/versions/1:predict"),
        predict("/v1/models/iris/labels/stable:predict"));
    assertEquals(predict("/v1/models/iris/versions/2:predict"),
        predict("/v1/models/iris/labels/canary:predict"));
    assertNotEquals(predict("/v1/models/iris/labels/stable:predict"),
        predict("/v1/models/iris/labels/canary:predict"));
    assertEquals("2", PredictRequest.JSON.readTree(get("/v1/models/iris/labels/canary/metadata")
        .body()).at("/model_spec/version").asText());
    assertEquals(2, PredictRequest.JSON.readTree(get("/v1/models/iris/labels/canary").body())
        .get("model_version_status").size(), "TF Serving's status ignores the label");
    assertError(post("/v1/models/iris/labels/nope:predict", "{\"instances\": [[1, 2, 3, 4]]}"),
        400, "Unrecognized servable version label: nope");
    assertError(get("/v1/models/iris/labels/nope/metadata"), 400,
        "Unrecognized servable version label: nope");
    assertError(post("/v1/models/iris/versions/3:predict", "{\"instances\": [[1, 2, 3, 4]]}"),
        404, "Servable not found for request: Specific(iris, 3)");
    String metrics = get("/monitoring/prometheus/metrics").body();
    assertTrue(metrics.contains("kind=\"predict\",model=\"iris\",version=\"1\"} 3.0"), metrics);
  }

  @Test
  void aLabelToAVersionNotServedIsRefusedAtStartUnlessAllowed() throws Exception {
    Path base = versions("iris", 1);
    ServerConfig config = ServerConfig.fromFile(config(model("iris", base,
        "version_labels { key: 'stable' value: 1 } version_labels { key: 'next' value: 4 }")))
        .port(0);
    String message = assertThrows(IllegalArgumentException.class,
        () -> ModelServer.start(config)).getMessage();
    assertTrue(message.startsWith("Request to assign label to version 4 of model iris, which is "
        + "not currently available for inference"), message);
    server = ModelServer.start(config.allowVersionLabelsForUnavailableModels(true));
    predict("/v1/models/iris/labels/stable:predict");
    assertError(post("/v1/models/iris/labels/next:predict", "{\"instances\": [[1, 2, 3, 4]]}"),
        404, "Servable not found for request: Specific(iris, 4)");
  }

  @Test
  void aReloadAddsRemovesAndRelabelsModelsAndABadFileKeepsTheConfig() throws Exception {
    Path iris = versions("iris", 1, 2);
    Path other = versions("other", 2);
    String all = "model_version_policy { all {} } ";
    server = ModelServer.start(ServerConfig.fromFile(config(model("iris", iris,
        all + "version_labels { key: 'stable' value: 1 }"))).port(0)
        .modelConfigFilePollInterval(Duration.ofMillis(100)));
    assertError(get("/v1/models/other"), 404, "Could not find any versions of model other");
    config(model("iris", iris, all + "version_labels { key: 'stable' value: 2 }"),
        model("other", other, ""));
    await(() -> server.models().equals(Set.of("iris", "other")));
    assertPredicts(KERAS, predict("/v1/models/other:predict"));
    await(() -> label("stable").equals("2"));
    assertEquals(predict("/v1/models/iris/versions/2:predict"),
        predict("/v1/models/iris/labels/stable:predict"));

    LogRecords errors = LogRecords.of(ModelServer.class);
    Files.writeString(dir.resolve("models.config"), "model_config_list { config { name: ");
    await(() -> errors.contains("Kept the model config in force: Invalid protobuf file"));
    assertEquals(Set.of("iris", "other"), server.models());
    config(model("iris", iris, all + "version_labels { key: 'stable' value: 9 }"));
    await(() -> errors.contains("Request to assign label to version 9 of model iris"));
    assertEquals(Set.of("iris", "other"), server.models(), "a refused label changes nothing");
    errors.close();

    config(model("other", other, ""));
    await(() -> server.models().equals(Set.of("other")));
    assertError(post("/v1/models/iris:predict", "{\"instances\": [[1, 2, 3, 4]]}"), 404,
        "Servable not found for request: Latest(iris)");
    String metrics = get("/monitoring/prometheus/metrics").body();
    assertTrue(!metrics.contains("tfbridge_loaded_versions{model=\"iris\"}"), metrics);
    assertEquals(200, get("/readyz").statusCode());
  }

  @Test
  void aRequestInFlightFinishesOnAModelThatWasRemovedOrMoved() throws Exception {
    Path saved = versions("saved", 1);
    Path keras = versions("keras", 2);
    try (ServedModels models = new ServedModels(
        io.tfbridge.interop.savedmodel.UnsafeOps.Policy.REFUSE, false)) {
      models.start(java.util.List.of(ModelEntry.of("a", saved), ModelEntry.of("b", saved)));
      ModelVersion removed = models.acquire("a", null, null);
      ModelVersion moved = models.acquire("b", 1L, null);
      models.apply(java.util.List.of(ModelEntry.of("b", keras)));
      assertEquals(Set.of("b"), models.all().keySet());
      assertEquals(Set.of(2L), models.find("b").versions().keySet(), "b now from its new path");
      for (ModelVersion held : java.util.List.of(removed, moved)) {
        assertTrue(held.loaded(), "held by its request");
        assertEquals(1, held.predictor().predict(Map.of(held.predictor().inputs().get(0).name(),
            HostArrays.of(X))).size());
        held.release();
        assertTrue(!held.loaded(), "freed when its last request ends");
      }
      assertNotServed(models, "a", "Servable not found for request: Latest(a)");
    }
  }

  private static void assertNotServed(ServedModels models, String name, String message) {
    assertEquals(message, assertThrows(ServingException.class,
        () -> models.acquire(name, null, null)).getMessage());
  }

  private String label(String label) throws Exception {
    return PredictRequest.JSON.readTree(get("/v1/models/iris/labels/" + label + "/metadata")
        .body()).at("/model_spec/version").asText();
  }

  /** Waits (up to a minute, polling) until {@code condition} holds; fails if it never does. */
  private static void await(Callable condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (!condition.call()) {
      assertTrue(System.nanoTime() < deadline, "the server never got there");
      Thread.sleep(50);
    }
  }

  /** A condition that may throw. */
  private interface Callable {
    boolean call() throws Exception;
  }

  /** The messages a class's {@code System.Logger} logs (through java.util.logging), kept. */
  private static final class LogRecords extends Handler {
    private final Logger logger;
    private final CopyOnWriteArrayList<String> messages = new CopyOnWriteArrayList<>();

    private LogRecords(Logger logger) {
      this.logger = logger;
    }

    static LogRecords of(Class<?> type) {
      LogRecords records = new LogRecords(Logger.getLogger(type.getName()));
      records.logger.addHandler(records);
      return records;
    }

    boolean contains(String part) {
      return messages.stream().anyMatch(m -> m.contains(part));
    }

    @Override
    public void publish(LogRecord record) {
      messages.add(record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
    }
  }
}

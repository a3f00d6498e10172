package io.tfbridge.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfbridge.inference.Predictor;
import io.tfbridge.interop.ModelFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.StdArrays;

/** {@code --enable_batching} over the iris SavedModel: concurrent requests share runs. */
class BatchingTest {
  private static final Path IRIS = ModelServerTest.SAVED.resolve("iris_mlp/model");
  private static final long LONG = 60_000_000;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ExecutorService clients = Executors.newFixedThreadPool(32);
  private ModelServer server;

  @AfterEach
  void stop() {
    clients.shutdownNow();
    if (server != null) {
      server.close();
    }
  }

  private void serve(BatchingParameters batching) {
    server = ModelServer.start(ServerConfig.of("iris", IRIS).port(0).batching(batching));
  }

  private static BatchingParameters params(long max, long timeoutMicros, Long... allowed) {
    return new BatchingParameters(max, timeoutMicros, 10, 2, "batch", List.of(allowed));
  }

  private CompletableFuture<HttpResponse<String>> post(float[][] rows) {
    String body;
    try {
      body = "{\"instances\": " + PredictRequest.JSON.writeValueAsString(rows) + "}";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return CompletableFuture.supplyAsync(() -> {
      try {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
            + "/v1/models/iris:predict")).POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, clients);
  }

  private static float[][] rows(Random random, int n, int width) {
    float[][] x = new float[n][width];
    for (float[] row : x) {
      for (int j = 0; j < width; j++) {
        row[j] = random.nextFloat() * 8;
      }
    }
    return x;
  }

  /** The model's answer to {@code x} alone, without the server. */
  private static float[][] alone(Predictor model, float[][] x) {
    FloatNdArray y = model.predict(StdArrays.ndCopyOf(x));
    return StdArrays.array2dCopyOf(y);
  }

  private static void assertRows(float[][] expected, HttpResponse<String> answer)
      throws Exception {
    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode predictions = PredictRequest.JSON.readTree(answer.body()).get("predictions");
    assertEquals(expected.length, predictions.size(), answer.body());
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        assertEquals(expected[i][j], predictions.get(i).get(j).floatValue(), 1e-5);
      }
    }
  }

  private String metrics() throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + "/monitoring/prometheus/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static double metric(String text, String name) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(text);
    assertTrue(m.find(), name + " in " + text);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void concurrentRequestsShareOneRunAndEachGetsExactlyItsRows() throws Exception {
    Random random = new Random(7);
    List<float[][]> requests = new ArrayList<>();
    int total = 0;
    for (int i = 0; i < 32; i++) {
      requests.add(rows(random, 1 + (i % 4 == 0 ? 3 : 0) + (i % 7 == 0 ? 1 : 0), 4));
      total += requests.get(i).length;
    }
    serve(params(total, LONG)); // the one batch runs when every request has joined it
    List<CompletableFuture<HttpResponse<String>>> answers = requests.stream().map(this::post)
        .toList();
    try (Predictor model = ModelFiles.open(IRIS)) {
      for (int i = 0; i < requests.size(); i++) {
        assertRows(alone(model, requests.get(i)), answers.get(i).get());
      }
    }
    String metrics = metrics();
    assertEquals(1, metric(metrics, "tfbridge_batch_size_count{model=\"iris\"}"), metrics);
    assertEquals(total, metric(metrics, "tfbridge_batch_size_sum{model=\"iris\"}"), metrics);
  }

  @Test
  void aLoneRequestIsAnsweredWhenTheTimeoutFlushesItsPartialBatch() throws Exception {
    serve(params(1000, 20_000));
    float[][] x = rows(new Random(1), 2, 4);
    HttpResponse<String> answer = post(x).get();
    try (Predictor model = ModelFiles.open(IRIS)) {
      assertRows(alone(model, x), answer);
    }
    assertEquals(2, metric(metrics(), "tfbridge_batch_size_sum{model=\"iris\"}"));
  }

  @Test
  void aBadRequestGetsItsErrorAndTheOthersInTheBatchSucceed() throws Exception {
    serve(params(4, LONG));
    Random random = new Random(3);
    List<float[][]> good = List.of(rows(random, 1, 4), rows(random, 1, 4), rows(random, 2, 4));
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    good.forEach(x -> answers.add(post(x)));
    HttpResponse<String> narrow = post(rows(random, 1, 3)).get();
    HttpResponse<String> large = post(rows(random, 5, 4)).get();
    ModelServerTest.assertError(narrow, 400, "keras_tensor");
    ModelServerTest.assertError(large, 400, "Task size 5 is larger than maximum input batch "
        + "size 4");
    try (Predictor model = ModelFiles.open(IRIS)) {
      for (int i = 0; i < good.size(); i++) {
        assertRows(alone(model, good.get(i)), answers.get(i).get());
      }
    }
  }

  @Test
  void allowedBatchSizesPadTheBatchAndThePaddingIsDropped() throws Exception {
    serve(params(8, 1_000, 4L, 8L));
    float[][] x = rows(new Random(5), 3, 4);
    HttpResponse<String> answer = post(x).get();
    try (Predictor model = ModelFiles.open(IRIS)) {
      assertRows(alone(model, x), answer);
    }
  }

  @Test
  void paddingRepeatsTheFirstRow() {
    FloatNdArray a = StdArrays.ndCopyOf(new float[][] {{1, 2}});
    FloatNdArray b = StdArrays.ndCopyOf(new float[][] {{3, 4}, {5, 6}});
    var specs = List.of(new io.tfbridge.inference.TensorSpec("x",
        io.tfbridge.inference.DType.FLOAT32, org.tensorflow.ndarray.Shape.of(-1, 2)));
    assertEquals(2, BatchTensors.rows(specs, Map.of("x", b)));
    assertEquals(-1, BatchTensors.rows(specs, Map.of("x", NdArrays.ofFloats(
        org.tensorflow.ndarray.Shape.of(1, 3)))));
    FloatNdArray merged = (FloatNdArray) BatchTensors.concat(specs, List.of(Map.of("x", a),
        Map.of("x", b)), 4).get("x");
    assertEquals(List.of(List.of(1f, 2f), List.of(3f, 4f), List.of(5f, 6f), List.of(1f, 2f)),
        java.util.Arrays.stream(StdArrays.array2dCopyOf(merged)).map(r -> List.of(r[0], r[1]))
            .toList());
  }

  @Test
  void aRetiredVersionIsFreedOnlyWhenTheBatchHoldingItHasRun(@TempDir Path base)
      throws Exception {
    ModelServerTest.copyTree(IRIS, base.resolve("1"));
    server = ModelServer.start(ServerConfig.of("iris", base).port(0)
        .pollInterval(Duration.ofMillis(100)).batching(params(1000, 3_000_000)));
    float[][] x = rows(new Random(9), 1, 4);
    CompletableFuture<HttpResponse<String>> waiting = post(x); // waits 3 s for rows to join it
    Thread.sleep(200);
    ModelServerTest.copyTree(IRIS, base.resolve("2"));
    while (!server.versions().equals(java.util.Set.of(2L))) {
      Thread.sleep(50);
    }
    assumeFalse(waiting.isDone(), "the machine was too slow to retire version 1 within 3 s");
    try (Predictor model = ModelFiles.open(IRIS)) {
      assertRows(alone(model, x), waiting.get());
    }
    assertTrue(metrics().contains("tfbridge_requests_total{code=\"200\",kind=\"predict\","
        + "model=\"iris\",version=\"1\"} 1.0"), "version 1 answered after it was retired");
  }

  private static long later() {
    return System.nanoTime() + Duration.ofMinutes(1).toNanos();
  }

  @Test
  void aRequestWhoseBatchHasNotStartedByItsDeadlineGets503() throws Exception {
    var gate = new java.util.concurrent.CountDownLatch(1);
    try (BatchScheduler batches = new BatchScheduler(new BatchingParameters(1, 0, 10, 1, "b",
        List.of()), new ServingMetrics())) {
      BatchScheduler.Queue queue = new BatchScheduler.Queue("slow", new GatedPredictor(gate));
      var running = batches.schedule(queue, Map.of("x", StdArrays.ndCopyOf(new float[][] {{1}})),
          1, later());
      var late = batches.schedule(queue, Map.of("x", StdArrays.ndCopyOf(new float[][] {{2}})),
          1, System.nanoTime());
      gate.countDown();
      assertEquals(1, running.get().get("y").shape().get(0));
      var error = assertThrows(java.util.concurrent.ExecutionException.class, late::get);
      assertEquals(503, ((ServingException) error.getCause()).status());
      assertEquals("The request timed out waiting for its batch to run",
          error.getCause().getMessage());
    }
  }

  @Test
  void aFullQueueAnswers503AndTheRestRun() throws Exception {
    var gate = new java.util.concurrent.CountDownLatch(1);
    Predictor slow = new GatedPredictor(gate);
    try (BatchScheduler batches = new BatchScheduler(new BatchingParameters(1, 0, 1, 1, "b",
        List.of()), new ServingMetrics())) {
      BatchScheduler.Queue queue = new BatchScheduler.Queue("slow", slow);
      List<CompletableFuture<Map<String, org.tensorflow.ndarray.NdArray<?>>>> ran =
          new ArrayList<>();
      int refused = 0;
      for (int i = 0; i < 3; i++) {
        try {
          ran.add(batches.schedule(queue, Map.of("x", StdArrays.ndCopyOf(new float[][] {{i}})),
              1, later()));
        } catch (ServingException e) {
          assertEquals(503, e.status());
          assertEquals("The batch scheduling queue to which this task was submitted is full",
              e.getMessage());
          refused++;
        }
      }
      assertTrue(refused >= 1, "one batch runs, one waits: the third is refused");
      gate.countDown();
      for (var result : ran) {
        assertEquals(1, result.get().get("y").shape().get(0));
      }
    }
  }
}

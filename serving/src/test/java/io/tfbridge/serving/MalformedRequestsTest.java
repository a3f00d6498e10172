package io.tfbridge.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 seeded malformed {@code :predict} bodies (mutations of a valid one: cut, bytes flipped,
 * parts swapped for junk, wrong kinds and shapes) are all answered 4xx with an {@code error}, and
 * the server answers a valid request correctly afterwards; likewise 500 {@code :classify} bodies.
 */
class MalformedRequestsTest {
  private static final String VALID = "{\"instances\": [[5.1, 3.5, 1.4, 0.2], [6.2, 2.9, 4.3, 1.3]]}";
  private static final String VALID_CLASSIFY = "{\"context\": {\"n\": 3}, \"examples\": [{\"x\": "
      + "[1.5, -0.5], \"word\": \"cat\"}, {\"x\": [0.5, 2.0], \"word\": {\"b64\": \"/wA=\"}}]}";
  private static final String[] JUNK = {"", "{", "}", "[", "]", "\"", ",", ":", "null", "true",
      "-", "1e999", "NaN", "\"x\"", "{\"b64\": \"%%%\"}", "[[]]", "\\u0000", "instances", "inputs",
      "[[1,2],[3]]", "{\"instances\": []}", "\u00ff\u00fe", "examples", "context", "[]",
      "18446744073709551615", "1.5"};

  @TempDir
  Path base;

  @Test
  void everyMalformedBodyGetsA4xxAndTheServerStillAnswers() throws Exception {
    ModelServerTest.copyTree(ModelServerTest.SAVED.resolve("iris_mlp/model"), base.resolve("1"));
    try (ModelServer server = ModelServer.start(ServerConfig.of("iris", base).port(0))) {
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/models/iris:predict");
      assertRefused(uri, VALID, "{\"predictions\":", 1000, 900);
    }
  }

  @Test
  void everyMalformedClassifyBodyGetsA4xxAndTheServerStillAnswers() throws Exception {
    ModelServerTest.copyTree(Path.of("src/test/resources/classify/model"), base.resolve("1"));
    try (ModelServer server = ModelServer.start(ServerConfig.of("cls", base).port(0))) {
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/models/cls:classify");
      assertRefused(uri, VALID_CLASSIFY, "{\"results\":", 500, 400);
    }
  }

  /**
   * Posts {@code count} mutations of {@code valid}: each is answered 4xx with an error or 200 with
   * a body starting {@code okStart}, more than {@code minRefused} are refused, and {@code valid} is
   * answered 200 afterwards.
   */
  private static void assertRefused(URI uri, String valid, String okStart, int count,
      int minRefused) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<String> bad = new ArrayList<>();
    Random random = new Random(42);
    int answered4xx = 0;
    for (int i = 0; i < count; i++) {
      String body = mutate(random, valid);
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).POST(
          HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1)).build(),
          HttpResponse.BodyHandlers.ofString());
      boolean ok = r.statusCode() == 200 && r.body().startsWith(okStart);
      boolean clientError = r.statusCode() >= 400 && r.statusCode() < 500
          && r.body().startsWith("{\"error\":");
      if (clientError) {
        answered4xx++;
      } else if (!ok) {
        bad.add(r.statusCode() + " for " + body + ": " + r.body());
      }
    }
    assertEquals(List.of(), bad);
    assertTrue(answered4xx > minRefused, answered4xx + " of " + count + " were refused");
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri)
        .POST(HttpRequest.BodyPublishers.ofString(valid)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
  }

  /** A valid body damaged one to three times (a damage may leave it valid: then 200 is right). */
  private static String mutate(Random random, String valid) {
    StringBuilder body = new StringBuilder(valid);
    for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
      int at = random.nextInt(body.length() + 1);
      switch (random.nextInt(4)) {
        case 0 -> body.setLength(at);
        case 1 -> body.insert(at, JUNK[random.nextInt(JUNK.length)]);
        case 2 -> {
          if (at < body.length()) {
            body.setCharAt(at, (char) random.nextInt(256));
          }
        }
        default -> body.replace(at, Math.min(body.length(), at + 1 + random.nextInt(8)),
            JUNK[random.nextInt(JUNK.length)]);
      }
    }
    return body.toString();
  }
}

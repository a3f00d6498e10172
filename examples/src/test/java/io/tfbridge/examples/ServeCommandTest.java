package io.tfbridge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code tfbridge serve} as a process: it answers TF Serving requests and exits 0 on SIGTERM. */
class ServeCommandTest {
  private static final Pattern SERVING = Pattern.compile("Serving iris versions \\[1\\] on port (\\d+)");

  @Test
  void servesAKerasFileAndDrainsOnSigterm() throws Exception {
    Path keras = Path.of("../interop/src/test/resources/keras/iris/model.keras").toAbsolutePath();
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), Cli.class.getName(), "serve",
        "--model_name", "iris", "--model_base_path", keras.toString(), "--rest_api_port", "0");
    Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
          StandardCharsets.UTF_8));
      String line = out.readLine();
      Matcher m = SERVING.matcher(String.valueOf(line));
      assertTrue(m.find(), "first line: " + line);
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + m.group(1) + "/v1/models/iris:predict"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"instances\": [[5.1, 3.5, 1.4, 0.2]]}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode(), answer.body());
      assertTrue(answer.body().startsWith("{\"predictions\":[["), answer.body());
      server.destroy(); // SIGTERM
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server stops after SIGTERM");
      assertEquals(0, server.exitValue());
    } finally {
      server.destroyForcibly();
    }
  }
}

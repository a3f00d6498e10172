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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tfbridge serve} as a process: it answers TF Serving requests and exits 0 on SIGTERM. */
class ServeCommandTest {
  private static final Path KERAS = Path.of("../interop/src/test/resources/keras/iris/model.keras")
      .toAbsolutePath();
  private static final Path SAVED = Path.of("../interop/src/test/resources/savedmodel/iris_mlp/"
      + "model").toAbsolutePath();
  private static final String ROW = "{\"instances\": [[5.1, 3.5, 1.4, 0.2]]}";

  @TempDir
  Path dir;

  @Test
  void servesAKerasFileAndDrainsOnSigterm() throws Exception {
    serve(Pattern.compile("Serving iris versions \\[1\\] on port (\\d+)"), List.of(
        "--model_name", "iris", "--model_base_path", KERAS.toString()),
        "/v1/models/iris:predict");
  }

  @Test
  void servesTheModelsOfAConfigFileWithTheirLabels() throws Exception {
    Path config = Files.writeString(dir.resolve("models.config"), """
        model_config_list {
          config { name: 'iris' base_path: '%s' model_platform: 'tensorflow'
                   version_labels { key: 'stable' value: 1 } }
          config { name: 'saved' base_path: '%s' model_platform: 'tensorflow' }
        }
        """.formatted(KERAS, SAVED));
    serve(Pattern.compile("Serving iris versions \\[1\\], saved versions \\[1\\] on port (\\d+)"),
        List.of("--model_config_file", config.toString(), "--model_config_file_poll_wait_seconds",
            "60"), "/v1/models/iris/labels/stable:predict", "/v1/models/saved:predict");
  }

  @Test
  void withoutABasePathOrAConfigFileItSaysWhatIsNeededAndABadFileByLine() throws Exception {
    CliRun neither = CliRun.of("serve", "--model_name", "iris");
    assertEquals(Cli.USAGE_ERROR, neither.code(), neither.describe());
    assertTrue(neither.err().contains("Both --model_base_path and --model_config_file are empty"),
        neither.describe());
    Path config = Files.writeString(dir.resolve("bad.config"), "model_config_list {\n"
        + "  config { name: 'iris' base_pth: '/m' }\n}\n");
    CliRun bad = CliRun.of("serve", "--model_config_file", config.toString());
    assertEquals(Cli.RUNTIME_ERROR, bad.code(), bad.describe());
    assertTrue(bad.err().contains("Invalid protobuf file: '" + config + "': line 2, column 25: "
        + "Message type \"tensorflow.serving.ModelConfig\" has no field named \"base_pth\""),
        bad.describe());
  }

  @Test
  void batchesWithAParametersFileAndRefusesABadOneOrOneWithoutEnableBatching() throws Exception {
    Path params = Files.writeString(dir.resolve("batching.config"),
        "max_batch_size { value: 8 }\nbatch_timeout_micros { value: 1000 }\n");
    serve(Pattern.compile("Serving iris versions \\[1\\] on port (\\d+)"), List.of(
        "--model_name", "iris", "--model_base_path", KERAS.toString(), "--enable_batching",
        "--batching_parameters_file", params.toString()), "/v1/models/iris:predict");
    CliRun alone = CliRun.of("serve", "--model_base_path", KERAS.toString(),
        "--batching_parameters_file", params.toString());
    assertEquals(Cli.USAGE_ERROR, alone.code(), alone.describe());
    assertTrue(alone.err().contains("--batching_parameters_file is set without setting "
        + "--enable_batching to true"), alone.describe());
    Path bad = Files.writeString(dir.resolve("bad_batching.config"),
        "max_batch_size { value: 8 }\nmax_batch_sise { value: 9 }\n");
    CliRun refused = CliRun.of("serve", "--model_base_path", KERAS.toString(),
        "--enable_batching", "--batching_parameters_file", bad.toString());
    assertEquals(Cli.RUNTIME_ERROR, refused.code(), refused.describe());
    assertTrue(refused.err().contains("Invalid protobuf file: '" + bad + "': line 2, column 1: "
        + "Message type \"tensorflow.serving.BatchingParameters\" has no field named "
        + "\"max_batch_sise\""), refused.describe());
  }

  /** Runs {@code serve} with {@code args}, posts {@link #ROW} to each path, then SIGTERM. */
  private static void serve(Pattern serving, List<String> args, String... paths)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"),
        "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        Cli.class.getName(), "serve", "--rest_api_port", "0"));
    command.addAll(args);
    Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
          StandardCharsets.UTF_8));
      String line = out.readLine();
      Matcher m = serving.matcher(String.valueOf(line));
      assertTrue(m.find(), "first line: " + line);
      for (String path : paths) {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + m.group(1) + path))
            .POST(HttpRequest.BodyPublishers.ofString(ROW)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        assertTrue(answer.body().startsWith("{\"predictions\":[["), answer.body());
      }
      server.destroy(); // SIGTERM
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server stops after SIGTERM");
      assertEquals(0, server.exitValue());
    } finally {
      server.destroyForcibly();
    }
  }
}

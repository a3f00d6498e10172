package io.tfbridge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lesson cnn --tensorboard DIR} writes Keras's TensorBoard logs: event files in train/ and
 * validation/ that {@code models/python/check_tensorboard_logs.py} reads (with
 * {@code TFBRIDGE_PYTHON}) with the epoch figures the progress lines printed.
 */
class LessonTensorBoardTest {
  private static final Pattern FIGURE = Pattern.compile(" - ([a-z_]+): ([-\\d.]+(?:e[-+]\\d+)?)");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void cnnWritesTrainAndValidationLogs() throws Exception {
    Path logs = tmp.resolve("logs");
    // 180 training digits in batches of 64: 3 steps an epoch; 20 validate
    CliRun run = CliRun.of("lesson", "cnn", "--epochs", "2", "--limit", "200", "--tensorboard",
        logs.toString());
    assertEquals(Cli.OK, run.code(), run::describe);
    for (String dir : List.of("train", "validation")) {
      try (Stream<Path> files = Files.list(logs.resolve(dir))) {
        assertEquals(1, files.filter(f -> f.getFileName().toString()
            .startsWith("events.out.tfevents.")).count(), dir);
      }
    }
    List<Map<String, Double>> epochs = run.lines().stream().filter(l -> l.startsWith("Epoch "))
        .map(LessonTensorBoardTest::figures).toList();
    assertEquals(2, epochs.size(), run::describe);
    pythonReads(logs, epochs);
  }

  private static Map<String, Double> figures(String line) {
    Map<String, Double> figures = new LinkedHashMap<>();
    Matcher m = FIGURE.matcher(line);
    while (m.find()) {
      figures.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return figures;
  }

  /** The epoch figures, the evaluations after 3, 6 steps, the rate, the graph. */
  private static ObjectNode expected(List<Map<String, Double>> epochs) {
    ObjectNode scalars = JSON.createObjectNode();
    for (int e = 0; e < epochs.size(); e++) {
      for (var figure : epochs.get(e).entrySet()) {
        String name = figure.getKey();
        if (name.startsWith("val_")) {
          put(scalars, "validation", "epoch_" + name.substring(4), e, figure.getValue());
          put(scalars, "validation", "evaluation_" + name.substring(4) + "_vs_iterations",
              3 * (e + 1), figure.getValue());
        } else {
          put(scalars, "train", "epoch_" + name, e, figure.getValue());
        }
      }
      put(scalars, "train", "epoch_learning_rate", e, 0.001); // adam's default
    }
    ObjectNode expected = JSON.createObjectNode().put("graph", true);
    expected.set("scalars", scalars);
    return expected;
  }

  private static void put(ObjectNode scalars, String run, String tag, int step, double value) {
    scalars.withObjectProperty(run).withObjectProperty(tag).put(Integer.toString(step), value);
  }

  /** The printed figures (4 decimals) are the logs' within 1e-4; steps as Keras's. */
  private static void pythonReads(Path logs, List<Map<String, Double>> epochs) throws Exception {
    String python = System.getenv("TFBRIDGE_PYTHON");
    Assumptions.assumeTrue(python != null && !python.isBlank(), "TFBRIDGE_PYTHON is not set");
    Path file = logs.resolve("expected.json");
    JSON.writeValue(file.toFile(), expected(epochs));
    Path script = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent()
        .resolve("models/python/check_tensorboard_logs.py");
    Process p = new ProcessBuilder(python, script.toString(), logs.toString(), file.toString(),
        "--atol", "1e-4").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "check_tensorboard_logs.py timed out");
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("OK tensorboard"), out);
  }
}

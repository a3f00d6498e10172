package io.tfbridge.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What {@code models/python/check_tensorboard_logs.py} must read in a log directory (TensorBoard's
 * own reader, or TensorFlow's; the interpreter in {@code TFBRIDGE_PYTHON}, the check skipped
 * without it): scalars by run, tag and step, timed scalars, histograms, the graph.
 */
final class PythonTensorBoardCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ObjectNode root = JSON.createObjectNode();

  /** Expects {@code tag} in {@code run} at {@code steps} with {@code values}. */
  PythonTensorBoardCheck scalars(String run, String tag, List<Long> steps, List<Double> values) {
    ObjectNode byStep = root.withObjectProperty("scalars").withObjectProperty(run).putObject(tag);
    for (int i = 0; i < steps.size(); i++) {
      byStep.put(Long.toString(steps.get(i)), values.get(i));
    }
    return this;
  }

  /** Expects {@code tag} in {@code run} with positive values (a rate: steps per second). */
  PythonTensorBoardCheck timed(String run, String tag) {
    root.withObjectProperty("timed").withArrayProperty(run).add(tag);
    return this;
  }

  /** Expects a histogram at {@code steps}, the last one of {@code weights}. */
  PythonTensorBoardCheck histogram(String tag, List<Long> steps, float[] weights) {
    ObjectNode h = root.withObjectProperty("histograms").putObject(tag);
    ArrayNode at = h.putArray("steps");
    steps.forEach(at::add);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float w : weights) {
      min = Math.min(min, w);
      max = Math.max(max, w);
    }
    h.put("size", weights.length).put("min", min).put("max", max);
    return this;
  }

  /** Whether the train run holds a graph. */
  PythonTensorBoardCheck graph(boolean written) {
    root.put("graph", written);
    return this;
  }

  /** Runs the check on {@code logDir}; skipped without {@code TFBRIDGE_PYTHON}. */
  void assertReads(Path logDir, Path moduleDir) throws Exception {
    String python = System.getenv("TFBRIDGE_PYTHON");
    Assumptions.assumeTrue(python != null && !python.isBlank(), "TFBRIDGE_PYTHON is not set");
    Path expected = logDir.resolve("expected.json");
    JSON.writeValue(expected.toFile(), root);
    Path script = moduleDir.toAbsolutePath().getParent()
        .resolve("models/python/check_tensorboard_logs.py");
    Process p = new ProcessBuilder(python, script.toString(), logDir.toString(),
        expected.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "check_tensorboard_logs.py timed out");
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("OK tensorboard"), out);
  }
}

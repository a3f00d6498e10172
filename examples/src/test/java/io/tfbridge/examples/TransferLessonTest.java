package io.tfbridge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.tfbridge.data.HostArrays;
import io.tfbridge.data.Npy;
import io.tfbridge.data.NpyArray;
import io.tfbridge.datasets.Mnist;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.models.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * {@code tfbridge lesson transfer}: the Keras-made backbone loads, stays frozen while the new head
 * trains, the test loss falls, and the saved {@code .keras} file loads in Java and (with
 * {@code TFBRIDGE_PYTHON}) in Python Keras with the same predictions.
 */
class TransferLessonTest {

  @Test
  void theHeadTrainsOnTheFrozenBackboneAndTheFileLoadsInKeras(@TempDir Path tmp) throws Exception {
    Path saved = tmp.resolve("case/java.keras");
    Files.createDirectories(saved.getParent());
    CliRun run = CliRun.of("lesson", "transfer", "--epochs", "2", "--limit", "1500", "--quiet",
        "--output", saved.toString());
    assertEquals(Cli.OK, run.code(), run::describe);
    List<String> lines = run.lines();
    assertTrue(lines.get(0).startsWith("Backbone: mnist_backbone from mnist_backbone.keras (bundled), "
        + "frozen"), run::describe);
    double before = value(lines, "Test loss before training the head:");
    double after = value(lines, "Test loss after:");
    assertTrue(after < before - 0.1, () -> "loss did not fall: " + before + " -> " + after);
    assertTrue(Files.size(saved) > 0);

    Mnist.Images test = CnnLesson.first(Mnist.loadData().test(), 20);
    FloatNdArray x = HostArrays.of(test.toFloatPixels(), test.count(), 28, 28, 1);
    try (Model model = KerasFiles.load(saved)) {
      assertEquals(List.of("mnist_backbone", "digit_head"),
          model.layers().stream().map(n -> n.name()).toList());
      assertTrue(!model.getLayer("mnist_backbone").trainable(), "the backbone stays frozen in the file");
      FloatNdArray y = model.predict(x);
      Npy.write(saved.resolveSibling("x_0.npy"), NpyArray.ofFloats(HostArrays.toFlat(x), x.shape().asArray()));
      Npy.write(saved.resolveSibling("y.npy"), NpyArray.ofFloats(HostArrays.toFlat(y), y.shape().asArray()));
    }
    String python = System.getenv("TFBRIDGE_PYTHON");
    Assumptions.assumeTrue(python != null && !python.isBlank(), "TFBRIDGE_PYTHON is not set");
    Path script = Path.of(System.getProperty("user.dir")).getParent()
        .resolve("models/python/check_java_layers.py");
    Process p = new ProcessBuilder(python, script.toString(), tmp.toString(), "--atol", "1e-4")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "check_java_layers.py timed out");
    assertTrue(p.exitValue() == 0 && out.contains("OK case/java.keras"), out);
  }

  private static double value(List<String> lines, String label) {
    return lines.stream().filter(l -> l.startsWith(label)).findFirst()
        .map(l -> Double.parseDouble(l.substring(label.length()).trim()))
        .orElseThrow(() -> new AssertionError("no line '" + label + "' in " + lines));
  }
}

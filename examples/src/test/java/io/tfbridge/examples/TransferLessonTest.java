package io.tfbridge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.tfbridge.data.HostArrays;
import io.tfbridge.datasets.Mnist;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.models.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
      PythonKerasCheck.writeCase(saved.getParent(), x, model.predict(x));
    }
    PythonKerasCheck.assertKerasAgrees(tmp, 1e-4, "OK case/java.keras");
  }

  private static double value(List<String> lines, String label) {
    return lines.stream().filter(l -> l.startsWith(label)).findFirst()
        .map(l -> Double.parseDouble(l.substring(label.length()).trim()))
        .orElseThrow(() -> new AssertionError("no line '" + label + "' in " + lines));
  }
}

package io.tfbridge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.Npy;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.models.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's acceptance line 1 from the command line: for every optimizer setting of
 * {@code make_optimizer_golden.py} (each optimizer, schedules, clipping, weight decay, amsgrad, EMA,
 * accumulation, loss scale), {@code tfbridge fit} resumes Keras's file saved after one epoch and its
 * second epoch ends at Keras's own second-epoch weights within 1e-4.
 */
class FitResumeCommandTest {
  private static final Path CASES = Path.of(System.getProperty("user.dir")).getParent()
      .resolve("interop/src/test/resources/optimizers");

  @TempDir Path tmp;

  @Test
  void everyKerasOptimizerFileResumesWithTfbridgeFitAsKerasResumesIt() throws Exception {
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(CASES)) {
      cases = dirs.filter(d -> Files.exists(d.resolve("model.keras"))).sorted().toList();
    }
    assertTrue(cases.size() >= 20, cases::toString);
    for (Path dir : cases) {
      Path out = tmp.resolve(dir.getFileName() + ".keras");
      CliRun run = CliRun.of("fit", dir.resolve("model.keras").toString(), "--x",
          dir.resolve("x.npy").toString(), "--y", dir.resolve("y.npy").toString(), "--epochs", "1",
          "--batch-size", "4", "--no-shuffle", "--quiet", "--output", out.toString());
      assertEquals(Cli.OK, run.code(), run::describe);
      try (Model model = KerasFiles.load(out)) {
        List<float[]> weights = model.getWeights();
        for (int k = 0; k < weights.size(); k++) {
          float[] expected = Npy.read(dir.resolve("w2_" + k + ".npy")).toFloats();
          for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], weights.get(k)[i], 1e-4 * Math.max(1, Math.abs(expected[i])),
                dir.getFileName() + " weight " + k + "[" + i + "]");
          }
        }
      }
    }
  }
}

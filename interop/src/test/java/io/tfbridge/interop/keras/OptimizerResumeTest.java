package io.tfbridge.interop.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Training resumes across Java and Keras with every optimizer setting of
 * {@code make_optimizer_golden.py} ({@code resources/optimizers/<case>}): a Keras-made file saved
 * after one epoch (optimizer, slots, step count) trains its second epoch in Java, from
 * {@code .keras} and from {@code .h5}, to Keras's weights within 1e-5; Java's file after that epoch
 * trains its third epoch in Keras ({@code check_optimizer_resume.py}, with {@code TFBRIDGE_PYTHON})
 * to Keras's own third-epoch weights.
 */
class OptimizerResumeTest {
  private static final double TOLERANCE = 1e-5;
  private static final FitOptions EPOCH = FitOptions.epochs(1).batchSize(4).shuffle(false)
      .verbose(0);

  @TempDir Path tmp;

  @Test
  void kerasFilesResumeInJavaAndJavaFilesResumeInKeras() throws Exception {
    List<Path> cases = cases();
    assertTrue(cases.size() >= 6, cases::toString);
    for (Path dir : cases) {
      assertTrue(Files.exists(dir.resolve("model.keras")), dir::toString);
      for (String file : List.of("model.keras", "model.h5")) {
        if (Files.exists(dir.resolve(file))) { // no .h5 where Keras cannot write one (Adafactor)
          resumeInJava(dir, file);
        }
      }
    }
    String python = KerasTestData.python(); // skips the Keras half without TFBRIDGE_PYTHON
    Process p = new ProcessBuilder(python, KerasTestData.script("check_optimizer_resume.py")
        .toString(), tmp.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "check_optimizer_resume.py timed out");
    assertEquals(cases.size(), out.lines().filter(l -> l.startsWith("OK ")).count(), out);
    assertEquals(0, p.exitValue(), out);
  }

  /** The second epoch from a Keras file; the {@code .keras} one is saved for Keras's third. */
  private void resumeInJava(Path dir, String file) throws IOException {
    String what = dir.getFileName() + "/" + file;
    FloatNdArray x = KerasTestData.npy(dir.resolve("x.npy"));
    FloatNdArray y = KerasTestData.npy(dir.resolve("y.npy"));
    try (Model model = KerasFiles.load(dir.resolve(file))) {
      assertEquals(2, model.graph().iterations(), what + ": the step count Keras saved");
      model.fit(x, y, EPOCH);
      List<float[]> weights = model.getWeights();
      for (int k = 0; k < weights.size(); k++) {
        float[] expected = HostArrays.toFlat(KerasTestData.npy(dir.resolve("w2_" + k + ".npy")));
        for (int i = 0; i < expected.length; i++) {
          assertEquals(expected[i], weights.get(k)[i], TOLERANCE * Math.max(1, Math.abs(expected[i])),
              what + " weight " + k + "[" + i + "] after the resumed epoch");
        }
      }
      if (file.endsWith(".keras")) {
        Path out = Files.createDirectories(tmp.resolve(dir.getFileName().toString()));
        for (String name : List.of("x.npy", "y.npy", "w3_0.npy", "w3_1.npy", "w3_2.npy",
            "w3_3.npy")) {
          Files.copy(dir.resolve(name), out.resolve(name));
        }
        KerasFiles.save(model, out.resolve("java.keras"));
      }
    }
  }

  private static List<Path> cases() throws IOException, URISyntaxException {
    Path root = Path.of(OptimizerResumeTest.class.getResource("/optimizers").toURI());
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }
}

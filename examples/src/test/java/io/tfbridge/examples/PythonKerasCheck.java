package io.tfbridge.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.data.Npy;
import io.tfbridge.data.NpyArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Hands Java-written Keras files to real Python Keras ({@code models/python/check_java_layers.py},
 * the interpreter in {@code TFBRIDGE_PYTHON}; the check is skipped without it): each
 * {@code DIR/<case>/java.keras} (and {@code java.h5}) must predict {@code x_0.npy} as Java did,
 * {@code y.npy}.
 */
final class PythonKerasCheck {
  private PythonKerasCheck() {
  }

  /** Writes the input and Java's prediction beside a case's Java-written file. */
  static void writeCase(Path caseDir, FloatNdArray x, FloatNdArray y) throws IOException {
    Npy.write(caseDir.resolve("x_0.npy"), NpyArray.ofFloats(HostArrays.toFlat(x), x.shape().asArray()));
    Npy.write(caseDir.resolve("y.npy"), NpyArray.ofFloats(HostArrays.toFlat(y), y.shape().asArray()));
  }

  /** Asserts that Python Keras loads every Java-written file under {@code dir} and agrees. */
  static void assertKerasAgrees(Path dir, double atol, String expectedLine) throws Exception {
    String python = System.getenv("TFBRIDGE_PYTHON");
    Assumptions.assumeTrue(python != null && !python.isBlank(), "TFBRIDGE_PYTHON is not set");
    Path script = Path.of(System.getProperty("user.dir")).getParent()
        .resolve("models/python/check_java_layers.py");
    Process p = new ProcessBuilder(python, script.toString(), dir.toString(), "--atol",
        Double.toString(atol)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "check_java_layers.py timed out");
    assertTrue(p.exitValue() == 0 && out.contains(expectedLine), out);
  }
}

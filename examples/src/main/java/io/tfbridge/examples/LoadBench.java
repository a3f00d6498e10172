package io.tfbridge.examples;

import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Input;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/**
 * How long a Keras file takes to load and how much memory it takes: {@code tfbridge bench --load
 * FILE} loads it once after TensorFlow is warm and prints the time to a loaded model, to its first
 * prediction, and the process's resident memory before, at the end and at its peak (from
 * {@code /proc/self/status}, the operating system's figures). {@code models/python/keras_load_bench.py}
 * prints the same figures for Keras.
 */
final class LoadBench {
  private final PrintStream out;

  LoadBench(PrintStream out) {
    this.out = out;
  }

  void run(Path file) throws IOException {
    try (Model warm = Sequential.of(Input.of(2), Dense.of(1)).compile("sgd", "mean_squared_error")) {
      warm.predict(new float[][] {{1, 2}}); // TensorFlow's native library loaded and warm
    }
    long before = status("VmRSS:");
    long t0 = System.nanoTime();
    try (Model model = KerasFiles.load(file)) {
      long t1 = System.nanoTime();
      model.predict(NdArrays.ofFloats(Shape.of(1).append(model.inputs().get(0).shape().tail())));
      long t2 = System.nanoTime();
      out.printf("load %s (%.1f MB): %.2f s to a loaded model, %.2f s to its first prediction%n",
          file.getFileName(), Files.size(file) / 1e6, (t1 - t0) / 1e9, (t2 - t0) / 1e9);
      out.printf("resident memory: %d MB before, %d MB after, peak %d MB (+%d MB, %.1fx the file)%n",
          before >> 10, status("VmRSS:") >> 10, status("VmHWM:") >> 10,
          (status("VmHWM:") - before) >> 10, (status("VmHWM:") - before) * 1024.0 / Files.size(file));
    }
  }

  /** A {@code /proc/self/status} figure in kB. */
  static long status(String key) throws IOException {
    return status(Path.of("/proc/self/status"), key);
  }

  /** A figure in kB of a process's {@code status} file ({@code /proc/PID/status}). */
  static long status(Path statusFile, String key) throws IOException {
    for (String line : Files.readAllLines(statusFile)) {
      if (line.startsWith(key)) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new IOException(statusFile + " has no " + key);
  }
}

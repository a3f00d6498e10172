package io.tfbridge.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the benchmark's Keras side is: the Python to run and {@code models/python/keras_bench.py},
 * found under the tfbridge checkout ({@code -Dtfbridge.home}, which the {@code tfbridge} script
 * sets; else the working directory).
 */
final class KerasSide {
  private static final String SCRIPT = "models/python/keras_bench.py";
  private KerasSide() {}

  /**
   * {@code explicit} if given, else {@code $TFBRIDGE_PYTHON}, else the test venv's
   * {@code .venv/bin/python} when it exists; null for none (tfbridge's figures alone).
   */
  static Path python(Path explicit) {
    if (explicit != null) {
      if (!Files.isExecutable(explicit)) {
        throw new IllegalArgumentException("--keras-python " + explicit + " is not an executable file");
      }
      return explicit;
    }
    String env = System.getenv("TFBRIDGE_PYTHON");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path venv = home().resolve(".venv/bin/python");
    return Files.isExecutable(venv) ? venv : null;
  }

  /** {@code models/python/keras_bench.py} of the checkout. */
  static Path script() {
    return home().resolve(SCRIPT);
  }

  /** {@code -Dtfbridge.home}, else the nearest directory up from here that has the script. */
  private static Path home() {
    String home = System.getProperty("tfbridge.home");
    if (home != null) {
      return Path.of(home).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(SCRIPT))) {
        return d;
      }
    }
    return dir;
  }

  /** Deletes {@code dir} and everything under it. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

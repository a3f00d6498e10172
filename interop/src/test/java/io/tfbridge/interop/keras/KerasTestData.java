package io.tfbridge.interop.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.data.Npy;
import io.tfbridge.data.NpyArray;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.provider.Arguments;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * The Keras-made golden files under {@code src/test/resources/keras/<case>/} (written by
 * {@code models/python/make_keras_files.py}) and helpers to compare arrays and run Python.
 */
final class KerasTestData {
  /** The Sequential cases Java must load; the lesson's full CNN is made in CI only (2.7 MB). */
  static final List<String> CASES = List.of("iris", "cnn_small", "rnn", "strided_cnn", "stacked_rnn",
      "mlp_dropout", "flatten_regression", "conv1d_text", "pooling_cnn", "reshape_mlp", "lstm", "gru_stack", "batchnorm_mlp");
  static final List<String> FILES = List.of("model.keras", "model.h5");

  private KerasTestData() {}

  /** Every case with both of its model files. */
  static Stream<Arguments> caseFiles() {
    List<Arguments> all = new ArrayList<>();
    CASES.forEach(c -> FILES.forEach(f -> all.add(Arguments.of(c, f))));
    return all.stream();
  }

  static Path file(String testCase, String name) {
    try {
      return Path.of(KerasTestData.class.getResource("/keras/" + testCase + "/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no test resource keras/" + testCase + "/" + name, e);
    }
  }

  /** A float32 {@code .npy} file as an array of its shape. */
  static FloatNdArray npy(Path file) {
    try {
      NpyArray array = Npy.read(file);
      return HostArrays.of(array.toFloats(), array.shape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FloatNdArray npy(String testCase, String name) {
    return npy(file(testCase, name + ".npy"));
  }

  static void writeNpy(Path file, FloatNdArray array) throws IOException {
    Npy.write(file, NpyArray.ofFloats(HostArrays.toFlat(array), array.shape().asArray()));
  }

  /** The largest absolute difference of two arrays of the same shape. */
  static double maxDiff(FloatNdArray expected, FloatNdArray actual) {
    assertArrayEquals(expected.shape().asArray(), actual.shape().asArray(), "shapes differ");
    float[] a = HostArrays.toFlat(expected);
    float[] b = HostArrays.toFlat(actual);
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }

  /** The Python with Keras that CI provides ({@code TFBRIDGE_PYTHON}); skips the test without it. */
  static String python() {
    String python = System.getenv("TFBRIDGE_PYTHON");
    Assumptions.assumeTrue(python != null && !python.isBlank(), "TFBRIDGE_PYTHON is not set");
    return python;
  }

  /** A script of {@code models/python/}. */
  static Path script(String name) {
    return Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent()
        .resolve("models/python").resolve(name);
  }

  /** Runs a command, returns its output, and fails with the output unless it exits 0. */
  static String run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "3");
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), String.join(" ", command) + "\n" + out);
    return out;
  }

  /** A copy of iris/model.keras with its config.json edited (the edit must change something). */
  static Path editConfig(Path tmp, String name, UnaryOperator<String> edit) throws IOException {
    return rezip(tmp, name, entries -> {
      String config = new String(entries.get("config.json"), StandardCharsets.UTF_8);
      String edited = edit.apply(config);
      assertTrue(!edited.equals(config), "the edit changed nothing");
      entries.put("config.json", edited.getBytes(StandardCharsets.UTF_8));
      return entries;
    });
  }

  /** A copy of iris/model.keras in {@code tmp} with its entries edited. */
  static Path rezip(Path tmp, String name, UnaryOperator<Map<String, byte[]>> edit) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file("iris", "model.keras").toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
      }
    }
    Path out = tmp.resolve(name);
    try (OutputStream os = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(os)) {
      for (Map.Entry<String, byte[]> e : edit.apply(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return out;
  }
}

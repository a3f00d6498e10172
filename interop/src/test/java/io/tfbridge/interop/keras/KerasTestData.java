package io.tfbridge.interop.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.data.Npy;
import io.tfbridge.data.NpyArray;
import io.tfbridge.models.Model;
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
  /**
   * The functional cases ({@code keras.Model(inputs, outputs)}): two inputs and Concatenate, a
   * residual Add, a Conv branch and two Dense branches concatenated, a chain saved as Functional.
   */
  static final List<String> FUNCTIONAL_CASES = List.of("functional_two_inputs", "functional_residual",
      "functional_branchy", "functional_chain");
  /** The cases Java must load (Sequential, then functional); the lesson's full CNN is made in CI only (2.7 MB). */
  static final List<String> CASES = java.util.stream.Stream.concat(Stream.of("iris", "cnn_small", "rnn",
      "strided_cnn", "stacked_rnn", "mlp_dropout", "flatten_regression", "conv1d_text", "pooling_cnn",
      "reshape_mlp", "lstm", "gru_stack", "batchnorm_mlp", "mixed_bfloat16_cnn"),
      FUNCTIONAL_CASES.stream()).toList();
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

  /** The directory of a case's files. */
  static Path dir(String testCase) {
    return file(testCase, "model.keras").getParent();
  }

  /**
   * The files of a model's inputs, in the model's input order: {@code <prefix>.npy} for a model with
   * one input when the case has it, else {@code <prefix>_<input name>.npy} per input.
   */
  static List<Path> inputFiles(Path dir, String prefix, Model model) {
    Path single = dir.resolve(prefix + ".npy");
    if (model.inputs().size() == 1 && Files.exists(single)) {
      return List.of(single);
    }
    return model.inputs().stream().map(in -> dir.resolve(prefix + "_" + in.name() + ".npy")).toList();
  }

  /** The arrays of {@link #inputFiles}. */
  static List<FloatNdArray> inputs(Path dir, String prefix, Model model) {
    return inputFiles(dir, prefix, model).stream().map(KerasTestData::npy).toList();
  }

  /** A case's inputs {@code x} or {@code x_train} for {@code model}. */
  static List<FloatNdArray> inputs(String testCase, String prefix, Model model) {
    return inputs(dir(testCase), prefix, model);
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

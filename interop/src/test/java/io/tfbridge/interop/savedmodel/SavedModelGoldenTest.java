package io.tfbridge.interop.savedmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.inference.DType;
import io.tfbridge.inference.TensorSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/**
 * SavedModels made by real Keras 3 ({@code model.export}) and TensorFlow
 * ({@code tf.saved_model.save} of a tf.Module with two signatures) predict in Java what they
 * predicted in Python: floats within 1e-5, integers, bools and strings exactly. The Keras cases
 * are the lesson's three models (iris MLP, RNN, and the CNN's structure as {@code cnn_small}; the
 * full lesson CNN is made and checked only when TFBRIDGE_PYTHON is set) and every other Sequential
 * architecture {@code make_keras_files.py} writes as .keras/.h5, plus a functional two-input model
 * and an LSTM.
 */
class SavedModelGoldenTest {
  private static final GoldenSavedModels GOLDEN = GoldenSavedModels.committed();

  /** Every case manifest.json must hold: a case left out by make_savedmodels.py fails. */
  private static final List<String> CASES = List.of(
      // the lesson's models: iris MLP, RNN, and the CNN's structure (conv, pooling, flatten, dense)
      "iris_mlp", "lesson_rnn", "cnn_small",
      // the other architectures of make_keras_files.py (the same builders)
      "strided_cnn", "stacked_rnn", "mlp_dropout", "flatten_regression", "conv1d_text",
      "pooling_cnn", "reshape_mlp", "gru_stack", "batchnorm_mlp",
      // SavedModel-only cases
      "small_cnn", "two_inputs", "lstm", "tf_module");

  /**
   * The lesson's full CNN, made only by {@code make_savedmodels.py --large} (too large to commit):
   * {@link #freshlyMadeSavedModelsPredictAsTheirPython} makes and checks it when TFBRIDGE_PYTHON is
   * set.
   */
  private static final String LARGE_CNN = "cnn";

  static Stream<GoldenSavedModels.Case> cases() {
    return GOLDEN.stream();
  }

  static Stream<GoldenSavedModels.Case> kerasCases() {
    return GOLDEN.stream().filter(c -> c.kind().equals("keras_export"));
  }

  @Test
  void manifestHoldsEveryArchitecture() {
    assertEquals(new TreeSet<>(CASES),
        new TreeSet<>(GOLDEN.stream().map(GoldenSavedModels.Case::name).toList()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kerasCases")
  void anOutputOffByMoreThanTheToleranceFails(GoldenSavedModels.Case c) {
    FloatNdArray expected = (FloatNdArray) GOLDEN.expected(c).get("output_0");
    FloatNdArray wrong = NdArrays.ofFloats(expected.shape());
    expected.copyTo(wrong);
    long[] first = new long[expected.rank()];
    wrong.setFloat(wrong.getFloat(first) + 5e-5f, first);
    try (SavedModelPredictor model = SavedModels.load(c.model(), c.signature())) {
      NdArray<?> actual = model.predict(GOLDEN.inputs(c)).get("output_0");
      GoldenSavedModels.assertClose(c.toString(), expected, actual);
      assertThrows(AssertionFailedError.class,
          () -> GoldenSavedModels.assertClose(c.toString(), wrong, actual));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void predictsWhatTensorFlowPredicted(GoldenSavedModels.Case c) {
    assertPredictions(GOLDEN, c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void specsAreTheSignaturesNamesDtypesAndShapes(GoldenSavedModels.Case c) {
    try (SavedModelPredictor model = SavedModels.load(c.model(), c.signature())) {
      // TensorSpec's Shape never equals a shape with unknown dimensions: compare the rendering
      assertEquals(specs(c, "inputs").toString(), model.inputs().toString());
      assertEquals(specs(c, "outputs").toString(), model.outputs().toString());
    }
  }

  @Test
  void kerasExportsUseGeneratedInputNames() {
    try (SavedModelPredictor lstm = SavedModels.load(GOLDEN.model("lstm"))) {
      assertEquals("[keras_tensor_15: float32 (None, 6, 3)]", lstm.inputs().toString());
      assertEquals("[output_0: float32 (None, 2)]", lstm.outputs().toString());
    }
    try (SavedModelPredictor two = SavedModels.load(GOLDEN.model("two_inputs"))) {
      assertEquals(List.of("extra", "features"),
          two.inputs().stream().map(TensorSpec::name).toList());
    }
  }

  /**
   * Regenerates every SavedModel with Python, plus (with {@code --large}) the lesson's full CNN
   * ({@value #LARGE_CNN}: 28x28x1, Conv2D 32, MaxPool, Conv2D 64, MaxPool, Flatten, Dense 128,
   * Dense 10; ~1.8 MB, too large to commit), and checks Java predicts what TensorFlow predicted.
   */
  @Test
  void freshlyMadeSavedModelsPredictAsTheirPython(@TempDir Path tmp) throws Exception {
    String python = System.getenv("TFBRIDGE_PYTHON");
    Assumptions.assumeTrue(python != null && !python.isBlank(), "TFBRIDGE_PYTHON is not set");
    Path out = tmp.resolve("savedmodel");
    Process p = new ProcessBuilder(python, script().toString(), "--large", "--out", out.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "make_savedmodels.py timed out");
    assertEquals(0, p.exitValue(), () -> read(tmp.resolve("log.txt")));
    GoldenSavedModels fresh = new GoldenSavedModels(out);
    // the committed cases (the large CNN is never committed: CASES leaves it out) ...
    List<GoldenSavedModels.Case> committed =
        fresh.stream().filter(c -> !c.name().equals(LARGE_CNN)).toList();
    assertEquals(GOLDEN.cases().toString(), committed.toString());
    committed.forEach(c -> assertPredictions(fresh, c));
    // ... and the large one, which only --large makes
    List<GoldenSavedModels.Case> large =
        fresh.stream().filter(c -> c.name().equals(LARGE_CNN)).toList();
    assertEquals(1, large.size(), () -> fresh.cases().toString());
    GoldenSavedModels.Case cnn = large.get(0);
    assertEquals("serving_default", cnn.signature());
    try (SavedModelPredictor model = SavedModels.load(cnn.model(), cnn.signature())) {
      String inputs = model.inputs().toString();
      assertTrue(inputs.matches("\\[keras_tensor_\\d+: float32 \\(None, 28, 28, 1\\)]"), inputs);
      assertEquals("[output_0: float32 (None, 10)]", model.outputs().toString());
    }
    assertEquals(Shape.of(3, 10), fresh.expected(cnn).get("output_0").shape());
    assertPredictions(fresh, cnn);
  }

  static void assertPredictions(GoldenSavedModels golden, GoldenSavedModels.Case c) {
    try (SavedModelPredictor model = SavedModels.load(c.model(), c.signature())) {
      Map<String, NdArray<?>> actual = model.predict(golden.inputs(c));
      Map<String, NdArray<?>> expected = golden.expected(c);
      assertEquals(expected.keySet(), actual.keySet(), c.toString());
      expected.forEach((name, value) ->
          GoldenSavedModels.assertClose(c + " " + name, value, actual.get(name)));
    }
  }

  private static List<TensorSpec> specs(GoldenSavedModels.Case c, String which) {
    List<TensorSpec> specs = new ArrayList<>();
    c.entry().get(which).fields().forEachRemaining(e -> {
      long[] dims = new long[e.getValue().get("shape").size()];
      for (int i = 0; i < dims.length; i++) {
        dims[i] = e.getValue().get("shape").get(i).asLong();
      }
      specs.add(new TensorSpec(e.getKey(), DType.of(e.getValue().get("dtype").asText()),
          Shape.of(dims)));
    });
    return specs;
  }

  private static Path script() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !dir.resolve("models/python/make_savedmodels.py").toFile().exists()) {
      dir = dir.getParent();
    }
    Assumptions.assumeTrue(dir != null, "models/python/make_savedmodels.py not found");
    return dir.resolve("models/python/make_savedmodels.py");
  }

  private static String read(Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }
}

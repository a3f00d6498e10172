package io.tfbridge.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.Npy;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.interop.npy.NpyFiles;
import io.tfbridge.layers.Dense;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tfbridge inspect}, {@code predict} and {@code convert} end to end on the SavedModels that
 * real Keras and TensorFlow made ({@code interop/src/test/resources/savedmodel}).
 */
class ModelCommandsTest {
  private static final Path GOLDEN = golden();

  @TempDir Path tmp;

  @Test
  void inspectListsTheSignatures() {
    Path dir = GOLDEN.resolve("tf_module/model");
    CliRun run = CliRun.of("inspect", dir.toString());
    assertEquals(Cli.OK, run.code(), run::describe);
    assertEquals(List.of("SavedModel " + dir,
        "signature 'greet' (tensorflow/serving/predict)",
        "  input  names: string (None,)",
        "  input  times: int32 (None,)",
        "  output greeting: string (None,)",
        "  output length: int32 (None,)",
        "signature 'serving_default' (tensorflow/serving/predict)",
        "  input  ids: int64 (None, 3)",
        "  input  mask: bool (None, 3)",
        "  input  weight: float64 (None,)",
        "  output any: bool (None,)",
        "  output scaled: float64 (None,)",
        "  output total: int64 (None,)"), run.lines());
  }

  @Test
  void inspectShowsKerasGeneratedNames() {
    CliRun run = CliRun.of("inspect", GOLDEN.resolve("lstm/model").toString());
    assertEquals(Cli.OK, run.code(), run::describe);
    assertTrue(run.out().contains("  input  keras_tensor_15: float32 (None, 6, 3)\n"
        + "  output output_0: float32 (None, 2)\n"), run::describe);
  }

  @Test
  void predictWritesWhatKerasPredicted() throws Exception {
    Path y = tmp.resolve("y.npy");
    CliRun run = CliRun.of("predict", GOLDEN.resolve("iris_mlp/model").toString(),
        "--input", GOLDEN.resolve("iris_mlp/x_keras_tensor.npy").toString(),
        "--output", y.toString());
    assertEquals(Cli.OK, run.code(), run::describe);
    assertEquals("output_0: float32 (5, 3) -> " + y, run.lastLine());
    float[] expected = Npy.read(GOLDEN.resolve("iris_mlp/y_output_0.npy")).toFloats();
    assertArrayEquals(expected, Npy.read(y).toFloats(), 1e-5f);
  }

  @Test
  void predictNamedInputsWritesOneFilePerOutput() throws Exception {
    Path dir = GOLDEN.resolve("two_inputs");
    CliRun run = CliRun.of("predict", dir.resolve("model").toString(),
        "--input", "features=" + dir.resolve("x_features.npy"),
        "--input", "extra=" + dir.resolve("x_extra.npy"), "--output-dir", tmp.toString());
    assertEquals(Cli.OK, run.code(), run::describe);
    float[] expected = Npy.read(dir.resolve("y_output_0.npy")).toFloats();
    assertArrayEquals(expected, Npy.read(tmp.resolve("output_0.npy")).toFloats(), 1e-5f);
  }

  @Test
  void predictAnotherSignatureWithStrings() throws Exception {
    Path dir = GOLDEN.resolve("tf_module");
    CliRun run = CliRun.of("predict", dir.resolve("model").toString(), "--signature", "greet",
        "--input", "names=" + dir.resolve("x_greet__names.npy"),
        "--input", "times=" + dir.resolve("x_greet__times.npy"),
        "--output", "greeting=" + tmp.resolve("g.npy"),
        "--output", "length=" + tmp.resolve("l.npy"));
    assertEquals(Cli.OK, run.code(), run::describe);
    assertEquals(NpyFiles.read(dir.resolve("y_greet__greeting.npy")),
        NpyFiles.read(tmp.resolve("g.npy")));
    assertArrayEquals(Npy.read(dir.resolve("y_greet__length.npy")).toInts(),
        Npy.read(tmp.resolve("l.npy")).toInts());
  }

  @Test
  void aModelThatWritesFilesIsRefusedUnlessAllowed() throws Exception {
    Path dir = GOLDEN.resolveSibling("unsafe").resolve("write_file");
    Path written = tmp.resolve("written.txt");
    NpyFiles.write(tmp.resolve("x.npy"), org.tensorflow.ndarray.StdArrays.ndCopyOf(
        new float[][] {{1, 2}}));
    NpyFiles.write(tmp.resolve("path.npy"),
        org.tensorflow.ndarray.NdArrays.scalarOfObject(written.toString()));
    String[] args = {"predict", dir.toString(), "--input", "x=" + tmp.resolve("x.npy"),
        "--input", "path=" + tmp.resolve("path.npy"), "--output-dir", tmp.toString()};
    CliRun refused = CliRun.of(args);
    assertEquals(Cli.RUNTIME_ERROR, refused.code(), refused::describe);
    assertTrue(refused.err().contains("WriteFile (writes any file)"), refused::describe);
    assertTrue(!Files.exists(written), "the op never ran");
    String[] allowed = java.util.Arrays.copyOf(args, args.length + 1);
    allowed[args.length] = "--allow_unsafe_ops";
    CliRun run = CliRun.of(allowed);
    assertEquals(Cli.OK, run.code(), run::describe);
    assertEquals("written by the model", Files.readString(written));
  }

  @Test
  void anUnnamedInputForSeveralIsAUsageError() {
    Path dir = GOLDEN.resolve("two_inputs");
    CliRun run = CliRun.of("predict", dir.resolve("model").toString(),
        "--input", dir.resolve("x_features.npy").toString(), "--output-dir", tmp.toString());
    assertEquals(Cli.USAGE_ERROR, run.code(), run::describe);
    assertTrue(run.err().startsWith("The model has 2 inputs [extra, features]: name each one, "
        + "--input NAME=FILE.npy"), run::describe);
  }

  @Test
  void modelErrorsAreOneLine() {
    Path dir = GOLDEN.resolve("iris_mlp");
    CliRun run = CliRun.of("predict", dir.resolve("model").toString(), "--signature", "nope",
        "--input", dir.resolve("x_keras_tensor.npy").toString());
    assertEquals(Cli.RUNTIME_ERROR, run.code(), run::describe);
    assertEquals("tfbridge: error: SavedModel " + dir.resolve("model") + " has no signature "
        + "'nope'; its signatures are serve, serving_default", run.err().strip());
    CliRun shape = CliRun.of("predict", dir.resolve("model").toString(), "--input",
        GOLDEN.resolve("two_inputs/x_extra.npy").toString(), "--output-dir", tmp.toString());
    assertEquals(Cli.RUNTIME_ERROR, shape.code(), shape::describe);
    assertTrue(shape.err().endsWith("input 'keras_tensor' expects shape (None, 4), found (4, 3)\n"),
        shape::describe);
  }

  @Test
  void convertingAKerasMadeSavedModelIsAClearError() {
    Path src = GOLDEN.resolve("iris_mlp/model");
    CliRun run = CliRun.of("convert", src.toString(), tmp.resolve("iris.keras").toString());
    assertEquals(Cli.RUNTIME_ERROR, run.code(), run::describe);
    assertTrue(run.err().startsWith("tfbridge: error: Cannot convert SavedModel " + src
        + " to .keras: it holds a TensorFlow graph but no Keras architecture"), run::describe);
    assertTrue(Files.notExists(tmp.resolve("iris.keras")));
  }

  @Test
  void kerasFilesInspectConvertAndPredict() throws Exception {
    Path keras = tmp.resolve("iris.keras");
    try (Model model = Sequential.of(Dense.of(5).activation("relu").inputShape(4),
        Dense.of(3).activation("softmax")).seed(3).compile("adam", "mse")) {
      KerasFiles.save(model, keras);
    }
    CliRun inspect = CliRun.of("inspect", keras.toString());
    assertEquals(Cli.OK, inspect.code(), inspect::describe);
    assertTrue(inspect.out().startsWith("Model " + keras + "\n  input  input_layer: float32 "
        + "(None, 4)\n  output output_0: float32 (None, 3)\n"), inspect::describe);
    assertTrue(inspect.out().contains("Total params: 43"), inspect::describe);
    Path savedModel = tmp.resolve("export");
    CliRun convert = CliRun.of("convert", keras.toString(), savedModel.toString());
    assertEquals(Cli.OK, convert.code(), convert::describe);
    Path h5 = tmp.resolve("back.h5");
    CliRun back = CliRun.of("convert", savedModel.toString(), h5.toString());
    assertEquals(Cli.OK, back.code(), back::describe);
    assertEquals("Converted " + savedModel + " (SavedModel) to " + h5 + " (.h5)",
        back.out().strip());
    Path x = GOLDEN.resolve("iris_mlp/x_keras_tensor.npy");
    for (Path model : new Path[] {keras, savedModel, h5}) {
      Path y = tmp.resolve(model.getFileName() + ".npy");
      CliRun run = CliRun.of("predict", model.toString(), "-i", x.toString(), "-o", y.toString());
      assertEquals(Cli.OK, run.code(), run::describe);
    }
    assertArrayEquals(Npy.read(tmp.resolve("iris.keras.npy")).toFloats(),
        Npy.read(tmp.resolve("export.npy")).toFloats(), 1e-6f);
    assertArrayEquals(Npy.read(tmp.resolve("iris.keras.npy")).toFloats(),
        Npy.read(tmp.resolve("back.h5.npy")).toFloats(), 1e-6f);
  }

  /** The interop module's golden SavedModels, found from this module's directory. */
  private static Path golden() {
    Path dir = Path.of("").toAbsolutePath();
    String golden = "interop/src/test/resources/savedmodel";
    while (dir != null && !Files.isDirectory(dir.resolve(golden))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("interop/src/test/resources/savedmodel not found");
    }
    return dir.resolve("interop/src/test/resources/savedmodel");
  }
}

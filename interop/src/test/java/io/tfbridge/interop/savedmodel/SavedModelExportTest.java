package io.tfbridge.interop.savedmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.data.Npy;
import io.tfbridge.data.NpyArray;
import io.tfbridge.layers.Add;
import io.tfbridge.layers.Concatenate;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.KerasTensor;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Functional;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.types.TFloat32;

class SavedModelExportTest {
  @TempDir Path tmp;

  private static Model trainedIris() {
    SplittableRandom r = new SplittableRandom(2);
    float[][] x = new float[60][4];
    int[] y = new int[60];
    for (int i = 0; i < 60; i++) {
      y[i] = i % 3;
      for (int j = 0; j < 4; j++) {
        x[i][j] = (float) (r.nextGaussian() + (j == y[i] ? 1 : 0));
      }
    }
    Model model = Sequential.of(Dense.of(10).activation("relu").inputShape(4),
        Dense.of(3).activation("softmax")).seed(4)
        .compile("adam", "sparse_categorical_crossentropy", "accuracy");
    model.fit(x, y, FitOptions.epochs(2).batchSize(10).verbose(0));
    return model;
  }

  private static FloatNdArray features() {
    float[] data = new float[20];
    for (int i = 0; i < data.length; i++) {
      data[i] = (i % 7) / 3f - 1;
    }
    return HostArrays.of(data, 5, 4);
  }

  @Test
  void exportedSavedModelPredictsAsTheJavaModel() throws Exception {
    Path dir = tmp.resolve("iris");
    try (Model model = trainedIris()) {
      SavedModelExport.export(model, dir);
      FloatNdArray expected = model.predict(features());
      try (SavedModelBundle bundle = SavedModelBundle.load(dir.toString(), "serve");
          TFloat32 x = TFloat32.tensorOf(features());
          Result result = bundle.function(SavedModelExport.SERVING_DEFAULT)
              .call(Map.of("input_layer", x))) {
        TFloat32 y = (TFloat32) result.get("output_0").orElseThrow();
        assertArrayEquals(HostArrays.toFlat(expected), HostArrays.toFlat(y), 0f);
      }
    }
    assertTrue(Files.isDirectory(dir.resolve("variables")));
    try (var entries = Files.list(tmp)) {
      assertEquals(List.of(dir), entries.toList(), "no staging directory left behind");
    }
  }

  /** A two-input functional model (Concatenate, a residual Add) trained in Java. */
  private static Model trainedTwoInputs() {
    KerasTensor a = Input.of(4).name("a").tensor();
    KerasTensor b = Input.of(3).name("b").tensor();
    KerasTensor hidden = Dense.of(6).activation("relu").apply(Concatenate.of().apply(a, b));
    KerasTensor sum = Add.of().apply(hidden, Dense.of(6).activation("tanh").apply(b));
    Model model = Functional.of(List.of(a, b), Dense.of(3).activation("softmax").apply(sum))
        .name("two_inputs").seed(4).compile("adam", "categorical_crossentropy", "accuracy");
    model.fit(List.of(grid(40, 4, 3), grid(40, 3, 5)), oneHot(40, 3),
        FitOptions.epochs(2).batchSize(10).verbose(0));
    return model;
  }

  /** Deterministic features in [-1, 1) of shape (rows, cols). */
  private static FloatNdArray grid(int rows, int cols, int period) {
    float[] data = new float[rows * cols];
    for (int i = 0; i < data.length; i++) {
      data[i] = (i * 7 % (period * 3)) / (period * 1.5f) - 1;
    }
    return HostArrays.of(data, rows, cols);
  }

  private static FloatNdArray oneHot(int rows, int classes) {
    float[] data = new float[rows * classes];
    for (int i = 0; i < rows; i++) {
      data[i * classes + (i * 5 % classes)] = 1;
    }
    return HostArrays.of(data, rows, classes);
  }

  /** One signature input per model input, named after the Input layers; the export predicts as Java. */
  @Test
  void twoInputModelsExportOneSignatureInputPerInput() throws Exception {
    Path dir = tmp.resolve("two_inputs");
    FloatNdArray xa = grid(5, 4, 2);
    FloatNdArray xb = grid(5, 3, 4);
    try (Model model = trainedTwoInputs()) {
      SavedModelExport.export(model, dir);
      FloatNdArray expected = model.predict(List.of(xa, xb), 32);
      try (SavedModelBundle bundle = SavedModelBundle.load(dir.toString(), "serve");
          TFloat32 a = TFloat32.tensorOf(xa);
          TFloat32 b = TFloat32.tensorOf(xb)) {
        var signature = bundle.function(SavedModelExport.SERVING_DEFAULT).signature();
        assertEquals(java.util.Set.of("a", "b"), signature.inputNames());
        try (Result result = bundle.function(SavedModelExport.SERVING_DEFAULT)
            .call(Map.of("a", a, "b", b))) {
          TFloat32 y = (TFloat32) result.get("output_0").orElseThrow();
          assertArrayEquals(HostArrays.toFlat(expected), HostArrays.toFlat(y), 0f);
        }
      }
    }
  }

  /**
   * Python loads a two-input Java export with tf.saved_model.load and keras.layers.TFSMLayer, each
   * input fed by name, and matches Java within 1e-6.
   */
  @Test
  void pythonLoadsATwoInputExportAndMatches() throws Exception {
    String python = System.getenv("TFBRIDGE_PYTHON");
    Assumptions.assumeTrue(python != null, "TFBRIDGE_PYTHON not set");
    Path dir = tmp.resolve("two_inputs");
    FloatNdArray xa = grid(5, 4, 2);
    FloatNdArray xb = grid(5, 3, 4);
    try (Model model = trainedTwoInputs()) {
      SavedModelExport.export(model, dir);
      Npy.write(tmp.resolve("x_a.npy"), NpyArray.ofFloats(HostArrays.toFlat(xa), 5, 4));
      Npy.write(tmp.resolve("x_b.npy"), NpyArray.ofFloats(HostArrays.toFlat(xb), 5, 3));
      Npy.write(tmp.resolve("y.npy"),
          NpyArray.ofFloats(HostArrays.toFlat(model.predict(List.of(xa, xb), 32)), 5, 3));
    }
    String out = runCheck(python, dir, "a=" + tmp.resolve("x_a.npy") + ",b=" + tmp.resolve("x_b.npy"));
    assertTrue(out.contains("tf.saved_model.load: inputs ['a', 'b']"), out);
    assertTrue(out.contains("TFSMLayer max |diff|"), out);
  }

  private String runCheck(String python, Path dir, String x) throws Exception {
    Path script = Path.of(System.getProperty("user.dir")).getParent()
        .resolve("models/python/check_java_savedmodel.py");
    Process p = new ProcessBuilder(python, script.toString(), dir.toString(), x,
        tmp.resolve("y.npy").toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  @Test
  void servingLayoutAndNoOverwrite() {
    try (Model model = trainedIris()) {
      Path version = SavedModelExport.exportForServing(model, tmp.resolve("base"), 1);
      assertEquals(tmp.resolve("base").resolve("1"), version);
      assertTrue(Files.exists(version.resolve("saved_model.pb")));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> SavedModelExport.export(model, version));
      assertTrue(e.getMessage().contains("is not an empty directory"), e.getMessage());
    }
  }

  /**
   * Python loads the Java export with tf.saved_model.load and keras.layers.TFSMLayer and matches Java
   * within 1e-6 ({@code models/python/check_java_savedmodel.py}); runs where TFBRIDGE_PYTHON is set,
   * as ./run-tests and CI do.
   */
  @Test
  void pythonLoadsTheExportAndMatches() throws Exception {
    String python = System.getenv("TFBRIDGE_PYTHON");
    Assumptions.assumeTrue(python != null, "TFBRIDGE_PYTHON not set");
    Path dir = tmp.resolve("iris");
    try (Model model = trainedIris()) {
      SavedModelExport.export(model, dir);
      Npy.write(tmp.resolve("x.npy"), NpyArray.ofFloats(HostArrays.toFlat(features()), 5, 4));
      Npy.write(tmp.resolve("y.npy"),
          NpyArray.ofFloats(HostArrays.toFlat(model.predict(features())), 5, 3));
    }
    Path script = Path.of(System.getProperty("user.dir")).getParent()
        .resolve("models/python/check_java_savedmodel.py");
    Process p = new ProcessBuilder(python, script.toString(), dir.toString(),
        tmp.resolve("x.npy").toString(), tmp.resolve("y.npy").toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
    assertTrue(out.contains("TFSMLayer max |diff|"), out);
  }
}

package io.tfbridge.interop.savedmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.data.Npy;
import io.tfbridge.data.NpyArray;
import io.tfbridge.layers.Dense;
import io.tfbridge.models.FitOptions;
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

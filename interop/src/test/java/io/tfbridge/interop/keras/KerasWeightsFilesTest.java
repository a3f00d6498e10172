package io.tfbridge.interop.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Input;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * {@link KerasFiles#saveWeights} and {@link KerasFiles#loadWeights}: Keras's {@code .weights.h5}
 * (weights and optimizer state) into an existing compiled model, both ways with Keras
 * ({@code check_weights_files.py}, with {@code TFBRIDGE_PYTHON}).
 */
class KerasWeightsFilesTest {
  @TempDir Path tmp;

  private static Model model() {
    return Sequential.of(Input.of(3), Dense.of(5).activation("tanh"), Dense.of(2)).seed(11)
        .compile("adam", "mse");
  }

  private static Model trained() {
    Model model = model();
    FloatNdArray x = HostArrays.of(new float[][] {{1, 2, 3}, {0, -1, 2}, {3, 1, 0}, {-2, 0, 1}});
    FloatNdArray y = HostArrays.of(new float[][] {{1, 0}, {0, 1}, {1, 1}, {0, 0}});
    model.fit(x, y, FitOptions.epochs(3).batchSize(2).verbose(0));
    return model;
  }

  private static void assertSameState(Model expected, Model actual) {
    assertEquals(expected.graph().iterations(), actual.graph().iterations());
    assertSameValues(expected.weights(), actual.weights());
    assertSameValues(expected.graph().optimizerWeights(), actual.graph().optimizerWeights());
  }

  private static void assertSameValues(Map<String, float[]> expected, Map<String, float[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, values) -> assertArrayEquals(values, actual.get(path), path));
  }

  @Test
  void weightsAndOptimizerStateRoundTripIntoAnExistingModel() {
    try (Model trained = trained(); Model fresh = model()) {
      KerasFiles.saveWeights(trained, tmp.resolve("m.weights.h5"));
      KerasFiles.loadWeights(fresh, tmp.resolve("m.weights.h5"));
      assertSameState(trained, fresh);
    }
  }

  @Test
  void loadsTheWeightsOfModelFilesToo() {
    for (String name : List.of("m.keras", "m.h5")) {
      try (Model trained = trained(); Model fresh = model()) {
        KerasFiles.save(trained, tmp.resolve(name));
        KerasFiles.loadWeights(fresh, tmp.resolve(name));
        assertSameState(trained, fresh);
      }
    }
  }

  @Test
  void refusesOtherNamesAndMismatchedModels() {
    try (Model trained = trained()) {
      KerasFileException e = assertThrows(KerasFileException.class,
          () -> KerasFiles.saveWeights(trained, tmp.resolve("m.h5")));
      assertTrue(e.getMessage().contains("The filename must end in `.weights.h5`. Received: "
          + "filepath=" + tmp.resolve("m.h5")), e.getMessage());
      KerasFiles.saveWeights(trained, tmp.resolve("m.weights.h5"));
    }
    try (Model other = Sequential.of(Input.of(3), Dense.of(4), Dense.of(2)).compile("adam", "mse")) {
      KerasFileException e = assertThrows(KerasFileException.class,
          () -> KerasFiles.loadWeights(other, tmp.resolve("m.weights.h5")));
      assertTrue(e.getMessage().contains("the config implies shape (3, 4) but the file holds"),
          e.getMessage());
    }
  }

  @Test
  void kerasReadsJavaWeightsFilesAndWritesOnesJavaReads() throws Exception {
    String python = KerasTestData.python();
    try (Model trained = trained()) {
      KerasFiles.save(trained, tmp.resolve("java.keras"));
      KerasFiles.saveWeights(trained, tmp.resolve("java.weights.h5"));
    }
    String out = KerasTestData.run(List.of(python, KerasTestData.script("check_weights_files.py")
        .toString(), tmp.toString()));
    assertTrue(out.contains("OK"), out);
    try (Model keras = KerasFiles.load(tmp.resolve("python.keras")); Model fresh = model()) {
      KerasFiles.loadWeights(fresh, tmp.resolve("python.weights.h5"));
      assertSameState(keras, fresh);
    }
  }
}

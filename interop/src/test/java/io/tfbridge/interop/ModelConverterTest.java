package io.tfbridge.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.interop.savedmodel.SavedModelExport;
import io.tfbridge.interop.savedmodel.SavedModelImport;
import io.tfbridge.layers.Concatenate;
import io.tfbridge.layers.Conv2D;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Flatten;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.KerasTensor;
import io.tfbridge.layers.MaxPooling2D;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Functional;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.optimizers.SGD;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/** SavedModels tfbridge exported convert back to .keras and .h5; other SavedModels are refused. */
class ModelConverterTest {
  @TempDir Path tmp;

  /** A small CNN trained two epochs with Adam, so its weights and optimizer state are its own. */
  private static Model trainedCnn() {
    Model model = Sequential.of(
        Input.of(6, 6, 1).name("image"),
        Conv2D.of(3, 3).activation("relu"),
        MaxPooling2D.of(2, 2),
        Conv2D.of(2, 2).padding("same"),
        Flatten.of(),
        Dense.of(5).activation("relu"),
        Dense.of(3).activation("softmax")).name("cnn").seed(11)
        .compile("adam", "categorical_crossentropy", "accuracy");
    model.fit(random(12, 6, 6, 1), oneHot(12, 3), FitOptions.epochs(2).batchSize(4).verbose(0));
    return model;
  }

  @ParameterizedTest
  @ValueSource(strings = {"cnn.keras", "cnn.h5"})
  void aJavaExportConvertsBackWithItsWeightsAndOptimizerState(String name) {
    Path savedModel = tmp.resolve("export/cnn");
    Path file = tmp.resolve(name);
    FloatNdArray x = random(5, 6, 6, 1);
    try (Model model = trainedCnn()) {
      SavedModelExport.export(model, savedModel);
      ModelConverter.convert(savedModel, file);
      try (Model loaded = KerasFiles.load(file)) {
        assertSameWeights(model, loaded);
        assertEquals(model.graph().iterations(), loaded.graph().iterations());
        assertEquals(6, loaded.graph().iterations());
        assertEquals(List.of("image"), loaded.inputs().stream().map(t -> t.name()).toList());
        assertEquals("cnn", loaded.name());
        assertEquals(model.definition().optimizer().getClass(),
            loaded.definition().optimizer().getClass());
        assertArrayEquals(HostArrays.toFlat(model.predict(x)), HostArrays.toFlat(loaded.predict(x)),
            1e-6f);
      }
    }
    assertEquals(List.of(name, "export"), names(tmp), "nothing but the file is written");
  }

  @Test
  void aTwoInputFunctionalModelConvertsBack() {
    KerasTensor a = Input.of(4).name("a").tensor();
    KerasTensor b = Input.of(2).name("b").tensor();
    KerasTensor hidden = Dense.of(6).activation("tanh").apply(Concatenate.of().apply(a, b));
    KerasTensor out = Dense.of(3).apply(hidden);
    List<FloatNdArray> xs = List.of(random(7, 4), random(7, 2));
    Path savedModel = tmp.resolve("two_inputs");
    try (Model model = Functional.of(List.of(a, b), out).seed(3)
        .compile(SGD.of().learningRate(0.05), "mse")) {
      model.fit(xs, random(7, 3), FitOptions.epochs(2).batchSize(4).verbose(0));
      SavedModelExport.export(model, savedModel);
      for (String name : new String[] {"two.keras", "two.h5"}) {
        ModelConverter.convert(savedModel, tmp.resolve(name));
        try (Model loaded = KerasFiles.load(tmp.resolve(name))) {
          assertSameWeights(model, loaded);
          assertEquals(List.of("a", "b"), loaded.inputs().stream().map(t -> t.name()).toList());
          assertArrayEquals(HostArrays.toFlat(model.predict(xs, 4)),
              HostArrays.toFlat(loaded.predict(xs, 4)), 1e-6f, name);
        }
      }
    }
  }

  @Test
  void theExportKeepsTheKerasConfigAndVariableNames() throws IOException {
    Path savedModel = tmp.resolve("cnn");
    try (Model model = trainedCnn()) {
      SavedModelExport.export(model, savedModel);
      assertEquals(KerasFiles.configJson(model),
          Files.readString(savedModel.resolve(SavedModelImport.KERAS_CONFIG)));
      assertTrue(SavedModelImport.holdsKerasModel(savedModel));
      try (Model loaded = SavedModelImport.load(savedModel)) {
        assertSameWeights(model, loaded);
        assertEquals(model.graph().optimizerWeights().keySet(),
            loaded.graph().optimizerWeights().keySet());
        for (Map.Entry<String, float[]> slot : model.graph().optimizerWeights().entrySet()) {
          assertArrayEquals(slot.getValue(), loaded.graph().optimizerWeights().get(slot.getKey()),
              slot.getKey());
        }
      }
    }
  }

  @Test
  void aSavedModelWithoutAKerasArchitectureIsRefused() {
    Path src = ModelFilesTest.golden("iris_mlp");
    Path dst = tmp.resolve("iris.keras");
    String message = assertThrows(IllegalArgumentException.class,
        () -> ModelConverter.convert(src, dst)).getMessage();
    assertEquals("Cannot convert SavedModel " + src + " to .keras: it holds a TensorFlow graph but "
        + "no Keras architecture (no assets.extra/keras_config.json, which only tfbridge's exports "
        + "have; Keras's model.export and tf.saved_model.save write none). Convert the model's "
        + ".keras or .h5 file instead, or run this SavedModel as it is with `tfbridge predict` "
        + "(SavedModels.load).", message);
    assertTrue(Files.notExists(dst));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SavedModelImport.load(src)).getMessage().startsWith("SavedModel " + src
        + " holds no Keras architecture"));
  }

  @Test
  void aFailedConversionWritesNothing() throws IOException {
    Path savedModel = tmp.resolve("cnn");
    try (Model model = trainedCnn()) {
      SavedModelExport.export(model, savedModel);
    }
    Files.writeString(savedModel.resolve(SavedModelImport.KERAS_VARIABLES), "{}");
    Path dst = tmp.resolve("cnn.keras");
    String message = assertThrows(IllegalArgumentException.class,
        () -> ModelConverter.convert(savedModel, dst)).getMessage();
    assertTrue(message.startsWith("SavedModel " + savedModel + ": "
        + "assets.extra/keras_variables.json does not match"), message);
    assertEquals(List.of("cnn"), names(tmp));
  }

  private static void assertSameWeights(Model expected, Model actual) {
    Map<String, float[]> want = expected.weights();
    Map<String, float[]> got = actual.weights();
    assertEquals(want.keySet(), got.keySet());
    want.forEach((path, values) -> assertArrayEquals(values, got.get(path), path));
  }

  private static List<String> names(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static FloatNdArray random(int n, long... shape) {
    long size = n;
    for (long d : shape) {
      size *= d;
    }
    SplittableRandom r = new SplittableRandom(n * 31L + shape.length);
    float[] data = new float[Math.toIntExact(size)];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) r.nextGaussian();
    }
    long[] full = new long[shape.length + 1];
    full[0] = n;
    System.arraycopy(shape, 0, full, 1, shape.length);
    return HostArrays.of(data, full);
  }

  private static FloatNdArray oneHot(int n, int classes) {
    float[] data = new float[n * classes];
    for (int i = 0; i < n; i++) {
      data[i * classes + i % classes] = 1;
    }
    return HostArrays.of(data, n, classes);
  }
}

package io.tfbridge.interop.keras;

import static io.tfbridge.interop.keras.KerasTestData.file;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.Conv2D;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Dropout;
import io.tfbridge.layers.Flatten;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.Layer;
import io.tfbridge.layers.MaxPooling2D;
import io.tfbridge.layers.SimpleRNN;
import io.tfbridge.metrics.Metric;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.optimizers.SGD;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.ndarray.FloatNdArray;

/** Java save, then Java load, gives back the same model: spec, compile settings, weights, optimizer. */
class KerasRoundTripTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("io.tfbridge.interop.keras.KerasTestData#caseFiles")
  void kerasFilesSurviveJavaSaveAndLoadExactly(String testCase, String name) {
    try (Model original = KerasFiles.load(file(testCase, name))) {
      for (String format : new String[] {"copy.keras", "copy.h5"}) {
        Path copy = tmp.resolve(format);
        KerasFiles.save(original, copy);
        try (Model loaded = KerasFiles.load(copy)) {
          assertSameModel(original, loaded, KerasTestData.inputs(testCase, "x", original));
        }
      }
    }
  }

  /** A model built and trained in Java (every layer and option of the DSL), both formats. */
  @ParameterizedTest
  @ValueSource(strings = {"java.keras", "java.h5"})
  void javaBuiltModelsSurviveSaveAndLoad(String name) {
    Sequential spec = Sequential.of(
        Input.of(9, 8, 2).name("image"),
        Conv2D.of(3, 3, 2).strides(2, 1).padding("same").activation("relu").name("conv"),
        MaxPooling2D.of(2, 2).strides(1, 2).padding("same"),
        Conv2D.of(2, 2).useBias(false).activation("sigmoid"),
        Flatten.of(),
        Dropout.of(0.25),
        Dense.of(3).activation("softmax")).name("java_cnn").seed(7);
    try (Model model = spec.compile(SGD.of().learningRate(0.05).momentum(0.8).nesterov(true),
        "categorical_crossentropy", "accuracy")) {
      FloatNdArray x = random(12, 9, 8, 2);
      model.fit(x, oneHot(12, 3), FitOptions.epochs(2).batchSize(4).verbose(0));
      KerasFiles.save(model, tmp.resolve(name));
      try (Model loaded = KerasFiles.load(tmp.resolve(name))) {
        assertSameModel(model, loaded, x);
        assertEquals("image", loaded.inputs().get(0).name());
        assertEquals("java_cnn", loaded.name());
      }
    }
  }

  @Test
  void recurrentModelsSurviveSaveAndLoad() {
    Sequential spec = Sequential.of(
        SimpleRNN.of(4).returnSequences(true).useBias(false).inputShape(5, 3),
        SimpleRNN.of(3).activation("relu"),
        Dense.of(1).activation("sigmoid")).seed(3);
    try (Model model = spec.compile("adam", "binary_crossentropy", "accuracy")) {
      FloatNdArray x = random(8, 5, 3);
      model.fit(x, HostArrays.of(new float[] {0, 1, 1, 0, 1, 0, 0, 1}, 8, 1),
          FitOptions.epochs(2).batchSize(4).verbose(0));
      for (String name : new String[] {"rnn.keras", "rnn.h5"}) {
        KerasFiles.save(model, tmp.resolve(name));
        try (Model loaded = KerasFiles.load(tmp.resolve(name))) {
          assertSameModel(model, loaded, x);
        }
      }
    }
  }

  /** LSTM, GRU (both reset modes) and BatchNormalization, whose moving statistics training moved. */
  @Test
  void gatedRecurrentAndBatchNormModelsSurviveSaveAndLoad() {
    Sequential spec = Sequential.of(
        io.tfbridge.layers.LSTM.of(4).returnSequences(true).unitForgetBias(false).inputShape(5, 3),
        io.tfbridge.layers.GRU.of(3).returnSequences(true).recurrentActivation("tanh"),
        io.tfbridge.layers.GRU.of(3).resetAfter(false).useBias(false),
        io.tfbridge.layers.BatchNormalization.of().momentum(0.5).center(false),
        Dense.of(1).activation("sigmoid")).seed(4);
    try (Model model = spec.compile("adam", "binary_crossentropy", "accuracy")) {
      FloatNdArray x = random(8, 5, 3);
      model.fit(x, HostArrays.of(new float[] {0, 1, 1, 0, 1, 0, 0, 1}, 8, 1),
          FitOptions.epochs(2).batchSize(4).verbose(0));
      for (String name : new String[] {"gated.keras", "gated.h5"}) {
        KerasFiles.save(model, tmp.resolve(name));
        try (Model loaded = KerasFiles.load(tmp.resolve(name))) {
          assertSameModel(model, loaded, x);
        }
      }
    }
  }

  /**
   * A model config over HDF5's 64 KB object-header limit (100 layers: ~70 KB, as every
   * keras.applications model) is written as a variable-length string, as h5py writes it; the file
   * replaces the previous one whole and leaves no temporary file.
   */
  @Test
  void largeLegacyConfigRoundTrips() throws IOException {
    Layer<?>[] layers = new Layer<?>[100];
    layers[0] = Dense.of(2).inputShape(2);
    for (int i = 1; i < layers.length; i++) {
      layers[i] = Dense.of(2);
    }
    Path target = tmp.resolve("deep.h5");
    Files.writeString(target, "previous contents");
    try (Model model = Sequential.of(layers).seed(1).compile("sgd", "mse")) {
      KerasFiles.save(model, target);
      try (Model loaded = KerasFiles.load(target)) {
        assertEquals(100, loaded.layers().size());
        assertSameModel(model, loaded, random(5, 2));
      }
    }
    try (var files = Files.list(tmp)) {
      assertEquals(1, files.count(), "no temporary files are left behind");
    }
  }

  static void assertSameModel(Model expected, Model actual, FloatNdArray x) {
    assertSameModel(expected, actual, List.of(x));
  }

  /** The same for a model with several inputs ({@code xs} in the model's input order). */
  static void assertSameModel(Model expected, Model actual, List<FloatNdArray> xs) {
    assertEquals(expected.summary(), actual.summary());
    assertEquals(expected.name(), actual.name());
    assertEquals(expected.definition().inputs(), actual.definition().inputs());
    assertEquals(expected.definition().optimizer().getClass(), actual.definition().optimizer().getClass());
    assertEquals((float) expected.definition().optimizer().learningRate(),
        (float) actual.definition().optimizer().learningRate());
    assertEquals(expected.definition().loss().kerasName(), actual.definition().loss().kerasName());
    assertEquals(expected.definition().output().metrics().stream().map(Metric::name).toList(),
        actual.definition().output().metrics().stream().map(Metric::name).toList());
    assertSameValues(expected.weights(), actual.weights(), 0);
    boolean sgd = expected.definition().optimizer() instanceof SGD;
    assertSameValues(expected.graph().optimizerWeights(), actual.graph().optimizerWeights(),
        sgd ? 1e-6f : 0);
    assertEquals(expected.graph().iterations(), actual.graph().iterations());
    assertArrayEquals(HostArrays.toFlat(expected.predict(xs, 32)), HostArrays.toFlat(actual.predict(xs, 32)),
        0f);
  }

  /** SGD's momentum is rescaled by the learning rate on the way to Keras and back: within 1e-6. */
  private static void assertSameValues(Map<String, float[]> expected, Map<String, float[]> actual,
      float tolerance) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, values) -> assertArrayEquals(values, actual.get(path),
        tolerance * (1 + max(values)), path));
  }

  private static float max(float[] values) {
    float m = 0;
    for (float v : values) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  static FloatNdArray random(long... shape) {
    SplittableRandom random = new SplittableRandom(11);
    float[] values = new float[(int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return HostArrays.of(values, shape);
  }

  static FloatNdArray oneHot(int rows, int classes) {
    float[] values = new float[rows * classes];
    for (int i = 0; i < rows; i++) {
      values[i * classes + (i * 7) % classes] = 1;
    }
    return HostArrays.of(values, rows, classes);
  }

  @Test
  void saveRefusesOtherExtensions() {
    try (Model model = Sequential.of(Dense.of(1).inputShape(2)).seed(1).compile("sgd", "mse")) {
      KerasFileException e = assertThrows(KerasFileException.class,
          () -> KerasFiles.save(model, tmp.resolve("model.zip")));
      assertTrue(e.getMessage().contains("ending in .keras"), e.getMessage());
      assertFalse(Files.exists(tmp.resolve("model.zip")));
    }
  }
}

package io.tfbridge.interop.keras;

import static io.tfbridge.interop.keras.KerasTestData.file;
import static io.tfbridge.interop.keras.KerasTestData.inputs;
import static io.tfbridge.interop.keras.KerasTestData.maxDiff;
import static io.tfbridge.interop.keras.KerasTestData.npy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.engine.ModelInput;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Functional;
import io.tfbridge.models.Model;
import io.tfbridge.models.ModelSpec;
import io.tfbridge.optimizers.Adam;
import io.tfbridge.optimizers.SGD;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;

/**
 * Files made by Keras 3.15.1 load in Java, Sequential and functional models alike: Keras's predictions,
 * compile settings and optimizer state.
 */
class KerasGoldenFilesTest {

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("io.tfbridge.interop.keras.KerasTestData#caseFiles")
  void predictionsEqualKerasWithin1e5(String testCase, String name) {
    try (Model model = KerasFiles.load(file(testCase, name))) {
      FloatNdArray expected = npy(testCase, "y");
      double diff = maxDiff(expected, model.predict(inputs(testCase, "x", model), 32));
      assertTrue(diff <= 1e-5, testCase + "/" + name + ": max |diff| " + diff);
    }
  }

  /** Keras fit one epoch of ceil(n / 8) steps; the count and the slots come back from the file. */
  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("io.tfbridge.interop.keras.KerasTestData#caseFiles")
  void optimizerStateIsRestored(String testCase, String name) {
    long samples = npy(testCase, "y_train").shape().get(0);
    try (Model model = KerasFiles.load(file(testCase, name))) {
      assertEquals((samples + 7) / 8, model.graph().iterations());
      boolean hasSlots = !model.graph().optimizerWeights().isEmpty();
      assertTrue(model.graph().optimizerWeights().values().stream()
          .allMatch(v -> !hasSlots || anyNonZero(v)), "every slot holds Keras's state");
    }
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("io.tfbridge.interop.keras.KerasTestData#caseFiles")
  void loadedModelsTrainFurther(String testCase, String name) {
    FloatNdArray y = npy(testCase, "y_train");
    try (Model model = KerasFiles.load(file(testCase, name))) {
      List<FloatNdArray> x = inputs(testCase, "x_train", model);
      double before = model.evaluate(x, y, 32).get("loss");
      model.fit(x, y, FitOptions.epochs(5).batchSize(8).verbose(0));
      double after = model.evaluate(x, y, 32).get("loss");
      assertTrue(after < before, testCase + "/" + name + ": loss " + before + " -> " + after);
    }
  }

  /**
   * One more unshuffled epoch in Java ends where Keras ends after loading the same file: the
   * optimizer state (Adam moments, SGD momentum, iteration count) was restored as Keras restores it.
   * (mlp_dropout is left out: its dropout masks are random.)
   */
  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("io.tfbridge.interop.keras.KerasTestData#caseFiles")
  void resumedTrainingMatchesKeras(String testCase, String name) {
    Assumptions.assumeFalse(testCase.equals("mlp_dropout"), "random dropout masks");
    try (Model model = KerasFiles.load(file(testCase, name))) {
      model.fit(inputs(testCase, "x_train", model), npy(testCase, "y_train"),
          FitOptions.epochs(1).batchSize(8).shuffle(false).verbose(0));
      double diff = maxDiff(npy(testCase, "y_resumed"), model.predict(inputs(testCase, "x", model), 32));
      assertTrue(diff <= 1e-5, testCase + "/" + name + ": max |diff| " + diff);
    }
  }

  /** Keras's functional models come back as Functional specs with Keras's input and layer names. */
  @ParameterizedTest
  @ValueSource(strings = {"model.keras", "model.h5"})
  void functionalSpecsKeepKerasInputsAndLayers(String name) {
    ModelSpec two = KerasFiles.readSpec(file("functional_two_inputs", name));
    assertInstanceOf(Functional.class, two);
    assertEquals("two_inputs", two.name());
    assertEquals(List.of("a", "b"), two.inputs().stream().map(ModelInput::name).toList());
    assertEquals(List.of("concatenate", "dense", "middle", "dense_1"),
        two.build().stream().map(LayerNode::name).toList());
    assertEquals(List.of(List.of("a", "b"), List.of("concatenate"), List.of("dense"), List.of("middle")),
        two.build().stream().map(LayerNode::inbound).toList());
    ModelSpec branchy = KerasFiles.readSpec(file("functional_branchy", name));
    assertEquals(List.of("image", "meta"), branchy.inputs().stream().map(ModelInput::name).toList());
    LayerNode merge = branchy.build().stream().filter(n -> n.name().equals("merge")).findFirst()
        .orElseThrow();
    assertEquals(List.of("flatten", "branch_relu", "branch_tanh"), merge.inbound());
    ModelSpec residual = KerasFiles.readSpec(file("functional_residual", name));
    LayerNode skip = residual.build().stream().filter(n -> n.name().equals("skip")).findFirst()
        .orElseThrow();
    assertEquals(List.of("features", "dense_1"), skip.inbound());
    assertInstanceOf(Functional.class, KerasFiles.readSpec(file("functional_chain", name)));
    assertTrue(branchy.summary().contains("Total params: 315"), branchy.summary());
    assertEquals(branchy.summary(), KerasFiles.readSpec(file("functional_branchy", "model.keras")).summary());
  }

  /** Inputs by name (Predictor's map), in any order, predict as the list in the model's order. */
  @Test
  void functionalModelsPredictByInputName() {
    try (Model model = KerasFiles.load(file("functional_two_inputs", "model.keras"))) {
      Map<String, NdArray<?>> byName = new java.util.LinkedHashMap<>();
      byName.put("b", npy("functional_two_inputs", "x_b"));
      byName.put("a", npy("functional_two_inputs", "x_a"));
      FloatNdArray out = (FloatNdArray) model.predict(byName).get("output_0");
      double diff = maxDiff(npy("functional_two_inputs", "y"), out);
      assertTrue(diff <= 1e-5, "max |diff| " + diff);
    }
  }

  /** A Keras-made functional model saved by Java and loaded again: same spec, same predictions. */
  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("functionalResaves")
  void functionalModelsSurviveAJavaRoundTrip(String testCase, String saveAs, @TempDir Path tmp) {
    Path saved = tmp.resolve(testCase + saveAs);
    try (Model model = KerasFiles.load(file(testCase, "model.keras"))) {
      List<FloatNdArray> x = inputs(testCase, "x", model);
      KerasFiles.save(model, saved);
      try (Model loaded = KerasFiles.load(saved)) {
        assertEquals(model.summary(), loaded.summary());
        assertEquals(model.inputs(), loaded.inputs());
        assertEquals(model.graph().iterations(), loaded.graph().iterations());
        assertEquals(0.0, maxDiff(model.predict(x, 32), loaded.predict(x, 32)));
      }
    }
  }

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> functionalResaves() {
    return KerasTestData.FUNCTIONAL_CASES.stream().flatMap(c -> java.util.stream.Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(c, ".keras"),
        org.junit.jupiter.params.provider.Arguments.of(c, ".h5")));
  }

  /** The check above has teeth: with a fresh optimizer the resumed predictions differ. */
  @Test
  void aFreshOptimizerResumesDifferently() {
    try (Model model = KerasFiles.load(file("iris", "model.keras"), Adam.of(),
        io.tfbridge.losses.Losses.get("sparse_categorical_crossentropy"))) {
      model.fit(npy("iris", "x_train"), npy("iris", "y_train"),
          FitOptions.epochs(1).batchSize(8).shuffle(false).verbose(0));
      double diff = maxDiff(npy("iris", "y_resumed"), model.predict(npy("iris", "x")));
      assertTrue(diff > 1e-4, "max |diff| " + diff);
    }
  }

  @Test
  void compileSettingsComeFromTheFile() {
    try (Model iris = KerasFiles.load(file("iris", "model.keras"));
        Model strided = KerasFiles.load(file("strided_cnn", "model.h5"))) {
      assertInstanceOf(Adam.class, iris.definition().optimizer());
      assertEquals(0.001, iris.definition().optimizer().learningRate(), 1e-9);
      assertEquals("sparse_categorical_crossentropy", iris.definition().loss().kerasName());
      assertEquals("accuracy", iris.definition().output().metrics().get(0).name());
      SGD sgd = assertInstanceOf(SGD.class, strided.definition().optimizer());
      assertEquals(0.05, sgd.learningRate(), 1e-7);
      assertEquals(0.9, sgd.momentum(), 1e-9);
      assertEquals("categorical_crossentropy", strided.definition().loss().kerasName());
    }
  }

  @Test
  void uncompiledFilesGetAdamAndMeanSquaredError(@TempDir Path tmp) throws IOException {
    Path file = KerasTestData.editConfig(tmp, "uncompiled.keras", config -> {
      try {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(config);
        root.remove("compile_config");
        return root.toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    try (Model model = KerasFiles.load(file)) {
      assertInstanceOf(Adam.class, model.definition().optimizer());
      assertEquals(0.001, model.definition().optimizer().learningRate(), 1e-12);
      assertEquals("mean_squared_error", model.definition().loss().kerasName());
      assertTrue(model.definition().output().metrics().isEmpty());
      assertTrue(maxDiff(npy("iris", "y"), model.predict(npy("iris", "x"))) <= 1e-5);
    }
  }

  @Test
  void specKeepsKerasNamesAndOptions() {
    ModelSpec spec = KerasFiles.readSpec(file("mlp_dropout", "model.keras"));
    List<String> names = spec.build().stream().map(LayerNode::name).toList();
    assertEquals(List.of("hidden", "dropout", "dense", "drop", "out"), names);
    assertEquals(spec.summary(), KerasFiles.readSpec(file("mlp_dropout", "model.h5")).summary());
    ModelSpec stacked = KerasFiles.readSpec(file("stacked_rnn", "model.h5"));
    assertTrue(stacked instanceof io.tfbridge.models.Sequential, stacked.getClass().getName());
    assertEquals("sequence", stacked.inputs().get(0).name());
    assertTrue(stacked.summary().contains("(None, 6, 2)"), stacked.summary());
    assertTrue(KerasFiles.readSpec(file("rnn", "model.keras")).summary()
        .contains("Total params: 2,651"));
  }

  @Test
  void explicitCompileOverridesTheFileAndStartsAFreshOptimizer() {
    try (Model model = KerasFiles.load(file("iris", "model.keras"),
        SGD.of().learningRate(0.1), io.tfbridge.losses.Losses.get("sparse_categorical_crossentropy"),
        "accuracy")) {
      assertInstanceOf(SGD.class, model.definition().optimizer());
      assertEquals(0, model.graph().iterations());
      double diff = maxDiff(npy("iris", "y"), model.predict(npy("iris", "x")));
      assertTrue(diff <= 1e-5, "weights still come from the file: " + diff);
    }
  }

  private static boolean anyNonZero(float[] values) {
    for (float v : values) {
      if (v != 0) {
        return true;
      }
    }
    return false;
  }
}

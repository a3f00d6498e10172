package io.tfbridge.interop.keras;

import static io.tfbridge.interop.keras.KerasTestData.file;
import static io.tfbridge.interop.keras.KerasTestData.python;
import static io.tfbridge.interop.keras.KerasTestData.run;
import static io.tfbridge.interop.keras.KerasTestData.script;
import static io.tfbridge.interop.keras.KerasTestData.writeNpy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.dtypepolicies.DTypePolicy;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.Concatenate;
import io.tfbridge.interop.savedmodel.SavedModelExport;
import io.tfbridge.interop.savedmodel.SavedModelImport;
import io.tfbridge.interop.savedmodel.SavedModelPredictor;
import io.tfbridge.interop.savedmodel.SavedModels;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Keras's {@code mixed_bfloat16} policy in model files, both ways: a Keras-written file
 * ({@code keras/mixed_bfloat16_cnn}, made under the global policy with a float32 output layer) loads
 * with each layer's policy (its predictions and resumed training are checked with the other Keras
 * files, {@link KerasGoldenFilesTest}); a Java-written file carries each layer's own policy, and
 * Keras loads it with those policies and predicts as Java did.
 */
class MixedPrecisionFilesTest {
  private static final List<String> KERAS_POLICIES = List.of("mixed_bfloat16", "mixed_bfloat16",
      "mixed_bfloat16", "mixed_bfloat16", "mixed_bfloat16", "mixed_bfloat16", "float32");

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"model.keras", "model.h5"})
  void kerasWrittenPoliciesLoad(String name) {
    List<LayerNode> layers = KerasFiles.readSpec(file("mixed_bfloat16_cnn", name)).build();
    assertEquals(KERAS_POLICIES, layers.stream().map(n -> n.layer().dtypePolicy().name()).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"java_mixed.keras", "java_mixed.h5"})
  void javaWrittenFilesKeepEachLayersPolicy(String name) throws Exception {
    Path saved = tmp.resolve(name);
    FloatNdArray x = KerasRoundTripTest.random(6, 8, 8, 1);
    try (Model model = javaMixed().compile("adam", "categorical_crossentropy")) {
      model.fit(x, KerasRoundTripTest.oneHot(6, 3), FitOptions.epochs(1).batchSize(3).verbose(0));
      KerasFiles.save(model, saved);
      List<String> policies = List.of("mixed_bfloat16", "mixed_bfloat16", "mixed_bfloat16", "float32");
      assertEquals(policies, KerasFiles.readSpec(saved).build().stream()
          .map(n -> n.layer().dtypePolicy().name()).toList());
      if (System.getenv("TFBRIDGE_PYTHON") != null) {
        String printed = checkInKeras(saved, x, model.predict(x));
        assertTrue(printed.contains("conv2d: mixed_bfloat16\nmax_pooling2d: mixed_bfloat16\n"
            + "flatten: mixed_bfloat16\ndense: float32\n"), printed);
      }
    }
  }

  /**
   * A mixed model exported as a SavedModel serves Java's predictions (its graph computes in
   * bfloat16, its signature is float32) and imports back with its policies.
   */
  @org.junit.jupiter.api.Test
  void savedModelsOfMixedModelsServeAndImport() {
    Path dir = tmp.resolve("saved");
    FloatNdArray x = KerasRoundTripTest.random(3, 8, 8, 1);
    try (Model model = javaMixed().compile("adam", "categorical_crossentropy")) {
      float[] expected = HostArrays.toFlat(model.predict(x));
      SavedModelExport.export(model, dir);
      try (SavedModelPredictor served = SavedModels.load(dir)) {
        String input = served.inputs().get(0).name();
        FloatNdArray out = (FloatNdArray) served.predict(Map.of(input, x)).values().iterator().next();
        assertArrayEquals(expected, HostArrays.toFlat(out));
      }
      try (Model loaded = SavedModelImport.load(dir)) {
        assertEquals(List.of("mixed_bfloat16", "mixed_bfloat16", "mixed_bfloat16", "float32"),
            loaded.layers().stream().map(n -> n.layer().dtypePolicy().name()).toList());
        assertArrayEquals(expected, HostArrays.toFlat(loaded.predict(x)));
      }
    }
  }

  /** A functional model with a mixed branch and a float32 branch, concatenated in float32. */
  @ParameterizedTest
  @ValueSource(strings = {"java_mixed_functional.keras", "java_mixed_functional.h5"})
  void javaWrittenFunctionalModelsKeepEachLayersPolicy(String name) throws Exception {
    Path saved = tmp.resolve(name);
    KerasTensor in = Input.of(5).name("features").tensor();
    KerasTensor mixed = Dense.of(4).activation("relu").dtype("mixed_bfloat16").name("mixed").apply(in);
    KerasTensor full = Dense.of(3).activation("tanh").name("full").apply(in);
    KerasTensor out = Dense.of(2).name("out").apply(Concatenate.of().name("merge").apply(mixed, full));
    FloatNdArray x = KerasRoundTripTest.random(4, 5);
    try (Model model = Functional.of(List.of(in), out).seed(2).compile("sgd", "mse")) {
      KerasFiles.save(model, saved);
      assertEquals(List.of("mixed_bfloat16", "float32", "float32", "float32"),
          KerasFiles.readSpec(saved).build().stream().map(n -> n.layer().dtypePolicy().name())
              .toList());
      if (System.getenv("TFBRIDGE_PYTHON") != null) {
        String printed = checkInKeras(saved, x, model.predict(x));
        assertTrue(printed.contains("mixed: mixed_bfloat16\nfull: float32\n"), printed);
      }
    }
  }

  /** Keras loads the file with Java's policies and predicts as Java did; what it printed. */
  private String checkInKeras(Path saved, FloatNdArray x, FloatNdArray y) throws Exception {
    Path xs = tmp.resolve("x.npy");
    Path ys = tmp.resolve("y.npy");
    writeNpy(xs, x);
    writeNpy(ys, y);
    String out = run(List.of(python(), script("check_dtype_policies.py").toString(),
        saved.toString(), xs.toString(), ys.toString()));
    assertTrue(out.contains("(ok, atol"), out);
    return out;
  }

  /** Conv2D, pooling and Flatten under the global policy, the output Dense float32. */
  private static Sequential javaMixed() {
    DTypePolicy.setGlobalPolicy("mixed_bfloat16");
    try {
      return Sequential.of(Input.of(8, 8, 1), Conv2D.of(2, 3).activation("relu"),
          MaxPooling2D.of(2, 2), Flatten.of(), Dense.of(3).activation("softmax").dtype("float32"))
          .seed(3);
    } finally {
      DTypePolicy.setGlobalPolicy("float32");
    }
  }
}

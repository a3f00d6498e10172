package io.tfbridge.interop.savedmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;

/** Signature listing, the default signature, the shared bundle's lifecycle and concurrent use. */
class SavedModelPredictorTest {
  private static final GoldenSavedModels GOLDEN = GoldenSavedModels.committed();

  @Test
  void listsEverySignatureWithoutLoading() {
    List<SavedModelSignature> signatures = SavedModels.signatures(GOLDEN.model("tf_module"));
    assertEquals(List.of("greet", "serving_default"),
        signatures.stream().map(SavedModelSignature::key).toList());
    assertEquals("""
        signature 'greet' (tensorflow/serving/predict)
          input  names: string (None,)
          input  times: int32 (None,)
          output greeting: string (None,)
          output length: int32 (None,)
        """, signatures.get(0).describe());
  }

  @Test
  void kerasExportListsServeAndServingDefault() {
    try (SavedModelPredictor model = SavedModels.load(GOLDEN.model("iris_mlp"))) {
      assertEquals("serving_default", model.signatureKey());
      assertEquals(List.of("serve", "serving_default"),
          model.signatures().stream().map(SavedModelSignature::key).toList());
      assertTrue(model.signatures().get(1).describe().contains("input  keras_tensor: float32 "
          + "(None, 4)\n  output output_0: float32 (None, 3)"));
    }
  }

  @Test
  void oneFloatInputModelsTakeAFloatArray() throws Exception {
    GoldenSavedModels.Case c = GOLDEN.stream().filter(k -> k.name().equals("iris_mlp"))
        .findFirst().orElseThrow();
    try (SavedModelPredictor model = SavedModels.load(c.model())) {
      FloatNdArray y = model.predict((FloatNdArray) GOLDEN.inputs(c).get("keras_tensor"));
      GoldenSavedModels.assertClose("iris", GOLDEN.expected(c).get("output_0"), y);
    }
  }

  @Test
  void closeIsIdempotentAndUseAfterCloseFails() {
    SavedModelPredictor model = SavedModels.load(GOLDEN.model("iris_mlp"));
    model.close();
    model.close();
    assertThrows(IllegalStateException.class, () -> model.predict(Map.of()));
    assertThrows(IllegalStateException.class, () -> model.signature("serving_default"));
  }

  @Test
  void signaturesShareTheBundleUntilTheLastCloses() {
    GoldenSavedModels.Case greetCase = GOLDEN.stream()
        .filter(c -> c.toString().equals("tf_module/greet")).findFirst().orElseThrow();
    SavedModelPredictor model = SavedModels.load(greetCase.model());
    SavedModelPredictor greet = model.signature("greet");
    model.close();
    Map<String, NdArray<?>> out = greet.predict(GOLDEN.inputs(greetCase));
    GoldenSavedModels.assertClose("greeting", GOLDEN.expected(greetCase).get("greeting"),
        out.get("greeting"));
    greet.close();
    assertThrows(IllegalStateException.class, () -> greet.predict(GOLDEN.inputs(greetCase)));
  }

  @Test
  void concurrentPredictionsAgree() throws Exception {
    GoldenSavedModels.Case c = GOLDEN.stream().filter(k -> k.name().equals("lstm"))
        .findFirst().orElseThrow();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (SavedModelPredictor model = SavedModels.load(c.model())) {
      List<Future<Map<String, NdArray<?>>>> runs = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        runs.add(pool.submit(() -> model.predict(GOLDEN.inputs(c))));
      }
      for (Future<Map<String, NdArray<?>>> run : runs) {
        GoldenSavedModels.assertClose("lstm", GOLDEN.expected(c).get("output_0"),
            run.get().get("output_0"));
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void toStringNamesDirectoryAndSignature() {
    Path dir = GOLDEN.model("tf_module");
    try (SavedModelPredictor model = SavedModels.load(dir, "greet")) {
      assertEquals("SavedModelPredictor[" + dir + ", signature 'greet']", model.toString());
    }
  }
}

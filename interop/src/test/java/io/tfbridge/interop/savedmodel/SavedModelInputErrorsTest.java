package io.tfbridge.interop.savedmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/**
 * Inputs are checked before anything runs: a missing or unknown name, a wrong dtype or shape each
 * give a message naming the directory, the signature and the input, the expected and the found.
 */
class SavedModelInputErrorsTest {
  private static final GoldenSavedModels GOLDEN = GoldenSavedModels.committed();
  private static SavedModelPredictor iris;
  private static SavedModelPredictor twoInputs;
  private static SavedModelPredictor greet;

  @BeforeAll
  static void load() {
    iris = SavedModels.load(GOLDEN.model("iris_mlp"));
    twoInputs = SavedModels.load(GOLDEN.model("two_inputs"));
    greet = SavedModels.load(GOLDEN.model("tf_module"), "greet");
  }

  @AfterAll
  static void close() {
    iris.close();
    twoInputs.close();
    greet.close();
  }

  @Test
  void wrongDtype() {
    assertError(iris, Map.of("keras_tensor", NdArrays.ofInts(Shape.of(2, 4))),
        "input 'keras_tensor' expects dtype float32, found int32 of shape (2, 4) "
            + "(numpy: x.astype(np.float32))");
    assertError(greet, Map.of("names", NdArrays.ofInts(Shape.of(2)),
        "times", NdArrays.ofInts(Shape.of(2))),
        "input 'names' expects dtype string, found int32 of shape (2,)");
  }

  @Test
  void wrongShape() {
    assertError(iris, Map.of("keras_tensor", NdArrays.ofFloats(Shape.of(2, 5))),
        "input 'keras_tensor' expects shape (None, 4), found (2, 5)");
    assertError(iris, Map.of("keras_tensor", NdArrays.ofFloats(Shape.of(4))),
        "input 'keras_tensor' expects shape (None, 4), found (4,)");
  }

  @Test
  void missingInput() {
    assertError(twoInputs, Map.of("features", NdArrays.ofFloats(Shape.of(1, 4))),
        "missing input 'extra'; the inputs are [extra: float32 (None, 3), features: float32 "
            + "(None, 4)]");
  }

  @Test
  void unknownInput() {
    assertError(iris, Map.of("x", NdArrays.ofFloats(Shape.of(1, 4))),
        "unknown input 'x'; the inputs are [keras_tensor: float32 (None, 4)]");
  }

  @Test
  void singleFloatPredictNeedsOneInput() {
    String message = assertThrows(IllegalArgumentException.class,
        () -> twoInputs.predict(NdArrays.ofFloats(Shape.of(1, 4)))).getMessage();
    assertEquals("predict(FloatNdArray) needs a model with one input; this one has 2: [extra: "
        + "float32 (None, 3), features: float32 (None, 4)]. Use predict(Map) with names.", message);
  }

  private static void assertError(SavedModelPredictor model, Map<String, NdArray<?>> inputs,
      String expected) {
    String message = assertThrows(IllegalArgumentException.class, () -> model.predict(inputs))
        .getMessage();
    Path dir = model.directory();
    assertEquals("SavedModel " + dir + ", signature '" + model.signatureKey() + "': " + expected,
        message);
  }
}

package io.tfbridge.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.Add;
import io.tfbridge.layers.Concatenate;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.KerasTensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/**
 * The functional API refuses bad graphs and bad data with an {@link IllegalArgumentException} whose
 * message names the layer or input and the shapes, before anything reaches the native runtime; and a
 * model keeps working after refusing data.
 */
class FunctionalModelTest {
  static final FitOptions QUIET = FitOptions.epochs(1).batchSize(4).verbose(0).shuffle(false);

  /** {@code keras.Model([a(4), b(3)], Dense(3, softmax)(Dense(5, relu)(Concatenate()([a, b]))))}. */
  static Functional twoInputs() {
    KerasTensor a = Input.of(4).name("a").tensor();
    KerasTensor b = Input.of(3).name("b").tensor();
    KerasTensor h = Dense.of(5).activation("relu").apply(Concatenate.of().apply(a, b));
    return Functional.of(List.of(a, b), Dense.of(3).activation("softmax").apply(h)).seed(5);
  }

  static FloatNdArray ones(long... shape) {
    FloatNdArray x = NdArrays.ofFloats(Shape.of(shape));
    x.scalars().forEach(s -> s.setFloat(0.5f));
    return x;
  }

  static String message(Executable e) {
    return assertThrows(IllegalArgumentException.class, e).getMessage();
  }

  static void assertMentions(String message, String... parts) {
    for (String p : parts) {
      assertTrue(message.contains(p), "message should mention \"" + p + "\": " + message);
    }
  }

  @Test
  void concatenateWithMismatchedShapesNamesTheLayerAndTheShapes() {
    KerasTensor a = Input.of(4).tensor();
    KerasTensor b = Input.of(3, 2).tensor();
    assertMentions(message(() -> Concatenate.of().name("join").apply(a, b)),
        "join", "Concatenate", "(None, 4)", "(None, 3, 2)");
    // unnamed: the layer's stem; Keras: "A `Concatenate` layer requires inputs with matching shapes
    // except for the concatenation axis. Received: input_shape=[(None, 2, 3), (None, 4, 2)]"
    KerasTensor c = Input.of(2, 3).tensor();
    KerasTensor d = Input.of(4, 2).tensor();
    assertMentions(message(() -> Concatenate.of().axis(1).apply(c, d)),
        "concatenate", "matching shapes except for the concatenation axis", "(None, 2, 3)",
        "(None, 4, 2)");
    // along the last axis the same two are fine: (None, 2, 3) + (None, 2, 5)
    KerasTensor e = Input.of(2, 5).tensor();
    assertArrayEquals(new long[] {-1, 2, 8}, Concatenate.of().apply(c, e).shape().asArray());
    assertArrayEquals(new long[] {-1, 6, 3},
        Concatenate.of().axis(1).apply(c, Input.of(4, 3).tensor()).shape().asArray());
  }

  @Test
  void concatenateOnTheBatchAxisIsRefused() {
    KerasTensor a = Input.of(4).tensor();
    KerasTensor b = Input.of(4).tensor();
    assertMentions(message(() -> Concatenate.of().axis(0).apply(a, b)), "axis=0", "batch axis");
    assertMentions(message(() -> Concatenate.of().axis(2).apply(a, b)), "axis=2", "(None, 4)");
  }

  @Test
  void addWithIncompatibleShapesNamesTheLayerAndTheShapes() {
    KerasTensor a = Input.of(4).tensor();
    KerasTensor b = Input.of(3).tensor();
    // Keras: "Inputs have incompatible shapes. Received shapes (4,) and (3,)"
    assertMentions(message(() -> Add.of().name("residual").apply(a, b)),
        "residual", "Add", "incompatible", "(None, 4)", "(None, 3)");
    assertMentions(message(() -> Add.of().apply(a, Input.of(3, 2).tensor())),
        "add", "(3, 2) and (4,)", "(None, 4)", "(None, 3, 2)");
    // a dimension of 1 broadcasts, and shapes align at their last axes, as in Keras
    assertArrayEquals(new long[] {-1, 3, 4},
        Add.of().apply(Input.of(3, 4).tensor(), Input.of(1, 4).tensor()).shape().asArray());
    assertArrayEquals(new long[] {-1, 4, 4},
        Add.of().apply(a, Input.of(4, 1).tensor()).shape().asArray());
  }

  @Test
  void anOutputDependingOnAnUnlistedInputIsRefused() {
    KerasTensor a = Input.of(4).name("a").tensor();
    KerasTensor b = Input.of(3).name("b").tensor();
    KerasTensor out = Dense.of(2).apply(Concatenate.of().apply(a, b));
    assertMentions(message(() -> Functional.of(List.of(a), out)), "(None, 3)", "b",
        "not among the model's inputs");
    assertMentions(message(() -> Functional.of(List.of(a, a, b), out)), "listed twice");
    assertMentions(message(() -> Functional.of(List.of(a, b), a)), "output");
    assertMentions(message(() -> Functional.of(List.of(out), out)), "Input");
    assertMentions(message(() -> Functional.of(List.of(), out)), "at least one input");
  }

  @Test
  void mergeLayerNeedsAListOfInputs() {
    assertMentions(message(() -> Add.of().apply()), "Add");
  }

  @Test
  void wrongNumberOfInputArraysIsRefused() {
    try (Model model = twoInputs().compile("adam", "sparse_categorical_crossentropy")) {
      FloatNdArray x0 = ones(8, 4);
      FloatNdArray x1 = ones(8, 3);
      FloatNdArray y = HostArrays.of(new int[] {0, 1, 2, 0, 1, 2, 0, 1});
      float[][] before = HostArrays.toRows(model.predict(List.of(x0, x1), 32));

      assertMentions(message(() -> model.fit(List.of(x0), y, QUIET)),
          "expects 2 input(s) [a, b]", "received 1");
      assertMentions(message(() -> model.fit(x0, y, QUIET)), "expects 2 input(s)", "received 1");
      assertMentions(message(() -> model.fit(List.of(x0, x1, x1), y, QUIET)), "received 3");
      assertMentions(message(() -> model.predict(List.of(x1), 32)), "expects 2 input(s)");
      assertMentions(message(() -> model.predict(x0)), "expects 2 input(s)");
      assertMentions(message(() -> model.evaluate(List.of(x0), y, 4)), "expects 2 input(s)");
      // the arrays in the wrong order: input 0 ('a') gets 3 columns
      assertMentions(message(() -> model.predict(List.of(x1, x0), 32)), "Input 0", "'a'", "(None, 4)");
      // a missing name for Predictor
      String m = message(() -> model.predict(Map.<String, NdArray<?>>of("a", x0)));
      assertMentions(m, "b");

      float[][] after = HostArrays.toRows(model.predict(List.of(x0, x1), 32));
      for (int i = 0; i < before.length; i++) {
        assertArrayEquals(before[i], after[i], "still works");
      }
    }
  }

  @Test
  void inputArraysWithDifferentSampleCountsAreRefused() {
    try (Model model = twoInputs().compile("adam", "sparse_categorical_crossentropy")) {
      FloatNdArray y = HostArrays.of(new int[] {0, 1, 2, 0});
      // Keras: "Data cardinality is ambiguous. Make sure all arrays contain the same number of
      // samples.'x' sizes: 2, 3"
      assertMentions(message(() -> model.fit(List.of(ones(4, 4), ones(3, 3)), y, QUIET)),
          "Data cardinality is ambiguous", "4", "3");
      assertMentions(message(() -> model.predict(List.of(ones(2, 4), ones(3, 3)), 32)),
          "Data cardinality is ambiguous");
      assertMentions(message(() -> model.fit(List.of(ones(5, 4), ones(5, 3)), y, QUIET)),
          "'y' sizes: 4");
      // the second input's shape is checked too, naming it
      assertMentions(message(() -> model.fit(List.of(ones(4, 4), ones(4, 4)), y, QUIET)),
          "Input 1", "'b'", "(None, 3)");
      assertEquals(1, model.fit(List.of(ones(4, 4), ones(4, 3)), y, QUIET).get("loss").size());
    }
  }

  @Test
  void mergeLayerInASequentialIsRefused() {
    // Keras: "A merge layer should be called on a list of inputs. Received: input_shape=(None, 4)
    // (not a list of shapes)"
    Sequential spec = Sequential.of(Input.of(4), Dense.of(4), Add.of());
    assertMentions(message(spec::summary), "merge layer should be called on a list of inputs",
        "(None, 4)", "add");
    assertMentions(message(() -> spec.compile("sgd", "mean_squared_error")),
        "merge layer should be called on a list of inputs");
    assertMentions(message(() -> Sequential.of(Input.of(4), Concatenate.of()).summary()),
        "Concatenate");
  }

  @Test
  void summaryOfAFunctionalModel() {
    String summary = twoInputs().name("two_inputs").summary();
    // Keras wraps "concatenate (Concatenate)" onto two lines of its 21-character column
    assertMentions(summary, "Model: \"two_inputs\"", "concatenate ", "(Concatenate)", "(None, 7)",
        "dense (Dense)", "(None, 5)", "dense_1 (Dense)", "(None, 3)",
        "Total params: 58 (232.00 B)", "Trainable params: 58 (232.00 B)",
        "Non-trainable params: 0 (0.00 B)");
    assertTrue(summary.indexOf("concatenate ") < summary.indexOf("dense (")
        && summary.indexOf("dense (") < summary.indexOf("dense_1 ("), summary);
    try (Model model = twoInputs().name("two_inputs").compile("sgd", "mean_squared_error")) {
      assertEquals(summary, model.summary());
    }
  }

  @Test
  void layerNamesAreUniqueAndGeneratedInOrder() {
    KerasTensor x = Input.of(6).tensor();
    KerasTensor h = Dense.of(6).name("dense_1").apply(x);
    h = Dense.of(6).apply(h);
    h = Dense.of(6).apply(h);
    Functional spec = Functional.of(x, h);
    // Keras skips a name already taken: dense_1 (given), dense, dense_2
    assertEquals(List.of("dense_1", "dense", "dense_2"),
        spec.build().stream().map(io.tfbridge.engine.LayerNode::name).toList());
    assertEquals(List.of("input_layer"), spec.inputs().stream().map(i -> i.name()).toList());

    KerasTensor y = Input.of(6).tensor();
    KerasTensor g = Dense.of(6).name("twice").apply(y);
    KerasTensor out = Dense.of(2).name("twice").apply(g);
    assertMentions(message(() -> Functional.of(y, out).build()), "twice", "unique");
  }

  @Test
  void anUnusedInputIsAllowedAsInKeras() {
    KerasTensor a = Input.of(4).name("a").tensor();
    KerasTensor b = Input.of(3).name("b").tensor();
    KerasTensor out = Dense.of(2).apply(a);
    try (Model model = Functional.of(List.of(a, b), out).seed(1).compile("sgd", "mean_squared_error")) {
      assertEquals(List.of("a", "b"), model.inputs().stream().map(t -> t.name()).toList());
      assertArrayEquals(new long[] {2, 2},
          model.predict(List.of(ones(2, 4), ones(2, 3)), 32).shape().asArray());
    }
  }
}

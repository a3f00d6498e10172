package io.tfbridge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tfbridge.data.HostArrays;
import io.tfbridge.data.MiniJson;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.inference.TensorSpec;
import io.tfbridge.layers.Add;
import io.tfbridge.layers.Concatenate;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Flatten;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.KerasTensor;
import io.tfbridge.optimizers.Adam;
import io.tfbridge.optimizers.Optimizer;
import io.tfbridge.optimizers.SGD;
import io.tfbridge.testing.Golden;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;

/**
 * Functional models ({@code keras.Model(inputs, outputs)}: several inputs, merge layers, residual and
 * branching graphs) against real Keras 3.15 with the same weights and inputs: the forward pass within
 * 1e-6, short {@code train_on_batch} trajectories within 1e-5, and the structure Keras reports
 * ({@code functional.json}): input names, {@code model.layers} names and order (InputLayers left
 * out), per-layer parameter counts and the weight paths in {@code get_weights()} order.
 */
class KerasFunctionalGoldenTest {
  static final double FORWARD_TOLERANCE = 1e-6;
  static final double TRAINING_TOLERANCE = 1e-5;

  /** Same graphs as the builders in make_golden.py, layers made in the same order. */
  static Functional twoInputs() {
    KerasTensor a = Input.of(4).name("a").tensor();
    KerasTensor b = Input.of(3).name("b").tensor();
    KerasTensor h = Concatenate.of().apply(a, b);
    h = Dense.of(5).activation("relu").apply(h);
    return Functional.of(List.of(a, b), Dense.of(3).activation("softmax").apply(h));
  }

  static Functional residual() {
    KerasTensor x = Input.of(6).tensor();
    KerasTensor h = Dense.of(6).activation("relu").apply(x);
    h = Add.of().apply(h, x);
    return Functional.of(x, Dense.of(2).activation("sigmoid").apply(h));
  }

  static Functional branchy() {
    KerasTensor x = Input.of(6).tensor();
    KerasTensor shortBranch = Dense.of(4).activation("relu").apply(x);
    KerasTensor longBranch = Dense.of(3).activation("tanh").apply(x);
    longBranch = Dense.of(2).apply(longBranch);
    KerasTensor h = Concatenate.of().apply(shortBranch, longBranch);
    return Functional.of(x, Dense.of(3).activation("softmax").apply(h));
  }

  static Functional concatAxis1() {
    KerasTensor a = Input.of(2, 3).tensor();
    KerasTensor b = Input.of(4, 3).tensor();
    KerasTensor h = Concatenate.of().axis(1).apply(a, b);
    h = Flatten.of().apply(h);
    return Functional.of(List.of(a, b), Dense.of(2).apply(h));
  }

  static Stream<Arguments> forwardCases() {
    Map<String, Supplier<Functional>> cases = new LinkedHashMap<>();
    cases.put("functional_two_inputs", KerasFunctionalGoldenTest::twoInputs);
    cases.put("functional_residual", KerasFunctionalGoldenTest::residual);
    cases.put("functional_branchy", KerasFunctionalGoldenTest::branchy);
    cases.put("functional_concat_axis1", KerasFunctionalGoldenTest::concatAxis1);
    return cases.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  static Stream<Arguments> trainingCases() {
    return Stream.of(
        Arguments.of("train_functional_two_inputs_adam",
            (Supplier<Functional>) KerasFunctionalGoldenTest::twoInputs, Adam.of().learningRate(0.01),
            "sparse_categorical_crossentropy", 5),
        Arguments.of("train_functional_residual_sgd",
            (Supplier<Functional>) KerasFunctionalGoldenTest::residual, SGD.of().learningRate(0.1),
            "binary_crossentropy", 5),
        Arguments.of("train_functional_branchy_sgd_momentum",
            (Supplier<Functional>) KerasFunctionalGoldenTest::branchy,
            SGD.of().learningRate(0.05).momentum(0.9), "categorical_crossentropy", 5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forwardCases")
  void forwardPassEqualsKeras(String name, Supplier<Functional> spec) {
    Golden golden = Golden.of(name);
    List<FloatNdArray> xs = inputs(golden);
    try (Model model = spec.get().seed(1).compile("sgd", "mean_squared_error")) {
      assertStructureEqualsKeras(name, model);
      model.setWeights(golden.weights("w"));
      FloatNdArray expected = golden.array("y");
      FloatNdArray actual = model.predict(xs, 32);
      Golden.assertShape(expected.shape().asArray(), actual.shape().asArray(), name);
      Golden.assertClose(HostArrays.toFlat(expected), HostArrays.toFlat(actual), FORWARD_TOLERANCE, name);

      // the same through Predictor, the inputs by name
      Map<String, NdArray<?>> byName = new LinkedHashMap<>();
      List<TensorSpec> specs = model.inputs();
      for (int i = 0; i < specs.size(); i++) {
        byName.put(specs.get(i).name(), xs.get(i));
      }
      FloatNdArray viaPredictor = (FloatNdArray) model.predict(byName).get("output_0");
      Golden.assertClose(HostArrays.toFlat(expected), HostArrays.toFlat(viaPredictor),
          FORWARD_TOLERANCE, name + " via Predictor");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trainingCases")
  void trajectoryEqualsKeras(String name, Supplier<Functional> spec, Optimizer optimizer, String loss,
      int steps) {
    Golden golden = Golden.of(name);
    List<FloatNdArray> xs = inputs(golden);
    FloatNdArray y = golden.array("y_true");
    try (Model model = spec.get().seed(7).compile(optimizer, loss)) {
      assertStructureEqualsKeras(name, model);
      model.setWeights(golden.weights("w"));
      FitOptions oneStep =
          FitOptions.epochs(1).batchSize((int) xs.get(0).shape().get(0)).shuffle(false).verbose(0);
      for (int step = 0; step < steps; step++) {
        double actual = model.fit(xs, y, oneStep).get("loss").get(0);
        double expected = golden.scalar("loss_" + step);
        assertEquals(expected, actual, TRAINING_TOLERANCE * (1 + Math.abs(expected)),
            name + " loss at step " + step);
      }
      List<float[]> after = golden.weights("after_w");
      List<float[]> weights = model.getWeights();
      assertEquals(after.size(), weights.size(), name + " weight count");
      for (int i = 0; i < after.size(); i++) {
        Golden.assertClose(after.get(i), weights.get(i), TRAINING_TOLERANCE,
            name + " weight " + i + " after training");
      }
    }
  }

  /** x0.npy, x1.npy, ... : one array per model input. */
  static List<FloatNdArray> inputs(Golden golden) {
    return golden.arrays("x");
  }

  /** Names, order, parameter counts and weight paths as Keras reports them in functional.json. */
  static void assertStructureEqualsKeras(String name, Model model) {
    Map<String, Object> keras =
        MiniJson.obj(MiniJson.resource(KerasFunctionalGoldenTest.class, "/golden/" + name + "/functional.json"));
    assertEquals(keras.get("model_name"), model.name(), name + ": model name");
    assertEquals(MiniJson.list(keras.get("inputs")),
        model.inputs().stream().map(TensorSpec::name).toList(), name + ": input names");
    List<Object> inputShapes = MiniJson.list(keras.get("input_shapes"));
    for (int i = 0; i < inputShapes.size(); i++) {
      long[] expected = MiniJson.longs(inputShapes.get(i));
      long[] actual = model.inputs().get(i).shape().tail().asArray();
      org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, name + ": input " + i + " shape");
    }
    List<LayerNode> layers = model.layers();
    assertEquals(MiniJson.list(keras.get("layers")), layers.stream().map(LayerNode::name).toList(),
        name + ": model.layers names and order");
    assertEquals(MiniJson.list(keras.get("layer_classes")),
        layers.stream().map(n -> n.layer().className()).toList(), name + ": layer classes");
    List<Long> counts = new ArrayList<>();
    MiniJson.list(keras.get("param_counts")).forEach(c -> counts.add(((Number) c).longValue()));
    assertEquals(counts, layers.stream().map(LayerNode::parameterCount).toList(),
        name + ": parameter counts");
    assertEquals(((Number) keras.get("total_params")).longValue(),
        layers.stream().mapToLong(LayerNode::parameterCount).sum(), name + ": total params");
    assertEquals(MiniJson.list(keras.get("weight_paths")), List.copyOf(model.weights().keySet()),
        name + ": weight paths in get_weights() order");
  }
}

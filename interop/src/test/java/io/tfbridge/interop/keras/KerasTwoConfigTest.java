package io.tfbridge.interop.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfbridge.data.HostArrays;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.engine.TensorRef;
import io.tfbridge.inference.TensorSpec;
import io.tfbridge.layers.Concatenate;
import io.tfbridge.layers.Dense;
import io.tfbridge.models.Functional;
import io.tfbridge.models.Model;
import io.tfbridge.models.ModelSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Keras 2 (tf-keras) Functional configs, as {@code model.to_json()} of tf-keras 2.15 writes them
 * and as the {@code model_config} attribute of a legacy .h5 holds them: {@code InputLayer}s with
 * {@code batch_input_shape}, inbound nodes as {@code [[["dense", 0, 0, {}], ...]]}, and
 * {@code input_layers}/{@code output_layers} as lists of {@code [name, node, tensor]}. tf_keras is
 * not installable here, so the JSON is written by hand after tf-keras's format.
 */
class KerasTwoConfigTest {
  /**
   * {@code features (4) -> Dense 5 relu -> Concatenate with extra (3) -> Dense 2}: tf-keras 2.15's
   * {@code to_json()} of
   * <pre>
   * a = Input((4,), name="features"); b = Input((3,), name="extra")
   * h = Concatenate()([Dense(5, activation="relu")(a), b])
   * Model([a, b], Dense(2)(h))
   * </pre>
   * The InputLayer of {@code extra} comes after {@code dense} in the layer list, as tf-keras may
   * order it; the model's input order is that of {@code input_layers}.
   */
  static final String TWO_INPUTS = """
      {"class_name": "Functional", "config": {"name": "model", "trainable": true, "layers": [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 4], "dtype": "float32",
          "sparse": false, "ragged": false, "name": "features"},
         "name": "features", "inbound_nodes": []},
        {"class_name": "Dense", "config": {"name": "dense", "trainable": true, "dtype": "float32",
          "units": 5, "activation": "relu", "use_bias": true,
          "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform",
            "config": {"seed": null}, "registered_name": null},
          "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros",
            "config": {}, "registered_name": null},
          "kernel_regularizer": null, "bias_regularizer": null, "activity_regularizer": null,
          "kernel_constraint": null, "bias_constraint": null},
         "name": "dense", "inbound_nodes": [[["features", 0, 0, {}]]]},
        {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 3], "dtype": "float32",
          "sparse": false, "ragged": false, "name": "extra"},
         "name": "extra", "inbound_nodes": []},
        {"class_name": "Concatenate", "config": {"name": "concatenate", "trainable": true,
          "dtype": "float32", "axis": -1},
         "name": "concatenate", "inbound_nodes": [[["dense", 0, 0, {}], ["extra", 0, 0, {}]]]},
        {"class_name": "Dense", "config": {"name": "dense_1", "trainable": true, "dtype": "float32",
          "units": 2, "activation": "linear", "use_bias": true,
          "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform",
            "config": {"seed": null}, "registered_name": null},
          "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros",
            "config": {}, "registered_name": null},
          "kernel_regularizer": null, "bias_regularizer": null, "activity_regularizer": null,
          "kernel_constraint": null, "bias_constraint": null},
         "name": "dense_1", "inbound_nodes": [[["concatenate", 0, 0, {}]]]}],
       "input_layers": [["features", 0, 0], ["extra", 0, 0]],
       "output_layers": [["dense_1", 0, 0]]},
       "keras_version": "2.15.0", "backend": "tensorflow"}
      """;

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void readsTheLayersAndTheirWiring() throws Exception {
    ModelSpec spec = KerasConfigReader.read(json(TWO_INPUTS));
    Functional functional = assertInstanceOf(Functional.class, spec);
    assertEquals("model", functional.name());
    assertEquals(List.of("features", "extra"),
        functional.inputTensors().stream().map(t -> t.layer().name().orElseThrow()).toList());
    assertInstanceOf(Dense.class, functional.output().layer());
    assertEquals(2, functional.output().shape().size(1));
    assertInstanceOf(Concatenate.class, functional.output().inbound().get(0).layer());

    try (Model model = spec.compile("sgd", "mse")) {
      assertEquals("[features: float32 (None, 4), extra: float32 (None, 3)]",
          model.inputs().toString());
      assertEquals(List.of("output_0"), model.outputs().stream().map(TensorSpec::name).toList());
      List<LayerNode> layers = model.layers();
      assertEquals(List.of("dense", "concatenate", "dense_1"),
          layers.stream().map(LayerNode::name).toList());
      assertEquals(List.of(List.of("features"), List.of("dense", "extra"), List.of("concatenate")),
          layers.stream().map(LayerNode::inbound).toList());
      assertEquals(List.of(5L, 8L, 2L),
          layers.stream().map(l -> l.outputShape().size(1)).toList());
      assertEquals(List.of("dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias"),
          List.copyOf(model.weights().keySet()));
    }
  }

  @Test
  void predictsWhatTheWeightsGiveByHand() throws Exception {
    try (Model model = KerasConfigReader.read(json(TWO_INPUTS)).compile("sgd", "mse")) {
      // dense: kernel of ones (4x5), bias 0.1 .. 0.5, relu: h_j = relu(sum(features) + b_j)
      float[] kernel = new float[4 * 5];
      java.util.Arrays.fill(kernel, 1f);
      float[] bias = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f};
      // dense_1 (8x2): column 0 sums the concatenation, column 1 weighs position i by i + 1, so
      // the order [dense's 5, extra's 3] matters
      float[] kernel1 = new float[8 * 2];
      for (int i = 0; i < 8; i++) {
        kernel1[i * 2] = 1f;
        kernel1[i * 2 + 1] = i + 1;
      }
      float[] bias1 = {0.25f, -1f};
      model.setWeights(List.of(kernel, bias, kernel1, bias1));

      float[][] features = {{1, 2, 3, 4}, {-1, -1, -1, -1}, {0.5f, -0.25f, 0, 0}};
      float[][] extra = {{1, 0, -1}, {2, 3, 4}, {-0.5f, 0.5f, 1}};
      float[][] expected = new float[3][2];
      for (int r = 0; r < 3; r++) {
        float sum = 0;
        for (float f : features[r]) {
          sum += f;
        }
        float[] concat = new float[8];
        for (int j = 0; j < 5; j++) {
          concat[j] = Math.max(0f, sum + bias[j]);
        }
        System.arraycopy(extra[r], 0, concat, 5, 3);
        for (int i = 0; i < 8; i++) {
          expected[r][0] += concat[i];
          expected[r][1] += (i + 1) * concat[i];
        }
        expected[r][0] += bias1[0];
        expected[r][1] += bias1[1];
      }
      // the first row by hand: h = 10.1 .. 10.5 (sum 51.5), extra 1, 0, -1
      assertEquals(51.5f + 0f + 0.25f, expected[0][0], 1e-5f);
      assertEquals(10.1f + 2 * 10.2f + 3 * 10.3f + 4 * 10.4f + 5 * 10.5f + 6 - 8 - 1,
          expected[0][1], 1e-4f);

      FloatNdArray out = model.predict(List.of(HostArrays.of(features), HostArrays.of(extra)), 32);
      float[][] got = HostArrays.toRows(out);
      for (int r = 0; r < 3; r++) {
        assertArrayEquals(expected[r], got[r], 1e-5f, "row " + r);
      }
      // by input name, as a Predictor runs it
      Map<String, ?> byName = model.predict(Map.of("extra", HostArrays.of(extra),
          "features", HostArrays.of(features)));
      float[][] named = HostArrays.toRows((FloatNdArray) byName.get("output_0"));
      for (int r = 0; r < 3; r++) {
        assertArrayEquals(expected[r], named[r], 1e-5f, "row " + r + " by name");
      }
    }
  }

  @Test
  void aSharedLayerInKerasTwoFormatIsOneLayerWithTwoCalls() throws Exception {
    // dense_1 applied twice to the same tensor: two inbound nodes, one set of weights, two outputs
    String shared = TWO_INPUTS.replace("\"inbound_nodes\": [[[\"concatenate\", 0, 0, {}]]]",
        "\"inbound_nodes\": [[[\"concatenate\", 0, 0, {}]], [[\"concatenate\", 0, 0, {}]]]")
        .replace("\"output_layers\": [[\"dense_1\", 0, 0]]",
            "\"output_layers\": [[\"dense_1\", 0, 0], [\"dense_1\", 1, 0]]");
    ModelSpec spec = KerasConfigReader.read(json(shared));
    LayerNode dense = spec.build().stream().filter(n -> n.name().equals("dense_1")).findFirst()
        .orElseThrow();
    assertEquals(2, dense.calls().size());
    assertEquals(List.of(TensorRef.of("dense_1", 0), TensorRef.of("dense_1", 1)), spec.outputs());
    // a call of a layer that no node makes
    String secondCall = TWO_INPUTS.replace("[[[\"concatenate\", 0, 0, {}]]]",
        "[[[\"concatenate\", 1, 0, {}]]]");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KerasConfigReader.read(json(secondCall)));
    assertTrue(e.getMessage().contains("layer 'dense_1' (Dense): its call 0 reads [concatenate[1][0]]"),
        e.getMessage());
  }

  @Test
  void twoOutputLayersMakeATwoOutputModel() throws Exception {
    String twoOutputs = TWO_INPUTS.replace("\"output_layers\": [[\"dense_1\", 0, 0]]",
        "\"output_layers\": [[\"dense_1\", 0, 0], [\"dense\", 0, 0]]");
    ModelSpec spec = KerasConfigReader.read(json(twoOutputs));
    assertEquals(List.of(TensorRef.of("dense_1"), TensorRef.of("dense")), spec.outputs());
  }
}

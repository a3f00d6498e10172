package io.tfbridge.dtypepolicies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.KerasLayers;
import io.tfbridge.layers.Layer;
import io.tfbridge.layers.SimpleRNN;
import io.tfbridge.layers.TimeDistributed;
import io.tfbridge.models.Model;
import io.tfbridge.models.ModelConfigs;
import io.tfbridge.models.NestedModel;
import io.tfbridge.models.Sequential;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.KerasObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;

/** Keras's dtype policies: names, the global default, per-layer policies, refusals, configs. */
class DTypePolicyTest {
  @AfterEach
  void resetGlobalPolicy() {
    DTypePolicy.setGlobalPolicy("float32");
  }

  @Test
  void mixedBfloat16ComputesInBfloat16WithFloat32Variables() {
    DTypePolicy p = DTypePolicy.of("mixed_bfloat16");
    assertSame(DTypePolicy.MIXED_BFLOAT16, p);
    assertEquals("bfloat16", p.computeDtype());
    assertEquals("float32", p.variableDtype());
    assertTrue(p.isMixed());
    assertFalse(DTypePolicy.FLOAT32.isMixed());
    assertEquals("<DTypePolicy \"mixed_bfloat16\">", p.toString());
  }

  @Test
  void otherPoliciesAreRefusedWithTheSupportedOnes() {
    var kerasOnly = assertThrows(IllegalArgumentException.class, () -> DTypePolicy.of("mixed_float16"));
    assertEquals("dtype policy 'mixed_float16' is not supported by tfbridge; supported: float32, "
        + "mixed_bfloat16", kerasOnly.getMessage());
    var unknown = assertThrows(IllegalArgumentException.class, () -> Dense.of(2).dtype("float33"));
    assertTrue(unknown.getMessage().startsWith("Cannot convert 'float33' to a mixed precision "
        + "DTypePolicy"), unknown.getMessage());
  }

  @Test
  void layersTakeTheGlobalPolicyWhenTheyAreMade() {
    Dense before = Dense.of(2);
    assertSame(DTypePolicy.FLOAT32, DTypePolicy.globalPolicy());
    DTypePolicy.setGlobalPolicy("mixed_bfloat16");
    Dense during = Dense.of(2);
    DTypePolicy.setGlobalPolicy("float32");
    assertEquals("float32", before.dtypePolicy().name());
    assertEquals("mixed_bfloat16", during.dtypePolicy().name());
    assertEquals("mixed_bfloat16", during.activation("relu").dtypePolicy().name()); // copies keep it
    assertEquals("float32", during.dtype("float32").dtypePolicy().name());
  }

  @Test
  void aLayerWithoutBfloat16SupportIsRefusedAtOnceOrWhenPlaced() {
    var direct = assertThrows(IllegalArgumentException.class,
        () -> SimpleRNN.of(3).name("rnn").dtype("mixed_bfloat16"));
    assertEquals("Layer \"rnn\" (SimpleRNN) does not support dtype policy mixed_bfloat16 yet; "
        + "supported: float32 for every layer, mixed_bfloat16 for InputLayer, Dense, Conv1D, Conv2D, "
        + "MaxPooling1D, MaxPooling2D, AveragePooling1D, AveragePooling2D, Flatten, Reshape, "
        + "GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D, Dropout, Activation, ReLU, "
        + "Softmax, BatchNormalization, Add, Subtract, Multiply, Maximum, Minimum, Concatenate, "
        + "Sequential, Functional", direct.getMessage());
    DTypePolicy.setGlobalPolicy("mixed_bfloat16");
    SimpleRNN rnn = SimpleRNN.of(3);
    DTypePolicy.setGlobalPolicy("float32");
    Sequential spec = Sequential.of(Input.of(4, 2), rnn, Dense.of(1));
    var placed = assertThrows(IllegalArgumentException.class, spec::build);
    assertTrue(placed.getMessage().startsWith("Layer \"simple_rnn\" (SimpleRNN) does not support "
        + "dtype policy mixed_bfloat16 yet"), placed.getMessage());
  }

  @Test
  void aWrappedLayerMustBeFloat32() {
    DTypePolicy.setGlobalPolicy("mixed_bfloat16");
    Dense dense = Dense.of(2);
    DTypePolicy.setGlobalPolicy("float32");
    Sequential spec = Sequential.of(Input.of(3, 4), TimeDistributed.of(dense).name("td"));
    var e = assertThrows(IllegalArgumentException.class, spec::build);
    assertEquals("Layer \"td\" (TimeDistributed) wraps a Dense with dtype policy mixed_bfloat16; "
        + "tfbridge runs wrapped layers in float32 only: give the wrapped layer dtype float32",
        e.getMessage());
  }

  @Test
  void aNestedModelsLayersFollowTheirOwnPolicies() {
    FloatNdArray x = HostArrays.of(new float[] {0.3f, -0.7f, 1.1f, 0.05f, 2f, -1f, 0.4f, 0.9f}, 2, 4);
    DTypePolicy.setGlobalPolicy("mixed_bfloat16");
    Sequential inner = Sequential.of(Input.of(4), Dense.of(3).activation("tanh"));
    NestedModel nested = NestedModel.of(inner);
    DTypePolicy.setGlobalPolicy("float32");
    Sequential flat = Sequential.of(Input.of(4), Dense.of(3).activation("tanh").dtype("mixed_bfloat16"),
        Dense.of(2));
    try (Model a = Sequential.of(Input.of(4), nested, Dense.of(2)).seed(4).compile("sgd", "mse");
        Model b = flat.seed(9).compile("sgd", "mse")) {
      b.setWeights(a.getWeights());
      float[] expected = HostArrays.toFlat(b.predict(x));
      float[] actual = HostArrays.toFlat(a.predict(x));
      assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(actual));
      Sequential float32 = Sequential.of(Input.of(4), Dense.of(3).activation("tanh"), Dense.of(2));
      try (Model c = float32.seed(9).compile("sgd", "mse")) {
        c.setWeights(a.getWeights());
        assertFalse(java.util.Arrays.equals(expected, HostArrays.toFlat(c.predict(x))),
            "the inner Dense computes in bfloat16");
      }
    }
  }

  @Test
  void theSupportedLayersListNamesLayersThatRunMixed() {
    for (String className : List.of("Dense", "Conv2D", "MaxPooling2D", "Flatten", "Dropout",
        "BatchNormalization", "Activation")) {
      Config config = Config.builder().put("dtype", DTypePolicy.MIXED_BFLOAT16.toConfig()).build();
      Layer<?> layer = KerasLayers.deserialize(className, withRequired(className, config), "l");
      assertEquals("mixed_bfloat16", layer.dtypePolicy().name(), className);
    }
  }

  @Test
  void configsCarryEachLayersPolicyBothWays() {
    Sequential spec = Sequential.of(Input.of(3), Dense.of(4).activation("relu").dtype("mixed_bfloat16"),
        Dense.of(2));
    try (Model model = spec.seed(1).compile("sgd", "mean_squared_error")) {
      KerasObject config = ModelConfigs.write(model.definition());
      List<?> layers = (List<?>) config.options().get("layers");
      assertEquals(DTypePolicy.MIXED_BFLOAT16.toConfig(), ((KerasObject) layers.get(1)).options().get("dtype"));
      assertEquals(DTypePolicy.FLOAT32.toConfig(), ((KerasObject) layers.get(2)).options().get("dtype"));
      List<String> read = ModelConfigs.read(config).build().stream()
          .map(n -> n.layer().dtypePolicy().name()).toList();
      assertEquals(List.of("mixed_bfloat16", "float32"), read);
    }
  }

  @Test
  void aConfigOfAnUnsupportedLayerAndPolicyIsRefusedNamingTheLayer() {
    Config config = Config.builder().put("units", 3)
        .put("dtype", DTypePolicy.MIXED_BFLOAT16.toConfig()).build();
    var e = assertThrows(IllegalArgumentException.class,
        () -> KerasLayers.deserialize("SimpleRNN", config, "encoder"));
    assertTrue(e.getMessage().contains("Layer \"encoder\" (SimpleRNN) does not support dtype policy "
        + "mixed_bfloat16 yet"), e.getMessage());
    Config float16 = Config.builder().put("units", 3)
        .put("dtype", KerasObject.of("keras", "DTypePolicy", Config.builder().put("name", "mixed_float16").build()))
        .build();
    var refused = assertThrows(IllegalArgumentException.class,
        () -> KerasLayers.deserialize("Dense", float16, "head"));
    assertTrue(refused.getMessage().contains("layer 'head' (Dense)")
        && refused.getMessage().contains("dtype policy 'mixed_float16' is not supported by tfbridge"),
        refused.getMessage());
  }

  @Test
  void aRegisteredActivationRunsInFloat32BetweenCastsInAMixedLayer() {
    io.tfbridge.activations.Activation.register("Test>cube",
        (tf, x) -> tf.math.mul(tf.math.mul(x, x), tf.math.mul(x, tf.constant(1f))));
    FloatNdArray x = HostArrays.of(new float[] {0.5f, -1.25f, 2f}, 1, 3);
    float[] mixed = predict(Dense.of(2).activation("Test>cube").dtype("mixed_bfloat16"), x);
    float[] full = predict(Dense.of(2).activation("Test>cube"), x);
    for (int i = 0; i < full.length; i++) {
      assertEquals(full[i], mixed[i], 0.02 * (1 + Math.abs(full[i])), "output " + i);
    }
  }

  private static float[] predict(Dense dense, FloatNdArray x) {
    try (Model model = Sequential.of(Input.of(3), dense).seed(3).compile("sgd", "mean_squared_error")) {
      return HostArrays.toFlat(model.predict(x));
    }
  }

  private static Config withRequired(String className, Config config) {
    Config.Builder b = Config.builder().putAll(config);
    return switch (className) {
      case "Dense" -> b.put("units", 2).build();
      case "Conv2D" -> b.put("filters", 2).put("kernel_size", List.of(3, 3)).build();
      case "MaxPooling2D" -> b.put("pool_size", List.of(2, 2)).build();
      case "Dropout" -> b.put("rate", 0.5).build();
      case "Activation" -> b.put("activation", "relu").build();
      default -> b.build();
    };
  }
}

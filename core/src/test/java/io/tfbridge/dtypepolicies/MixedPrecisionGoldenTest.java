package io.tfbridge.dtypepolicies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tfbridge.data.HostArrays;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.Activation;
import io.tfbridge.layers.Add;
import io.tfbridge.layers.BatchNormalization;
import io.tfbridge.layers.Concatenate;
import io.tfbridge.layers.Conv2D;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Dropout;
import io.tfbridge.layers.Flatten;
import io.tfbridge.layers.GlobalAveragePooling2D;
import io.tfbridge.layers.GlobalMaxPooling2D;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.KerasTensor;
import io.tfbridge.layers.MaxPooling2D;
import io.tfbridge.layers.Multiply;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Functional;
import io.tfbridge.models.Model;
import io.tfbridge.models.ModelSpec;
import io.tfbridge.models.Sequential;
import io.tfbridge.optimizers.Adam;
import io.tfbridge.optimizers.Optimizer;
import io.tfbridge.optimizers.SGD;
import io.tfbridge.testing.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * {@code mixed_bfloat16} models against Keras 3.15 with the same weights and policies
 * ({@code models/python/make_mixed_precision_golden.py}; both sides without oneDNN, on TensorFlow's
 * Eigen bfloat16 kernels): the forward pass and short train_on_batch trajectories (each step's loss,
 * the weights after the last step) within 1e-5 (absolute, plus 1e-5 relative), and each layer's
 * policy as Keras's. The same ops in the same order give the same bfloat16 roundings: the forward
 * passes agree to the bit, the trajectories within 2e-6. A float32 computation of the same models
 * is 3e-4 to 2e-3 away from Keras's bfloat16 outputs (2e-4 on a loss), so the tolerance tells the
 * two apart; a looser bfloat16 tolerance (1e-2, 2^-8 relative per rounding) would not.
 */
class MixedPrecisionGoldenTest {
  static final double FORWARD_TOLERANCE = 1e-5;
  static final double TRAINING_TOLERANCE = 1e-5;
  private static final String MIXED = "mixed_bfloat16";
  private static final int STEPS = 3;

  static Stream<Arguments> forwardCases() {
    return Stream.of(
        Arguments.of("mixed_dense", Sequential.of(Input.of(4),
            Dense.of(8).activation("relu").dtype(MIXED), Dense.of(3).activation("softmax"))),
        Arguments.of("mixed_cnn", Sequential.of(Input.of(6, 6, 1),
            Conv2D.of(2, 3).activation("relu").dtype(MIXED), MaxPooling2D.of(2, 2).dtype(MIXED),
            Flatten.of().dtype(MIXED), Dense.of(3).activation("softmax").dtype(MIXED))),
        Arguments.of("mixed_global_policy", globalPolicyModel()),
        Arguments.of("mixed_functional_merges", functionalMerges()));
  }

  /** A residual Add, a Multiply, two global poolings concatenated; the output float32. */
  private static Functional functionalMerges() {
    DTypePolicy.setGlobalPolicy(MIXED);
    try {
      KerasTensor x = Input.of(6, 6, 2).tensor();
      KerasTensor a = Conv2D.of(3, 3).padding("same").activation("relu").apply(x);
      KerasTensor b = Conv2D.of(3, 3).padding("same").apply(a);
      KerasTensor added = Add.of().apply(a, b);
      KerasTensor product = Multiply.of().apply(added, a);
      KerasTensor pooled = Concatenate.of().apply(GlobalAveragePooling2D.of().apply(product),
          GlobalMaxPooling2D.of().apply(added));
      return Functional.of(List.of(x),
          Dense.of(2).activation("softmax").dtype("float32").apply(pooled));
    } finally {
      DTypePolicy.setGlobalPolicy("float32");
    }
  }

  /** Made under the global policy, as Keras's {@code set_global_policy}; the output float32. */
  private static Sequential globalPolicyModel() {
    DTypePolicy.setGlobalPolicy(MIXED);
    try {
      return Sequential.of(Input.of(5), Dense.of(6).activation("tanh"), BatchNormalization.of(),
          Dropout.of(0.3), Activation.of("silu"), Dense.of(2).dtype("float32"));
    } finally {
      DTypePolicy.setGlobalPolicy("float32");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forwardCases")
  void forwardPassEqualsKeras(String name, ModelSpec spec) {
    Golden golden = Golden.of("mixed_precision/" + name);
    try (Model model = spec.compile("sgd", "mean_squared_error")) {
      assertPolicies(model, name);
      model.setWeights(golden.weights("w"));
      FloatNdArray actual = model.predict(golden.array("x"));
      Golden.assertShape(golden.npy("y").shape(), actual.shape().asArray(), name);
      Golden.assertClose(golden.npy("y").toFloats(), HostArrays.toFlat(actual), FORWARD_TOLERANCE,
          name);
    }
  }

  static Stream<Arguments> trainingCases() {
    return Stream.of(
        Arguments.of("train_mixed_cnn_adam", Sequential.of(Input.of(6, 6, 1),
            Conv2D.of(2, 3).activation("relu").dtype(MIXED), MaxPooling2D.of(2, 2).dtype(MIXED),
            Flatten.of().dtype(MIXED), Dense.of(3).activation("softmax")), Adam.of(),
            "categorical_crossentropy"),
        Arguments.of("train_mixed_batchnorm_sgd", Sequential.of(Input.of(4), Dense.of(4).dtype(MIXED),
            BatchNormalization.of().momentum(0.8).dtype(MIXED),
            Dense.of(3).activation("softmax").dtype(MIXED)), SGD.of().learningRate(0.1),
            "sparse_categorical_crossentropy"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trainingCases")
  void trajectoryEqualsKeras(String name, Sequential spec, Optimizer optimizer, String loss) {
    Golden golden = Golden.of("mixed_precision/" + name);
    FloatNdArray x = golden.array("x");
    FloatNdArray y = golden.array("y_true");
    try (Model model = spec.seed(7).compile(optimizer, loss)) {
      assertPolicies(model, name);
      model.setWeights(golden.weights("w"));
      FitOptions oneStep = FitOptions.epochs(1).batchSize((int) x.shape().get(0)).shuffle(false)
          .verbose(0);
      for (int step = 0; step < STEPS; step++) {
        double actual = model.fit(x, y, null, oneStep).get("loss").get(0);
        double expected = golden.scalar("loss_" + step);
        assertEquals(expected, actual, TRAINING_TOLERANCE * (1 + Math.abs(expected)),
            name + " loss at step " + step);
      }
      List<float[]> after = golden.weights("after_w");
      List<float[]> weights = model.getWeights();
      for (int i = 0; i < after.size(); i++) {
        Golden.assertClose(after.get(i), weights.get(i), TRAINING_TOLERANCE,
            name + " weight " + i + " after training");
      }
    }
  }

  /** The layers' policies, by layer name, as Keras gave them ({@code policies.json}). */
  private static void assertPolicies(Model model, String name) {
    Map<String, String> actual = new LinkedHashMap<>();
    for (LayerNode node : model.layers()) {
      actual.put(node.name(), node.layer().dtypePolicy().name());
    }
    assertEquals(keras(text(name, "policies.json")), actual, name + " policies");
  }

  private static String text(String name, String file) {
    try (InputStream in = MixedPrecisionGoldenTest.class.getResourceAsStream(
        "/golden/mixed_precision/" + name + "/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> keras(String json) {
    Map<String, String> policies = new LinkedHashMap<>();
    Matcher m = Pattern.compile("\"(\\w+)\": \"(\\w+)\"").matcher(json);
    while (m.find()) {
      policies.put(m.group(1), m.group(2));
    }
    return policies;
  }
}

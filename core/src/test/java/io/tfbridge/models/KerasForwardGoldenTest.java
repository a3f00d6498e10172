package io.tfbridge.models;

import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.Conv2D;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Dropout;
import io.tfbridge.layers.Flatten;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.MaxPooling2D;
import io.tfbridge.layers.SimpleRNN;
import io.tfbridge.testing.Golden;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Every layer's forward pass, and the lesson's three models, against real Keras 3.15 with the same
 * weights and inputs: within 1e-6 (absolute, plus 1e-6 relative for values above 1).
 */
class KerasForwardGoldenTest {
  static final double TOLERANCE = 1e-6;

  static Stream<Arguments> cases() {
    Map<String, Sequential> cases = new java.util.LinkedHashMap<>();
    cases.put("dense_relu", Sequential.of(Input.of(5), Dense.of(4).activation("relu")));
    cases.put("dense_softmax", Sequential.of(Input.of(6), Dense.of(3).activation("softmax")));
    cases.put("dense_sigmoid", Sequential.of(Input.of(3), Dense.of(2).activation("sigmoid")));
    cases.put("dense_tanh_nobias",
        Sequential.of(Input.of(4), Dense.of(3).activation("tanh").useBias(false)));
    cases.put("dense_linear", Sequential.of(Input.of(3), Dense.of(2)));
    cases.put("conv2d_valid", Sequential.of(Input.of(7, 7, 2), Conv2D.of(3, 3).activation("relu")));
    cases.put("conv2d_same_strided", Sequential.of(Input.of(8, 7, 3),
        Conv2D.of(4, 3).strides(2, 2).padding("same").useBias(false)));
    cases.put("conv2d_rect_kernel", Sequential.of(Input.of(6, 7, 1),
        Conv2D.of(2, 2, 3).strides(1, 2).activation("sigmoid")));
    cases.put("maxpool_valid", Sequential.of(Input.of(7, 7, 3), MaxPooling2D.of(2, 2)));
    cases.put("maxpool_same_strided", Sequential.of(Input.of(7, 8, 2),
        MaxPooling2D.of(3, 3).strides(2, 2).padding("same")));
    cases.put("flatten", Sequential.of(Input.of(3, 4, 2), Flatten.of()));
    cases.put("simple_rnn_last", Sequential.of(Input.of(5, 3), SimpleRNN.of(4)));
    cases.put("simple_rnn_seq_relu", Sequential.of(Input.of(4, 2),
        SimpleRNN.of(3).activation("relu").returnSequences(true)));
    cases.put("dropout_inference", Sequential.of(Input.of(3), Dense.of(4), Dropout.of(0.5)));
    cases.put("lesson_iris", LessonSpecs.iris());
    cases.put("lesson_cnn", LessonSpecs.cnn());
    cases.put("lesson_rnn", LessonSpecs.rnn());
    return cases.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void forwardPassEqualsKeras(String name, Sequential spec) {
    Golden golden = Golden.of(name);
    try (Model model = spec.seed(1).compile("sgd", "mean_squared_error")) {
      model.setWeights(golden.weights("w"));
      FloatNdArray actual = model.predict(golden.array("x"));
      Golden.assertShape(golden.npy("y").shape(), actual.shape().asArray(), name);
      Golden.assertClose(golden.npy("y").toFloats(), HostArrays.toFlat(actual), TOLERANCE, name);
    }
  }
}

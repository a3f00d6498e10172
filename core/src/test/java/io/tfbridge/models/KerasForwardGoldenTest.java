package io.tfbridge.models;

import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.AveragePooling2D;
import io.tfbridge.layers.Conv1D;
import io.tfbridge.layers.Conv2D;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Dropout;
import io.tfbridge.layers.Embedding;
import io.tfbridge.layers.Flatten;
import io.tfbridge.layers.GlobalAveragePooling1D;
import io.tfbridge.layers.GlobalAveragePooling2D;
import io.tfbridge.layers.GlobalMaxPooling2D;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.MaxPooling2D;
import io.tfbridge.layers.Reshape;
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
    cases.put("activation_layers", Sequential.of(Input.of(4),
        io.tfbridge.layers.Activation.of("tanh"), Dense.of(3),
        io.tfbridge.layers.Activation.of("softmax")));
    cases.put("reshape_infer", Sequential.of(Input.of(3, 4), Reshape.of(2, -1, 3)));
    cases.put("reshape_dense",
        Sequential.of(Input.of(6), Dense.of(6), Reshape.of(3, 2), Dense.of(2)));
    cases.put("avgpool_valid", Sequential.of(Input.of(7, 7, 3), AveragePooling2D.of(2, 2)));
    cases.put("avgpool_same_strided", Sequential.of(Input.of(7, 8, 2),
        AveragePooling2D.of(3, 3).strides(2, 2).padding("same")));
    cases.put("global_avgpool2d", Sequential.of(Input.of(4, 5, 3), GlobalAveragePooling2D.of()));
    cases.put("global_maxpool2d", Sequential.of(Input.of(4, 5, 3), GlobalMaxPooling2D.of()));
    cases.put("global_maxpool2d_keepdims",
        Sequential.of(Input.of(3, 4, 2), GlobalMaxPooling2D.of().keepdims(true)));
    cases.put("global_avgpool1d", Sequential.of(Input.of(6, 4), GlobalAveragePooling1D.of()));
    cases.put("conv1d_valid", Sequential.of(Input.of(8, 3), Conv1D.of(4, 3).activation("relu")));
    cases.put("conv1d_same_strided", Sequential.of(Input.of(9, 2),
        Conv1D.of(3, 4).strides(2).padding("same").useBias(false)));
    cases.put("embedding", Sequential.of(Input.of(5), Embedding.of(10, 3)));
    cases.put("embedding_conv1d_text", Sequential.of(Input.of(6), Embedding.of(7, 4),
        Conv1D.of(3, 2).activation("relu"), GlobalAveragePooling1D.of(),
        Dense.of(2).activation("softmax")));
    cases.put("lstm_last", Sequential.of(Input.of(5, 3), io.tfbridge.layers.LSTM.of(4)));
    cases.put("lstm_seq", Sequential.of(Input.of(4, 2),
        io.tfbridge.layers.LSTM.of(3).returnSequences(true)));
    cases.put("gru_last", Sequential.of(Input.of(5, 3), io.tfbridge.layers.GRU.of(4)));
    cases.put("gru_seq_reset_before", Sequential.of(Input.of(4, 2),
        io.tfbridge.layers.GRU.of(3).returnSequences(true).resetAfter(false)));
    cases.put("batchnorm_inference", Sequential.of(Input.of(5), Dense.of(4),
        io.tfbridge.layers.BatchNormalization.of()));
    cases.put("batchnorm_rank3_noscale", Sequential.of(Input.of(3, 4),
        io.tfbridge.layers.BatchNormalization.of().scale(false).epsilon(0.01)));
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

package io.tfbridge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.Activation;
import io.tfbridge.layers.AveragePooling2D;
import io.tfbridge.layers.Conv1D;
import io.tfbridge.layers.Conv2D;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Embedding;
import io.tfbridge.layers.GlobalAveragePooling1D;
import io.tfbridge.layers.GlobalAveragePooling2D;
import io.tfbridge.layers.GlobalMaxPooling2D;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.Reshape;
import io.tfbridge.layers.Shapes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Activation, Reshape, AveragePooling2D, the global poolings, Conv1D and Embedding: names, output
 * shapes and parameter counts as Keras 3.15's {@code model.summary()} prints them, and their
 * Keras-worded errors.
 */
class MoreLayersTest {

  /**
   * Keras 3.15.1's summary of the same model: {@code keras.Sequential([keras.Input((12,)),
   * Embedding(20, 8), Conv1D(6, 3, activation="relu"), Conv1D(4, 2, strides=2, padding="same",
   * use_bias=False), GlobalAveragePooling1D(), Dense(12), Reshape((2, -1, 3)),
   * AveragePooling2D((1, 2), padding="same"), GlobalMaxPooling2D(keepdims=True), Reshape((3,)),
   * Activation("softmax")])}: Total params: 418.
   */
  @Test
  void summaryMatchesKeras() {
    Sequential spec = Sequential.of(Input.of(12), Embedding.of(20, 8),
        Conv1D.of(6, 3).activation("relu"), Conv1D.of(4, 2).strides(2).padding("same").useBias(false),
        GlobalAveragePooling1D.of(), Dense.of(12), Reshape.of(2, -1, 3),
        AveragePooling2D.of(1, 2).padding("same"), GlobalMaxPooling2D.of().keepdims(true),
        Reshape.of(3), Activation.of("softmax"));
    List<String> expected = List.of(
        "embedding (None, 12, 8) 160",
        "conv1d (None, 10, 6) 150",
        "conv1d_1 (None, 5, 4) 48",
        "global_average_pooling1d (None, 4) 0",
        "dense (None, 12) 60",
        "reshape (None, 2, 2, 3) 0",
        "average_pooling2d (None, 2, 1, 3) 0",
        "global_max_pooling2d (None, 1, 1, 3) 0",
        "reshape_1 (None, 3) 0",
        "activation (None, 3) 0");
    List<String> actual = spec.build().stream()
        .map(n -> n.name() + " " + Shapes.format(n.outputShape()) + " " + n.parameterCount())
        .toList();
    assertEquals(expected, actual);
    assertTrue(spec.summary().contains("Total params: 418 (1.63 KB)"), spec.summary());
  }

  @Test
  void globalPoolingsAndAveragePoolingCountNoParameters() {
    Sequential spec = Sequential.of(Input.of(10, 10, 2), Conv2D.of(4, 3), AveragePooling2D.of(2, 2),
        GlobalAveragePooling2D.of(), Dense.of(3));
    List<LayerNode> nodes = spec.build();
    assertEquals(List.of(76L, 0L, 0L, 15L), nodes.stream().map(LayerNode::parameterCount).toList());
    assertEquals("(None, 4, 4, 4)", Shapes.format(nodes.get(1).outputShape()));
    assertEquals("(None, 4)", Shapes.format(nodes.get(2).outputShape()));
  }

  @Test
  void reshapeRefusesAnotherSize() {
    Sequential spec = Sequential.of(Input.of(12), Reshape.of(5, -1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, spec::build);
    assertEquals("Layer \"reshape\": the total size of the tensor must be unchanged. Received: "
        + "input_shape=(12,), target_shape=(5, -1)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Reshape.of(-1, -1));
    assertThrows(IllegalArgumentException.class, () -> Reshape.of(2, 0));
  }

  @Test
  void unsupportedOptionsAreRefusedClearly() {
    IllegalArgumentException causal = assertThrows(IllegalArgumentException.class,
        () -> Conv2D.of(4, 3).padding("causal"));
    assertEquals("Unknown padding: 'causal'. Expected one of: valid, same", causal.getMessage());
    IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
        () -> Sequential.of(Input.of(5, 3), GlobalAveragePooling2D.of()).build());
    assertEquals("Input 0 of layer \"global_average_pooling2d\" is incompatible with the layer: "
        + "expected ndim=4, found ndim=3. Full shape received: (None, 5, 3)", rank.getMessage());
  }

  /** Ids are cast to int32 (2.7 is id 2, as Keras casts); an id beyond the table is an error. */
  @Test
  void embeddingLooksUpIdsAndRefusesOutOfRangeIds() {
    Sequential spec = Sequential.of(Input.of(2), Embedding.of(3, 2)).seed(1);
    try (Model model = spec.compile("sgd", "mean_squared_error")) {
      model.setWeights(List.of(new float[] {0, 1, 10, 11, 20, 21}));
      float[] y = HostArrays.toFlat(model.predict(HostArrays.of(new float[][] {{2.7f, 0}})));
      assertEquals(List.of(20f, 21f, 0f, 1f), List.of(y[0], y[1], y[2], y[3]));
      RuntimeException e = assertThrows(RuntimeException.class,
          () -> model.predict(HostArrays.of(new float[][] {{3, 0}})));
      assertTrue(e.getMessage().contains("indices"), e.getMessage());
    }
  }

  /** A final softmax Activation layer keeps its input as the logits the loss uses. */
  @Test
  void finalSoftmaxActivationTrains() {
    float[][] x = {{1, 0}, {0, 1}, {1, 1}, {0, 0}};
    int[] y = {0, 1, 2, 0};
    Sequential spec = Sequential.of(Input.of(2), Dense.of(3), Activation.of("softmax")).seed(3);
    try (Model model = spec.compile("adam", "sparse_categorical_crossentropy")) {
      var history = model.fit(x, y, FitOptions.epochs(20).batchSize(4).verbose(0));
      assertTrue(history.get("loss").get(19) < history.get("loss").get(0));
    }
  }
}

package io.tfbridge.models;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.engine.ModelInput;
import io.tfbridge.engine.TensorRef;
import io.tfbridge.inference.DType;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.Layer;
import io.tfbridge.layers.Shapes;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.tensorflow.ndarray.Shape;


/**
 * Keras's {@code Sequential}: a stack of layers, the first declaring the input shape. Immutable; it owns
 * no native state until {@link #compile} builds a {@link Model}.
 *
 * <pre>{@code
 * Sequential spec = Sequential.of(
 *     Dense.of(10).activation("relu").inputShape(4),
 *     Dense.of(10).activation("relu"),
 *     Dense.of(3).activation("softmax")).seed(42);
 * try (Model model = spec.compile("adam", "sparse_categorical_crossentropy", "accuracy")) {
 *   model.fit(xTrain, yTrain, FitOptions.epochs(30).batchSize(10).validationSplit(0.2));
 * }
 * }</pre>
 */
public final class Sequential implements ModelSpec {
  private final List<Layer<?>> layers;
  private final String name;
  private final Long seed;

  private Sequential(List<Layer<?>> layers, String name, Long seed) {
    this.layers = List.copyOf(layers);
    this.name = name;
    this.seed = seed;
  }

  /** A model of these layers, in order; the first is an {@link Input} or has an input shape. */
  public static Sequential of(Layer<?>... layers) {
    return new Sequential(List.of(layers), "sequential", null);
  }

  /** A copy named {@code name} (default {@code "sequential"}). */
  public Sequential name(String name) {
    return new Sequential(layers, name, seed);
  }

  /** A copy whose initial weights, dropout masks and shuffling derive from {@code seed}. */
  public Sequential seed(long seed) {
    return new Sequential(layers, name, seed);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public OptionalLong seed() {
    return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
  }

  /** The layers as given. */
  public List<Layer<?>> layers() {
    return layers;
  }

  /** The one input: named after the {@link Input} (Keras's {@code input_layer} unless named). */
  @Override
  public List<ModelInput> inputs() {
    DType dtype = !layers.isEmpty() && layers.get(0) instanceof Input in ? in.dtype() : DType.FLOAT32;
    return List.of(new ModelInput(inputName(), Shapes.withBatch(inputShape()), dtype));
  }

  /**
   * Places the layers: names them Keras's way ({@code dense}, {@code dense_1}, ...) and computes every
   * shape, so that an incompatible layer fails here, naming itself and the shape it received.
   */
  @Override
  public List<LayerNode> build() {
    String previous = inputName();
    Shape shape = Shapes.withBatch(inputShape());
    LayerNames names = new LayerNames("Sequential");
    List<LayerNode> nodes = new ArrayList<>();
    for (Layer<?> layer : layers) {
      if (layer instanceof Input) {
        continue;
      }
      String layerName = names.take(layer.name(), layer.namePrefix());
      LayerNode node = LayerNode.place(layerName, layer, previous, shape);
      nodes.add(node);
      previous = layerName;
      shape = node.outputShape();
    }
    return nodes;
  }

  /** The last layer's output (the input, for a model without layers). */
  @Override
  public List<TensorRef> outputs() {
    List<LayerNode> nodes = build();
    return List.of(TensorRef.of(nodes.isEmpty() ? inputName() : nodes.get(nodes.size() - 1).name()));
  }

  /** The input shape without the batch dimension, from the first layer. */
  public Shape inputShape() {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("Sequential model \"" + name + "\" has no layers");
    }
    return layers.get(0).inputShape().orElseThrow(() -> new IllegalArgumentException(
        "The first layer of Sequential model \"" + name + "\" must declare the input shape: start "
            + "with Input.of(...) or give the first layer .inputShape(...)"));
  }

  /** The name of the model's input: the {@link Input}'s name if given, else Keras's {@code input_layer}. */
  public String inputName() {
    return layers.isEmpty() || !(layers.get(0) instanceof Input)
        ? "input_layer" : layers.get(0).name().orElse("input_layer");
  }
}

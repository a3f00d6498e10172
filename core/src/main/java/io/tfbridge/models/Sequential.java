package io.tfbridge.models;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.Layer;
import io.tfbridge.layers.Shapes;
import io.tfbridge.losses.Loss;
import io.tfbridge.losses.Losses;
import io.tfbridge.optimizers.Optimizer;
import io.tfbridge.optimizers.Optimizers;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
public final class Sequential {
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

  /** The model's name. */
  public String name() {
    return name;
  }

  /** The layers as given. */
  public List<Layer<?>> layers() {
    return layers;
  }

  /**
   * Places the layers: names them Keras's way ({@code dense}, {@code dense_1}, ...) and computes every
   * shape, so that an incompatible layer fails here, naming itself and the shape it received.
   */
  public List<LayerNode> build() {
    Shape shape = Shapes.withBatch(inputShape());
    Map<String, Integer> counters = new HashMap<>();
    Set<String> names = new HashSet<>();
    List<LayerNode> nodes = new ArrayList<>();
    for (Layer<?> layer : layers) {
      if (layer instanceof Input) {
        continue;
      }
      String layerName = layer.name().orElseGet(() -> nextName(layer.namePrefix(), counters, names));
      if (!names.add(layerName)) {
        throw new IllegalArgumentException("All layers added to a Sequential model should have unique "
            + "names. Name \"" + layerName + "\" is already the name of a layer in this model.");
      }
      LayerNode node = LayerNode.place(layerName, layer, shape);
      nodes.add(node);
      shape = node.outputShape();
    }
    return nodes;
  }

  private static String nextName(String prefix, Map<String, Integer> counters, Set<String> taken) {
    String candidate;
    do {
      int n = counters.merge(prefix, 1, Integer::sum) - 1;
      candidate = n == 0 ? prefix : prefix + "_" + n;
    } while (taken.contains(candidate));
    return candidate;
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

  /** Keras's summary table of this model. */
  public String summary() {
    return Summary.of(name, build());
  }

  /**
   * Builds the graph, opens a session and initialises the weights: Keras's {@code compile}, by names.
   *
   * @param optimizer e.g. {@code "adam"}
   * @param loss e.g. {@code "sparse_categorical_crossentropy"}
   * @param metrics e.g. {@code "accuracy"}
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public Model compile(String optimizer, String loss, String... metrics) {
    return compile(Optimizers.get(optimizer), Losses.get(loss), metrics);
  }

  /** Keras's {@code compile} with optimizer and loss objects, e.g. {@code Adam.of().learningRate(0.01)}. */
  public Model compile(Optimizer optimizer, Loss loss, String... metrics) {
    long s = seed != null ? seed : new SecureRandom().nextLong();
    return Model.compile(this, optimizer, loss, List.of(metrics), s);
  }

  /** Keras's {@code compile} with an optimizer object and a loss name. */
  public Model compile(Optimizer optimizer, String loss, String... metrics) {
    return compile(optimizer, Losses.get(loss), metrics);
  }
}

package io.tfbridge.models;

import io.tfbridge.engine.CompiledGraph;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.Layer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One layer of a compiled model, as Keras's {@code model.get_layer(name)}: its spec and its weights,
 * read and set in Keras's {@code get_weights()} order. It reads and writes the model's variables, so it
 * is valid while the model is open.
 *
 * <pre>{@code
 * model.getLayer("backbone").setWeights(pretrained.getWeights());
 * }</pre>
 */
public final class ModelLayer {
  private final LayerNode node;
  private final CompiledGraph graph;

  ModelLayer(LayerNode node, CompiledGraph graph) {
    this.node = node;
    this.graph = graph;
  }

  /** The layer's name in the model. */
  public String name() {
    return node.name();
  }

  /** The layer's spec. */
  public Layer<?> spec() {
    return node.layer();
  }

  /** Whether training updates this layer's weights. */
  public boolean trainable() {
    return node.layer().trainable();
  }

  /** The layer's weight paths ({@code dense/kernel}), in get_weights() order. */
  public List<String> weightPaths() {
    return node.weights().stream().map(node::weightPath).toList();
  }

  /** The layer's weights in get_weights() order, row-major. */
  public List<float[]> getWeights() {
    Map<String, float[]> all = graph.weights();
    return weightPaths().stream().map(all::get).toList();
  }

  /**
   * Sets the layer's weights from a list in get_weights() order (e.g. another model's
   * {@code getWeights()}, for a backbone used as this model's layer).
   *
   * @throws IllegalArgumentException if the count or a size differs, naming the weight
   */
  public void setWeights(List<float[]> values) {
    List<String> paths = weightPaths();
    if (values.size() != paths.size()) {
      throw new IllegalArgumentException("Layer '" + name() + "' has " + paths.size() + " weights "
          + paths + ", received " + values.size());
    }
    Map<String, float[]> byPath = new LinkedHashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      byPath.put(paths.get(i), values.get(i));
    }
    graph.setWeights(byPath);
  }
}

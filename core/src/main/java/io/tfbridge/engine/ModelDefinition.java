package io.tfbridge.engine;

import io.tfbridge.distribute.Replicas;
import io.tfbridge.losses.Loss;
import io.tfbridge.metrics.Metric;
import io.tfbridge.optimizers.Optimizer;
import java.util.List;
import org.tensorflow.ndarray.Shape;

/**
 * What {@code compile} fixes: the model's name, its inputs, the placed layers in topological order (the
 * last makes the output), the label shape (batch first), the loss, the metrics, the optimizer, the
 * seed and where the replicas run (one device unless compiled under a distribution strategy).
 */
public record ModelDefinition(String name, List<ModelInput> inputs, List<LayerNode> layers,
    Shape labelShape, Loss loss, List<Metric> metrics, Optimizer optimizer, long seed,
    Replicas replicas) {

  /**
   * Whether the model is a plain chain: one input, each layer applied to the one before. Keras files
   * and summaries show a chain as a Sequential model, anything else as a Functional one.
   */
  public boolean isChain() {
    return isChain(inputs, layers);
  }

  /** {@link #isChain()} of these inputs and placed layers. */
  public static boolean isChain(List<ModelInput> inputs, List<LayerNode> layers) {
    String previous = inputs.get(0).name();
    for (LayerNode node : layers) {
      if (node.layer() instanceof io.tfbridge.layers.Merge<?> || !node.inbound().equals(List.of(previous))) {
        return false;
      }
      previous = node.name();
    }
    return inputs.size() == 1;
  }

  /** A copy whose replicas run as {@code other} says (e.g. a single-device twin for export). */
  public ModelDefinition withReplicas(Replicas other) {
    return new ModelDefinition(name, inputs, layers, labelShape, loss, metrics, optimizer, seed, other);
  }

  /** The output shape of the last layer (the input's, for a model without layers). */
  public Shape outputShape() {
    return layers.isEmpty() ? inputs.get(0).shape() : layers.get(layers.size() - 1).outputShape();
  }

  /** The name of the first layer applied to input {@code index}, which input errors name. */
  public String firstLayerName(int index) {
    String input = inputs.get(index).name();
    return layers.stream().filter(n -> n.inbound().contains(input)).map(LayerNode::name)
        .findFirst().orElse(name);
  }
}

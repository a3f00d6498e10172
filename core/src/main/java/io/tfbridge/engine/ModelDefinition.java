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

package io.tfbridge.engine;

import io.tfbridge.distribute.Replicas;
import io.tfbridge.losses.Loss;
import io.tfbridge.metrics.Metric;
import io.tfbridge.optimizers.Optimizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.ndarray.Shape;

/**
 * What {@code compile} fixes: the model's name, its inputs, the placed layers (in Keras's order), its
 * outputs with their losses and metrics, the optimizer, the seed and where the replicas run (one
 * device unless compiled under a distribution strategy).
 */
public record ModelDefinition(String name, List<ModelInput> inputs, List<LayerNode> layers,
    List<ModelOutput> outputs, Optimizer optimizer, long seed, Replicas replicas) {

  /** Copies the lists. */
  public ModelDefinition {
    inputs = List.copyOf(inputs);
    layers = List.copyOf(layers);
    outputs = List.copyOf(outputs);
  }

  /**
   * Whether the model is a plain chain: one input, each layer applied to the one before. Keras files
   * and summaries show a chain as a Sequential model, anything else as a Functional one.
   */
  public boolean isChain() {
    return isChain(inputs, layers) && outputs.size() == 1 && (layers.isEmpty()
        || outputs.get(0).tensor().equals(TensorRef.of(layers.get(layers.size() - 1).name())));
  }

  /** {@link #isChain()} of these inputs and placed layers. */
  public static boolean isChain(List<ModelInput> inputs, List<LayerNode> layers) {
    String previous = inputs.get(0).name();
    for (LayerNode node : layers) {
      if (node.layer().takesList() || node.calls().size() != 1 || !node.calls().get(0).kwargs().isEmpty()
          || !node.inbound().equals(List.of(previous))) {
        return false;
      }
      previous = node.name();
    }
    return inputs.size() == 1;
  }

  /** A copy whose replicas run as {@code other} says (e.g. a single-device twin for export). */
  public ModelDefinition withReplicas(Replicas other) {
    return new ModelDefinition(name, inputs, layers, outputs, optimizer, seed, other);
  }

  /** The first (for most models the only) output. */
  public ModelOutput output() {
    return outputs.get(0);
  }

  /** The shape of the first output. */
  public Shape outputShape() {
    return output().shape();
  }

  /** The loss of the first output. */
  public Loss loss() {
    return output().loss();
  }

  /** The label shape of the first output. */
  public Shape labelShape() {
    return output().labelShape();
  }

  /**
   * The names of the figures a batch reports besides {@code loss}, in order: each output's loss when
   * there are several ({@code out_a_loss}), then every output's metrics, prefixed with the output's
   * name when there are several ({@code out_a_accuracy}), as Keras names them in its logs; a name
   * already taken gets {@code _1}, {@code _2}, ... as Keras's compiled metrics make it unique.
   */
  public List<String> figureNames() {
    return figures().stream().map(Figure::name).toList();
  }

  /** The figures of {@link #figureNames()}, with how each value follows from its summed states. */
  public List<Figure> figures() {
    List<Figure> figures = new java.util.ArrayList<>();
    boolean several = outputs.size() > 1;
    if (several) {
      outputs.forEach(o -> figures.add(Figure.mean(o.name() + "_loss")));
    }
    Map<String, Integer> seen = new HashMap<>();
    for (ModelOutput o : outputs) {
      for (Metric m : o.metrics()) {
        String name = several ? o.name() + "_" + m.name() : m.name();
        int index = seen.merge(name, 1, Integer::sum) - 1;
        figures.add(Figure.of(index == 0 ? name : name + "_" + index, m));
      }
    }
    return figures;
  }

  /** The shape of a tensor of the model: an input's, or a layer call's output shape. */
  public Shape shapeOf(TensorRef ref) {
    for (ModelInput in : inputs) {
      if (in.name().equals(ref.layer())) {
        return in.shape();
      }
    }
    for (LayerNode node : layers) {
      if (node.name().equals(ref.layer())) {
        return node.calls().get(ref.node()).outputShape();
      }
    }
    throw new IllegalArgumentException("Model '" + name + "' has no tensor " + ref);
  }

  /** The name of the first layer applied to input {@code index}, which input errors name. */
  public String firstLayerName(int index) {
    String input = inputs.get(index).name();
    return layers.stream().filter(n -> n.inbound().contains(input)).map(LayerNode::name)
        .findFirst().orElse(name);
  }
}

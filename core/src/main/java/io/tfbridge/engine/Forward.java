package io.tfbridge.engine;

import io.tfbridge.layers.LayerContext;
import io.tfbridge.layers.LayerOutput;
import io.tfbridge.layers.WeightSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Adds a model's forward pass to the graph, each layer's ops under the layer's name. */
final class Forward {
  private Forward() {}

  /** A layer's request to set a non-trainable variable with every training step. */
  record Update(String path, Operand<TFloat32> value) {}

  /**
   * Adds the layers' forward ops in order (topological: each layer after those it is applied to),
   * starting from the model's inputs by name; the layers' {@link Update}s go to {@code updates}.
   *
   * @param tf ops, possibly scoped to a replica's device
   * @param trainingFlag 1 while training, 0 otherwise
   * @param seed the model's seed, from which each layer's op seeds derive
   * @return the last layer's output (the only input's, for a model without layers)
   */
  static LayerOutput build(Ops tf, List<LayerNode> layers, VariableStore variables,
      Map<String, Operand<TFloat32>> inputs, Operand<TFloat32> trainingFlag, long seed,
      List<Update> updates) {
    Map<String, Operand<TFloat32>> tensors = new HashMap<>(inputs);
    LayerOutput out = LayerOutput.of(inputs.values().iterator().next());
    for (int i = 0; i < layers.size(); i++) {
      LayerNode node = layers.get(i);
      Context context = new Context(tf.withSubScope(node.name()), node, variables, trainingFlag,
          seed * 31 + i + 1, updates);
      List<Operand<TFloat32>> in = node.inbound().stream().map(tensors::get).toList();
      out = node.layer().call(context, in);
      tensors.put(node.name(), out.value());
    }
    return out;
  }

  /** The {@link LayerContext} of one layer. */
  private record Context(Ops tf, LayerNode node, VariableStore variables,
      Operand<TFloat32> trainingFlag, long seed, List<Update> updates) implements LayerContext {

    @Override
    public Operand<TFloat32> weight(String name) {
      return variables.variable(node.weightPath(spec(name)));
    }

    @Override
    public void addUpdate(String name, Operand<TFloat32> newValue) {
      WeightSpec w = spec(name);
      if (w.trainable()) {
        throw new IllegalStateException("Layer \"" + node.name() + "\": weight '" + name
            + "' is trainable; only non-trainable weights take updates");
      }
      updates.add(new Update(node.weightPath(w), newValue));
    }

    private WeightSpec spec(String name) {
      for (WeightSpec w : node.weights()) {
        if (w.name().equals(name)) {
          return w;
        }
      }
      throw new IllegalStateException(
          "Layer \"" + node.name() + "\" has no weight '" + name + "'; it has " + node.weights());
    }
  }
}

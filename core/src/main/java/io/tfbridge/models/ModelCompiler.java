package io.tfbridge.models;

import io.tfbridge.distribute.Strategy;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.engine.ModelDefinition;
import io.tfbridge.engine.ModelInput;
import io.tfbridge.engine.ModelOutput;
import io.tfbridge.engine.TensorRef;
import io.tfbridge.losses.Loss;
import io.tfbridge.metrics.Metric;
import io.tfbridge.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ndarray.Shape;

/**
 * Keras's {@code compile}: a spec's placed layers, its outputs with their losses, loss weights and
 * metrics, the optimizer, the seed and the current strategy's replicas, made into a compiled
 * {@link Model}.
 */
final class ModelCompiler {
  private ModelCompiler() {}

  /**
   * Compiles {@code spec}: one loss per output (a single loss serves every output), the losses'
   * weights in the total ({@code null} for 1 each), and the metrics for every output (each resolved
   * for the output, as {@code "accuracy"} is).
   */
  static Model compile(ModelSpec spec, Optimizer optimizer, List<Loss> losses, List<Double> lossWeights,
      List<? extends Metric> metricList, long seed) {
    List<LayerNode> layers = spec.build();
    List<ModelInput> inputs = spec.inputs();
    List<TensorRef> refs = spec.outputs();
    ModelDefinition shapes = new ModelDefinition(spec.name(), inputs, layers, List.of(), optimizer,
        seed, Strategy.current().replicas());
    List<ModelOutput> outputs = new ArrayList<>();
    List<String> names = outputNames(refs);
    for (int i = 0; i < refs.size(); i++) {
      Loss loss = pick(losses, i, refs.size(), "loss");
      double weight = lossWeights == null ? 1.0 : pick(lossWeights, i, refs.size(), "loss_weights");
      Shape shape = shapes.shapeOf(refs.get(i));
      List<Metric> metrics = metricList.stream().map(m -> m.forOutput(loss, shape)).toList();
      outputs.add(new ModelOutput(names.get(i), refs.get(i), shape, loss, weight, metrics));
    }
    return Model.of(new ModelDefinition(spec.name(), inputs, layers, outputs, optimizer, seed,
        Strategy.current().replicas()));
  }

  /** Outputs are named after the layers that make them (a second call's as {@code name_1}). */
  private static List<String> outputNames(List<TensorRef> refs) {
    return refs.stream().map(r -> r.node() == 0 ? r.layer() : r.layer() + "_" + r.node()).toList();
  }

  private static <T> T pick(List<T> values, int i, int outputs, String what) {
    if (values.size() == 1) {
      return values.get(0);
    }
    if (values.size() != outputs) {
      throw new IllegalArgumentException("The model has " + outputs + " outputs, but " + what
          + " has " + values.size() + " entries; give one per output (or one for all)");
    }
    return values.get(i);
  }

}

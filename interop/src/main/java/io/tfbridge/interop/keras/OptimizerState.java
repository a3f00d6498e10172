package io.tfbridge.interop.keras;

import io.tfbridge.engine.CompiledGraph;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.Shapes;
import io.tfbridge.layers.WeightSpec;
import io.tfbridge.models.Model;
import io.tfbridge.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves optimizer state between Keras's variable order and the model's slot variables. Keras orders
 * an optimizer's variables: iteration, learning_rate (unless it is a schedule), then the slots: for
 * each of the optimizer's {@link Optimizer#variableGroups() variable groups} (with use_ema every
 * {@code average} first, then with gradient accumulation every {@code gradient_accumulator}), for
 * each trainable weight in model order, the group's slots (Adam: {@code momentum, velocity}
 * interleaved, then with amsgrad every {@code velocity_hat}). tfbridge keeps a slot at
 * {@code <optimizer>/<layer>_<weight>_<slot>} ({@code adam/dense_kernel_momentum}), Keras's own
 * path, with Keras's own values; after the slots come the optimizer's own scalars
 * ({@link Optimizer#globals()}, at {@code <optimizer>/<name>}).
 */
final class OptimizerState {
  private OptimizerState() {}

  /** One slot variable: the state of kind {@code kind} of a trainable weight. */
  record Slot(LayerNode node, WeightSpec weight, String kind) {
    String path(Optimizer optimizer) {
      return optimizer.kerasName() + "/" + node.weightPath(weight).replace('/', '_') + "_" + kind;
    }

    org.tensorflow.ndarray.Shape shape(Optimizer optimizer) {
      return optimizer.slotShape(kind, weight.shape());
    }
  }

  /** The model's slots in Keras's order. */
  static List<Slot> slots(Model model) {
    List<Slot> slots = new ArrayList<>();
    for (List<String> group : model.definition().optimizer().variableGroups()) {
      for (LayerNode node : model.layers()) {
        for (WeightSpec w : node.weights().stream().filter(WeightSpec::trainable).toList()) {
          group.forEach(kind -> slots.add(new Slot(node, w, kind)));
        }
      }
    }
    return slots;
  }

  /** The names of a legacy {@code .h5} file's optimizer variables after {@code iteration}. */
  static List<String> legacyNames(Model model, String modelName) {
    Optimizer optimizer = model.definition().optimizer();
    String opt = optimizer.kerasName();
    List<String> names = new ArrayList<>();
    if (optimizer.hasLearningRateVariable()) {
      names.add(opt + "/learning_rate");
    }
    for (Slot s : slots(model)) {
      names.add(KerasPaths.legacySlotName(opt, modelName, s.node(), s.weight(), s.kind()));
    }
    optimizer.globals().forEach(g -> names.add(opt + "/" + g.kerasVariableName()));
    return names;
  }

  /**
   * Restores a saved state into a freshly compiled model. A state without slots (saved before Keras
   * built the optimizer) restores only the iteration count.
   *
   * @throws IllegalArgumentException if the slots do not fit the model's optimizer and weights
   */
  static void restore(Model model, SavedState.OptimizerVariables saved) {
    Optimizer optimizer = model.definition().optimizer();
    List<WeightArray> variables = saved.variables();
    int skip = optimizer.hasLearningRateVariable() && !variables.isEmpty() ? 1 : 0;
    int globals = Math.min(optimizer.globals().size(), Math.max(0, variables.size() - skip));
    List<WeightArray> slotArrays = variables.subList(skip, variables.size() - globals);
    Map<String, float[]> values = slotValues(model, slotArrays);
    if (skip == 1) {
      values.put(optimizer.learningRatePath(), variables.get(0).values());
    }
    if (!slotArrays.isEmpty()) {
      for (int i = 0; i < globals; i++) {
        values.put(optimizer.kerasName() + "/" + optimizer.globals().get(i).name(),
            variables.get(variables.size() - globals + i).values());
      }
    }
    CompiledGraph graph = model.graph();
    graph.setWeights(values);
    graph.setIterations(saved.iterations());
  }

  /** The saved slots by the model's slot paths, checked against its optimizer and weights. */
  private static Map<String, float[]> slotValues(Model model, List<WeightArray> saved) {
    Optimizer optimizer = model.definition().optimizer();
    List<Slot> slots = slots(model);
    if (!saved.isEmpty() && saved.size() != slots.size()) {
      throw new IllegalArgumentException("the optimizer state holds " + saved.size() + " slot "
          + "variables, but " + optimizer.className() + " on this model keeps " + slots.size()
          + " (" + optimizer.variableGroups() + " for each trainable weight)");
    }
    Map<String, float[]> values = new LinkedHashMap<>();
    for (int i = 0; i < saved.size(); i++) {
      Slot s = slots.get(i);
      if (!saved.get(i).hasShape(s.shape(optimizer))) {
        throw new IllegalArgumentException("optimizer variable " + saved.get(i).where() + " ("
            + s.kind() + " of " + s.node().weightPath(s.weight()) + ") has shape "
            + saved.get(i).shapeText() + ", expected " + Shapes.format(s.shape(optimizer)));
      }
      values.put(s.path(optimizer), saved.get(i).values());
    }
    return values;
  }

  /** The model's optimizer state in Keras's order, ready to write. */
  static SavedState.OptimizerVariables capture(Model model) {
    Optimizer optimizer = model.definition().optimizer();
    Map<String, float[]> slotValues = model.graph().optimizerWeights();
    List<WeightArray> variables = new ArrayList<>();
    if (optimizer.hasLearningRateVariable()) {
      float[] rate = slotValues.get(optimizer.learningRatePath());
      variables.add(WeightArray.of(new long[0],
          rate != null ? rate : new float[] {(float) optimizer.learningRate()},
          optimizer.learningRatePath()));
    }
    for (Slot s : slots(model)) {
      float[] values = slotValues.get(s.path(optimizer));
      if (values == null) {
        throw new IllegalStateException("the model has no optimizer variable " + s.path(optimizer));
      }
      variables.add(WeightArray.of(s.shape(optimizer).asArray(), values, s.path(optimizer)));
    }
    for (Optimizer.Global g : optimizer.globals()) {
      String path = optimizer.kerasName() + "/" + g.name();
      float[] values = slotValues.get(path);
      variables.add(WeightArray.of(new long[0], values != null ? values
          : new float[] {(float) g.initial()}, path));
    }
    return new SavedState.OptimizerVariables(model.graph().iterations(), variables);
  }
}

package io.tfbridge.interop.keras;

import io.tfbridge.engine.CompiledGraph;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.Shapes;
import io.tfbridge.layers.WeightSpec;
import io.tfbridge.models.Model;
import io.tfbridge.optimizers.Adam;
import io.tfbridge.optimizers.Optimizer;
import io.tfbridge.optimizers.SGD;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves optimizer state between Keras's variable order and the model's slot variables. Keras orders
 * an optimizer's variables: iteration, learning_rate, then per trainable weight in model order
 * Adam's {@code momentum, velocity} (interleaved) or SGD's {@code momentum}. tfbridge keeps them at
 * {@code adam/<layer>_<weight>_momentum}, {@code adam/..._velocity}, {@code sgd/..._momentum} and
 * {@code <optimizer>/iteration}.
 *
 * <p>SGD momentum differs in sign and scale: Keras keeps {@code m = momentum * m - lr * g} and adds it,
 * TensorFlow's ApplyMomentum keeps {@code a = momentum * a + g} and subtracts {@code lr * a}; so
 * {@code m = -lr * a}.
 */
final class OptimizerState {
  private OptimizerState() {}

  /** The slot names per weight of {@code optimizer}, in Keras's order. */
  static List<String> slotKinds(Optimizer optimizer) {
    if (optimizer instanceof Adam) {
      return List.of("momentum", "velocity");
    }
    if (optimizer instanceof SGD sgd && sgd.momentum() != 0) {
      return List.of("momentum");
    }
    return List.of();
  }

  /** Every trainable weight of the model with its layer, in Keras's {@code trainable_variables} order. */
  private record Owned(LayerNode node, WeightSpec weight) {}

  private static List<Owned> trainable(Model model) {
    List<Owned> owned = new ArrayList<>();
    for (LayerNode node : model.layers()) {
      node.weights().stream().filter(WeightSpec::trainable).forEach(w -> owned.add(new Owned(node, w)));
    }
    return owned;
  }

  /**
   * Restores a saved state into a freshly compiled model. A state without slots (saved before Keras
   * built the optimizer) restores only the iteration count.
   *
   * @throws IllegalArgumentException if the slots do not fit the model's optimizer and weights
   */
  static void restore(Model model, SavedState.OptimizerVariables saved) {
    Map<String, float[]> values = slotValues(model, saved.slots());
    CompiledGraph graph = model.graph();
    graph.setWeights(values);
    graph.setIterations(saved.iterations());
  }

  /** The saved slots by the model's slot paths, checked against its optimizer and weights. */
  private static Map<String, float[]> slotValues(Model model, List<WeightArray> slots) {
    Optimizer optimizer = model.definition().optimizer();
    List<String> kinds = slotKinds(optimizer);
    List<Owned> owned = trainable(model);
    int expected = kinds.size() * owned.size();
    if (!slots.isEmpty() && slots.size() != expected) {
      throw new IllegalArgumentException("the optimizer state holds " + slots.size() + " slot "
          + "variables, but " + OptimizerConfigs.className(optimizer) + " on this model keeps "
          + expected + " (" + kinds + " for each of " + owned.size() + " trainable weights)");
    }
    Map<String, float[]> values = new LinkedHashMap<>();
    for (int i = 0; i < slots.size(); i++) {
      Owned o = owned.get(i / kinds.size());
      String kind = kinds.get(i % kinds.size());
      checkShape(slots.get(i), o, kind);
      values.put(slotPath(optimizer, o, kind), toJava(optimizer, slots.get(i).values()));
    }
    return values;
  }

  private static void checkShape(WeightArray slot, Owned o, String kind) {
    if (!slot.hasShape(o.weight().shape())) {
      throw new IllegalArgumentException("optimizer variable " + slot.where() + " (" + kind + " of "
          + o.node().weightPath(o.weight()) + ") has shape " + slot.shapeText() + ", expected "
          + Shapes.format(o.weight().shape()));
    }
  }

  /** The model's optimizer state in Keras's order, ready to write. */
  static SavedState.OptimizerVariables capture(Model model) {
    Optimizer optimizer = model.definition().optimizer();
    Map<String, float[]> slotValues = model.graph().optimizerWeights();
    List<WeightArray> slots = new ArrayList<>();
    for (Owned o : trainable(model)) {
      for (String kind : slotKinds(optimizer)) {
        String path = slotPath(optimizer, o, kind);
        float[] values = slotValues.get(path);
        if (values == null) {
          throw new IllegalStateException("the model has no optimizer variable " + path);
        }
        slots.add(WeightArray.of(o.weight().shape().asArray(), toKeras(optimizer, values), path));
      }
    }
    return new SavedState.OptimizerVariables(model.graph().iterations(),
        (float) optimizer.learningRate(), slots);
  }

  private static String slotPath(Optimizer optimizer, Owned o, String kind) {
    return optimizer.kerasName() + "/" + o.node().weightPath(o.weight()).replace('/', '_') + "_" + kind;
  }

  private static float[] toJava(Optimizer optimizer, float[] keras) {
    if (!(optimizer instanceof SGD)) {
      return keras;
    }
    float lr = (float) optimizer.learningRate();
    float[] out = new float[keras.length];
    for (int i = 0; i < keras.length; i++) {
      out[i] = keras[i] / -lr;
    }
    return out;
  }

  private static float[] toKeras(Optimizer optimizer, float[] java) {
    return optimizer instanceof SGD ? scale(java, -(float) optimizer.learningRate()) : java;
  }

  private static float[] scale(float[] values, float factor) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] * factor;
    }
    return out;
  }
}

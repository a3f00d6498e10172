package io.tfbridge.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order a model's layer calls run in: each after the calls whose outputs it reads. Calls keep the
 * layers' order where the data allows (Keras's order, deepest first), so a chain runs in layer order.
 */
final class CallOrder {
  private CallOrder() {}

  /** Call {@code call} of layer {@code layer} (indices into the model's layers and their calls). */
  record Step(int layer, int call) {}

  /**
   * The steps over {@code layers}, given the model's input names.
   *
   * @throws IllegalArgumentException if a call reads a tensor no input or earlier call makes
   */
  static List<Step> of(List<LayerNode> layers, Set<String> inputs) {
    Set<TensorRef> ready = new HashSet<>();
    inputs.forEach(name -> ready.add(TensorRef.of(name)));
    List<Step> pending = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      for (int c = 0; c < layers.get(i).calls().size(); c++) {
        pending.add(new Step(i, c));
      }
    }
    List<Step> order = new ArrayList<>();
    while (!pending.isEmpty()) {
      Step next = pending.stream().filter(s -> ready.containsAll(call(layers, s).tensors()))
          .findFirst().orElseThrow(() -> unreachable(layers, pending.get(0), ready));
      pending.remove(next);
      order.add(next);
      ready.add(TensorRef.of(layers.get(next.layer()).name(), next.call()));
    }
    return order;
  }

  private static LayerCall call(List<LayerNode> layers, Step s) {
    return layers.get(s.layer()).calls().get(s.call());
  }

  private static IllegalArgumentException unreachable(List<LayerNode> layers, Step s,
      Set<TensorRef> ready) {
    List<TensorRef> missing = call(layers, s).tensors().stream().filter(t -> !ready.contains(t)).toList();
    return new IllegalArgumentException("Layer \"" + layers.get(s.layer()).name() + "\" (call "
        + s.call() + ") reads " + missing + ", which no input or other layer call of the model makes");
  }
}

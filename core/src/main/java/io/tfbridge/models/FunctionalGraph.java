package io.tfbridge.models;

import io.tfbridge.layers.KerasTensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Walks a graph of {@link KerasTensor}s back from an output, as Keras's {@code map_graph} does. */
final class FunctionalGraph {
  private FunctionalGraph() {}

  /**
   * The layer tensors (inputs excluded) the output depends on, in Keras's order: deepest first (the
   * longest path to the output), ties in the order a depth-first walk from the output meets them.
   */
  static List<KerasTensor> layersInKerasOrder(KerasTensor output) {
    Map<KerasTensor, Integer> visitOrder = new IdentityHashMap<>();
    List<KerasTensor> postOrder = new ArrayList<>();
    walk(output, visitOrder, postOrder);
    Map<KerasTensor, Integer> depth = new IdentityHashMap<>();
    List<KerasTensor> reversed = new ArrayList<>(postOrder);
    Collections.reverse(reversed);
    for (KerasTensor t : reversed) {
      int d = depth.computeIfAbsent(t, k -> 0); // the output (no consumer) has depth 0
      for (KerasTensor in : t.inbound()) {
        depth.merge(in, d + 1, Math::max);
      }
    }
    List<KerasTensor> layers = new ArrayList<>(postOrder.stream().filter(t -> !t.isInput()).toList());
    layers.sort(Comparator.<KerasTensor>comparingInt(depth::get).reversed()
        .thenComparingInt(visitOrder::get));
    return layers;
  }

  /** The input tensors the output depends on. */
  static List<KerasTensor> inputsOf(KerasTensor output) {
    List<KerasTensor> postOrder = new ArrayList<>();
    walk(output, new IdentityHashMap<>(), postOrder);
    return postOrder.stream().filter(KerasTensor::isInput).toList();
  }

  private static void walk(KerasTensor t, Map<KerasTensor, Integer> visited, List<KerasTensor> post) {
    if (visited.containsKey(t)) {
      return;
    }
    visited.put(t, visited.size());
    for (KerasTensor in : t.inbound()) {
      walk(in, visited, post);
    }
    post.add(t);
  }
}

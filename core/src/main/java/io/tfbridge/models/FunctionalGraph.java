package io.tfbridge.models;

import io.tfbridge.layers.KerasTensor;
import io.tfbridge.layers.Layer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph of a functional model's symbolic tensors, ordered as Keras's {@code map_graph} orders it:
 * its layers (a layer called several times once, its calls in the order they were made), deepest
 * first.
 */
final class FunctionalGraph {
  private final Map<KerasTensor, Integer> visitOrder = new IdentityHashMap<>();
  private final List<KerasTensor> postOrder = new ArrayList<>();
  private final Map<KerasTensor, Integer> depth = new IdentityHashMap<>();

  private FunctionalGraph(List<KerasTensor> outputs) {
    outputs.forEach(this::walk);
    List<KerasTensor> reversed = new ArrayList<>(postOrder);
    Collections.reverse(reversed);
    for (KerasTensor t : reversed) {
      int d = depth.computeIfAbsent(t, k -> 0); // an output (no consumer) has depth 0
      for (KerasTensor in : t.sources()) {
        depth.merge(in, d + 1, Math::max);
      }
    }
  }

  static FunctionalGraph of(List<KerasTensor> outputs) {
    return new FunctionalGraph(outputs);
  }

  /**
   * The layers (inputs excluded) the outputs depend on, each with its calls in creation order, in
   * Keras's order: deepest first (a layer's depth is its deepest call's), ties in the order a
   * depth-first walk from the outputs meets them.
   */
  Map<Layer<?>, List<KerasTensor>> layers() {
    Map<Layer<?>, List<KerasTensor>> calls = new IdentityHashMap<>();
    for (KerasTensor t : postOrder) {
      if (!t.isInput()) {
        calls.computeIfAbsent(t.layer(), l -> new ArrayList<>()).add(t);
      }
    }
    List<Layer<?>> order = new ArrayList<>(calls.keySet());
    order.sort(Comparator.<Layer<?>>comparingInt(l -> layerDepth(calls.get(l))).reversed()
        .thenComparingInt(l -> calls.get(l).stream().mapToInt(visitOrder::get).min().orElse(0)));
    Map<Layer<?>, List<KerasTensor>> ordered = new LinkedHashMap<>();
    for (Layer<?> layer : order) {
      List<KerasTensor> list = new ArrayList<>(calls.get(layer));
      list.sort(Comparator.comparingLong(KerasTensor::creationOrder));
      ordered.put(layer, list);
    }
    return ordered;
  }

  /** The input tensors the outputs depend on. */
  List<KerasTensor> inputs() {
    return postOrder.stream().filter(KerasTensor::isInput).toList();
  }

  private int layerDepth(List<KerasTensor> calls) {
    return calls.stream().mapToInt(depth::get).max().orElse(0);
  }

  private void walk(KerasTensor t) {
    if (visitOrder.containsKey(t)) {
      return;
    }
    visitOrder.put(t, visitOrder.size());
    for (KerasTensor in : t.sources()) {
      walk(in);
    }
    postOrder.add(t);
  }
}

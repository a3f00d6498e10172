package io.tfbridge.interop.keras;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.SimpleRNN;
import io.tfbridge.layers.WeightSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where Keras keeps each layer's variables. In a {@code .keras} weights file the path comes from the
 * layer's class, not its name: the second Dense is {@code layers/dense_1} whatever it is called, and
 * a SimpleRNN's variables sit in its cell ({@code layers/simple_rnn/cell/vars}). In a legacy .h5 file
 * they are named {@code <model>/<layer>/kernel} ({@code .../simple_rnn_cell/kernel} for a SimpleRNN).
 */
final class KerasPaths {
  private KerasPaths() {}

  /** The {@code vars} group of every placed layer of a .keras weights file, in layer order. */
  static List<String> varsGroups(List<LayerNode> nodes) {
    Map<String, Integer> used = new HashMap<>();
    List<String> groups = new ArrayList<>();
    for (LayerNode node : nodes) {
      String stem = node.layer().namePrefix();
      int n = used.merge(stem, 1, Integer::sum) - 1;
      String layer = "layers/" + (n == 0 ? stem : stem + "_" + n);
      groups.add(layer + (node.layer() instanceof SimpleRNN ? "/cell/vars" : "/vars"));
    }
    return groups;
  }

  /** The value of a .keras {@code vars} group's {@code name} attribute, as Keras writes it. */
  static String varsName(LayerNode node) {
    return node.layer() instanceof SimpleRNN ? "simple_rnn_cell" : node.name();
  }

  /** A legacy .h5 weight name: {@code sequential/dense/kernel}, {@code .../rnn/simple_rnn_cell/bias}. */
  static String legacyWeightName(String model, LayerNode node, WeightSpec weight) {
    return model + "/" + node.name() + cell(node, "/") + weight.name();
  }

  /** A legacy .h5 optimizer variable name: {@code adam/sequential_dense_kernel_momentum}. */
  static String legacySlotName(String optimizer, String model, LayerNode node, WeightSpec weight,
      String slot) {
    return optimizer + "/" + model + "_" + node.name() + cell(node, "_") + weight.name() + "_" + slot;
  }

  private static String cell(LayerNode node, String separator) {
    return node.layer() instanceof SimpleRNN ? separator + "simple_rnn_cell" + separator : separator;
  }
}

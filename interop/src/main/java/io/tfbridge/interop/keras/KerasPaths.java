package io.tfbridge.interop.keras;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.GRU;
import io.tfbridge.layers.LSTM;
import io.tfbridge.layers.SimpleRNN;
import io.tfbridge.layers.WeightSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where Keras keeps each layer's variables. In a {@code .keras} weights file the path comes from the
 * layer's class, not its name: the second Dense is {@code layers/dense_1} whatever it is called, and
 * a recurrent layer's variables sit in its cell ({@code layers/simple_rnn/cell/vars},
 * {@code layers/lstm/cell/vars}, {@code layers/gru/cell/vars}). In a legacy .h5 file they are named
 * {@code <model>/<layer>/kernel} ({@code .../simple_rnn_cell/kernel}, {@code .../lstm_cell/kernel},
 * {@code .../gru_cell/kernel} for the recurrent layers).
 */
final class KerasPaths {
  private KerasPaths() {}

  /** One {@code vars} group of a .keras weights file: its path, its name attribute and its weights. */
  record VarsGroup(String path, String name, List<WeightSpec> weights) {}

  /**
   * The {@code vars} groups of every placed layer, in layer order: one per sub-object that owns
   * weights ({@code layers/dense/vars}, {@code layers/lstm/cell/vars},
   * {@code layers/multi_head_attention/query_dense/vars}), in the order the weights list them; none
   * for a weightless layer.
   */
  static List<List<VarsGroup>> varsGroups(List<LayerNode> nodes) {
    Map<String, Integer> used = new HashMap<>();
    List<List<VarsGroup>> all = new ArrayList<>();
    for (LayerNode node : nodes) {
      String stem = node.layer().namePrefix();
      int n = used.merge(stem, 1, Integer::sum) - 1;
      String layer = "layers/" + (n == 0 ? stem : stem + "_" + n);
      Map<String, List<WeightSpec>> byGroup = new LinkedHashMap<>();
      node.weights().forEach(w -> byGroup.computeIfAbsent(w.group(), g -> new ArrayList<>()).add(w));
      List<VarsGroup> groups = new ArrayList<>();
      byGroup.forEach((group, weights) -> groups.add(new VarsGroup(
          layer + (group.isEmpty() ? "" : "/" + group) + "/vars", varsName(node, group), weights)));
      all.add(groups);
    }
    return all;
  }

  /** The value of a .keras {@code vars} group's {@code name} attribute, as Keras writes it. */
  private static String varsName(LayerNode node, String group) {
    String cell = cellName(node);
    if (cell != null && group.equals("cell")) {
      return cell;
    }
    return group.isEmpty() ? node.name() : group.substring(group.lastIndexOf('/') + 1);
  }

  /**
   * A legacy .h5 weight name, as Keras writes a variable's path: {@code sequential/dense/kernel},
   * {@code .../lstm/lstm_cell/bias}, {@code .../mha/query_dense/kernel}.
   */
  static String legacyWeightName(String model, LayerNode node, WeightSpec weight) {
    return model + "/" + node.name() + legacyScope(node, weight, "/") + weight.name();
  }

  /**
   * A layer's weights in the order a legacy .h5 file lists them: Keras writes a layer's trainable
   * weights, then its non-trainable ones (the same as {@code get_weights()} for a single layer; a
   * nested model's trainable weights all come before its BatchNormalization statistics).
   */
  static List<WeightSpec> legacyOrder(LayerNode node) {
    List<WeightSpec> ordered = new ArrayList<>(node.weights().stream().filter(WeightSpec::trainable).toList());
    node.weights().stream().filter(w -> !w.trainable()).forEach(ordered::add);
    return ordered;
  }

  /** A legacy .h5 optimizer variable name: {@code adam/sequential_dense_kernel_momentum}. */
  static String legacySlotName(String optimizer, String model, LayerNode node, WeightSpec weight,
      String slot) {
    return optimizer + "/" + model + "_" + node.name() + legacyScope(node, weight, "_")
        + weight.name().replace('/', '_') + "_" + slot;
  }

  /** The sub-object scope of a weight between separators: a recurrent cell's name, or its group. */
  private static String legacyScope(LayerNode node, WeightSpec weight, String separator) {
    String scope = weight.group().equals("cell") && cellName(node) != null ? cellName(node)
        : weight.group();
    return scope.isEmpty() ? separator : separator + scope.replace("/", separator) + separator;
  }

  /** The name of a recurrent layer's cell, which holds its variables; null for other layers. */
  private static String cellName(LayerNode node) {
    if (node.layer() instanceof SimpleRNN) {
      return "simple_rnn_cell";
    } else if (node.layer() instanceof LSTM) {
      return "lstm_cell";
    } else if (node.layer() instanceof GRU) {
      return "gru_cell";
    }
    return null;
  }
}

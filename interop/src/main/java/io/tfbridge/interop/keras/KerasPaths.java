package io.tfbridge.interop.keras;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.GRU;
import io.tfbridge.layers.LSTM;
import io.tfbridge.layers.SimpleRNN;
import io.tfbridge.layers.WeightSpec;
import java.util.ArrayList;
import java.util.HashMap;
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

  /** The {@code vars} group of every placed layer of a .keras weights file, in layer order. */
  static List<String> varsGroups(List<LayerNode> nodes) {
    Map<String, Integer> used = new HashMap<>();
    List<String> groups = new ArrayList<>();
    for (LayerNode node : nodes) {
      String stem = node.layer().namePrefix();
      int n = used.merge(stem, 1, Integer::sum) - 1;
      String layer = "layers/" + (n == 0 ? stem : stem + "_" + n);
      groups.add(layer + (cellName(node) != null ? "/cell/vars" : "/vars"));
    }
    return groups;
  }

  /** The value of a .keras {@code vars} group's {@code name} attribute, as Keras writes it. */
  static String varsName(LayerNode node) {
    String cell = cellName(node);
    return cell != null ? cell : node.name();
  }

  /** A legacy .h5 weight name: {@code sequential/dense/kernel}, {@code .../rnn/simple_rnn_cell/bias}. */
  static String legacyWeightName(String model, LayerNode node, WeightSpec weight) {
    return model + "/" + node.name() + cell(node, "/") + weight.name();
  }

  /** The legacy .h5 group of a layer's datasets: {@code sequential/dense}, {@code .../lstm/lstm_cell}. */
  static String legacyGroup(String model, LayerNode node) {
    String cell = cellName(node);
    return model + "/" + node.name() + (cell != null ? "/" + cell : "");
  }

  /** A legacy .h5 optimizer variable name: {@code adam/sequential_dense_kernel_momentum}. */
  static String legacySlotName(String optimizer, String model, LayerNode node, WeightSpec weight,
      String slot) {
    return optimizer + "/" + model + "_" + node.name() + cell(node, "_") + weight.name() + "_" + slot;
  }

  private static String cell(LayerNode node, String separator) {
    String cell = cellName(node);
    return cell != null ? separator + cell + separator : separator;
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

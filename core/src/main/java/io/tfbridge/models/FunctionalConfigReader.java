package io.tfbridge.models;

import io.tfbridge.layers.KerasTensor;
import io.tfbridge.layers.Layer;
import io.tfbridge.layers.NumpyOp;
import io.tfbridge.saving.KerasObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a functional config's tensors: each layer entry is made once, then its inbound nodes are
 * applied in order, each as soon as the tensors it reads exist (several passes when a shared layer's
 * later call reads a layer listed after it).
 */
final class FunctionalConfigReader {
  /** A layer entry, its spec and the tensors its calls made so far. */
  private record Entry(KerasObject config, String name, Layer<?> layer, List<Object> nodes,
      List<KerasTensor> made) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  FunctionalConfigReader(List<?> layers) {
    for (int i = 0; i < layers.size(); i++) {
      if (!(layers.get(i) instanceof KerasObject config)) {
        throw new IllegalArgumentException("layer #" + i + " of the config has no class_name or "
            + "config: " + layers.get(i));
      }
      String name = LayerEntries.name(config);
      boolean input = config.className().equals("InputLayer");
      Layer<?> layer = input ? LayerEntries.input(config, name)
          : NumpyOp.isOp(config) ? NumpyOp.read(config, name) : LayerEntries.layer(config, name);
      List<Object> nodes = config.extras().get("inbound_nodes") instanceof List<?> l
          ? new ArrayList<>(l) : new ArrayList<>();
      Entry entry = new Entry(config, name, layer, nodes, new ArrayList<>());
      if (input) {
        entry.made().add(((io.tfbridge.layers.Input) layer).tensor());
      }
      entries.put(name, entry);
    }
    applyAll();
  }

  /** Applies every entry's inbound nodes, pass after pass, until all are made. */
  private void applyAll() {
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Entry e : entries.values()) {
        while (e.made().size() < e.nodes().size() && ready(e)) {
          e.made().add(apply(e, e.nodes().get(e.made().size())));
          progress = true;
        }
      }
    }
    for (Entry e : entries.values()) {
      if (e.made().size() < e.nodes().size()) {
        throw error(e, "its call " + e.made().size() + " reads " + missing(e) + ", which no layer "
            + "of the config makes");
      }
    }
  }

  /** The tensors the next call of {@code e} reads that do not exist, as {@code dense[1][0]}. */
  private List<String> missing(Entry e) {
    List<String> out = new ArrayList<>();
    for (List<Object> h : Inbound.histories(e.nodes().get(e.made().size()))) {
      Entry source = entries.get(String.valueOf(h.get(0)));
      if (source == null || source.made().size() <= index(h, 1)) {
        out.add(h.get(0) + "[" + index(h, 1) + "][" + index(h, 2) + "]");
      }
    }
    return out;
  }

  private boolean ready(Entry e) {
    for (List<Object> history : Inbound.histories(e.nodes().get(e.made().size()))) {
      Entry source = entries.get(String.valueOf(history.get(0)));
      if (source == null || source.made().size() <= index(history, 1)) {
        return false;
      }
    }
    return true;
  }

  private KerasTensor apply(Entry e, Object node) {
    Inbound call = Inbound.parse(node, msg -> error(e, msg));
    String where = "layer '" + e.name() + "'";
    Layer<?> layer = e.layer();
    if (!call.tensorsOnly()) {
      if (!(layer instanceof NumpyOp op)) {
        throw error(e, "takes constant arguments " + call.args() + "; only Keras ops do");
      }
      layer = op.withArguments(call.args().stream().map(a -> a instanceof Inbound.History ? null : a)
          .toList());
    }
    List<KerasTensor> args = call.args().stream().filter(a -> a instanceof Inbound.History)
        .map(h -> tensor(((Inbound.History) h).value(), where)).toList();
    Map<String, Object> kwargs = new LinkedHashMap<>();
    call.kwargs().forEach((k, v) -> kwargs.put(k, v instanceof Inbound.History h
        ? tensor(h.value(), where) : v));
    try {
      return layer.apply(args, kwargs);
    } catch (IllegalArgumentException ex) {
      throw ex.getMessage().startsWith("layer '") ? ex : error(e, ex.getMessage());
    }
  }

  /** The tensor a {@code ["dense", node, index]} history names. */
  KerasTensor tensor(List<Object> history, String where) {
    String layer = String.valueOf(history.get(0));
    Entry source = entries.get(layer);
    if (source == null) {
      throw new IllegalArgumentException(where + " names layer '" + layer + "', which the config "
          + "does not define; defined: " + entries.keySet());
    }
    int node = index(history, 1);
    if (index(history, 2) != 0) {
      throw error(source, "output " + history.get(2) + " of the layer is used; tfbridge supports "
          + "layers with one output");
    }
    if (node >= source.made().size()) {
      throw new IllegalArgumentException(where + " names call " + node + " of layer '" + layer
          + "', which has " + source.made().size() + " calls");
    }
    return source.made().get(node);
  }

  private static int index(List<Object> history, int i) {
    return history.size() > i && history.get(i) instanceof Number n ? n.intValue() : 0;
  }

  private static IllegalArgumentException error(Entry e, String problem) {
    return new IllegalArgumentException("layer '" + e.name() + "' (" + e.config().className() + "): "
        + problem);
  }
}

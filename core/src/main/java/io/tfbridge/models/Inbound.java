package io.tfbridge.models;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.KerasObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One inbound node of a functional config, parsed: its positional arguments (a {@link History} for a
 * tensor, else a constant such as MobileNetV3's {@code x + 3.0}) with a merge layer's list flattened,
 * and its keyword arguments. Keras 3 writes {@code {"args": [...], "kwargs": {...}}}; Keras 2
 * {@code [["dense", 0, 0, {kwargs}], ...]}.
 */
record Inbound(List<Object> args, Map<String, Object> kwargs) {

  /** A tensor by its {@code keras_history}: {@code ["dense", node, index]}. */
  record History(List<Object> value) {}

  static Inbound parse(Object node, Function<String, IllegalArgumentException> error) {
    List<Object> args = new ArrayList<>();
    Map<String, Object> kwargs = new LinkedHashMap<>();
    if (node instanceof Config call) {
      for (Object arg : list(call.get("args"))) {
        flatten(arg, args);
      }
      if (call.get("kwargs") instanceof Config kw) {
        kw.asMap().forEach((k, v) -> {
          if (v != null) { // Keras writes mask=None for a mask it fills in itself
            kwargs.put(k, isTensor(v) ? history(v, error) : v);
          }
        });
      }
    } else if (node instanceof List<?> keras2) {
      for (Object entry : keras2) {
        List<?> h = list(entry);
        args.add(new History(new ArrayList<>(h.subList(0, Math.min(3, h.size())))));
        if (h.size() > 3 && h.get(3) instanceof Config kw && kwargs.isEmpty()) {
          kw.asMap().forEach((k, v) -> {
            if (v != null) {
              kwargs.put(k, v);
            }
          });
        }
      }
    } else {
      throw error.apply("unreadable inbound node " + node);
    }
    return new Inbound(args, kwargs);
  }

  /** The tensor histories a node reads (its positional and keyword tensors). */
  static List<List<Object>> histories(Object node) {
    Inbound parsed = parse(node, IllegalArgumentException::new);
    List<List<Object>> all = new ArrayList<>();
    parsed.args().stream().filter(a -> a instanceof History).forEach(a -> all.add(((History) a).value()));
    parsed.kwargs().values().stream().filter(a -> a instanceof History)
        .forEach(a -> all.add(((History) a).value()));
    return all;
  }

  /** Whether every positional argument is a tensor (else the node is an op with constants). */
  boolean tensorsOnly() {
    return args.stream().allMatch(a -> a instanceof History);
  }

  private static void flatten(Object arg, List<Object> into) {
    if (arg instanceof List<?> list) {
      list.forEach(x -> flatten(x, into));
    } else {
      into.add(isTensor(arg) ? history(arg, IllegalArgumentException::new) : arg);
    }
  }

  private static boolean isTensor(Object v) {
    return v instanceof KerasObject o && o.className().equals("__keras_tensor__")
        || v instanceof Config c && "__keras_tensor__".equals(c.get("class_name"));
  }

  private static History history(Object tensor, Function<String, IllegalArgumentException> error) {
    Config config = tensor instanceof KerasObject o ? o.options() : (Config) ((Config) tensor).get("config");
    if (!(config.get("keras_history") instanceof List<?> h) || h.isEmpty() || !(h.get(0) instanceof String)) {
      throw error.apply("unreadable keras_history in " + tensor);
    }
    return new History(new ArrayList<>(h));
  }

  private static List<?> list(Object v) {
    return v instanceof List<?> l ? l : List.of();
  }
}

package io.tfbridge.models;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keras's layer naming within one model: a given name is kept (and must be unique), an unnamed layer
 * gets its class's stem numbered in order of use, skipping names already taken: {@code dense},
 * {@code dense_1}, ...
 */
final class LayerNames {
  private final String modelKind;
  private final Map<String, Integer> counters = new HashMap<>();
  private final Set<String> taken = new HashSet<>();

  LayerNames(String modelKind) {
    this.modelKind = modelKind;
  }

  /**
   * The name of the next layer in order of use: {@code given} if present (it must not be taken yet),
   * else the next free {@code prefix}, {@code prefix_1}, ...
   */
  String take(java.util.Optional<String> given, String prefix) {
    if (given.isPresent()) {
      if (!taken.add(given.get())) {
        throw duplicate(given.get());
      }
      return given.get();
    }
    String candidate;
    do {
      int n = counters.merge(prefix, 1, Integer::sum) - 1;
      candidate = n == 0 ? prefix : prefix + "_" + n;
    } while (taken.contains(candidate));
    taken.add(candidate);
    return candidate;
  }

  private IllegalArgumentException duplicate(String name) {
    return new IllegalArgumentException("All layers added to a " + modelKind + " model should have "
        + "unique names. Name \"" + name + "\" is already the name of a layer in this model.");
  }
}

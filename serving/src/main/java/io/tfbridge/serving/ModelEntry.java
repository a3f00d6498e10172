package io.tfbridge.serving;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One model a server serves, as a {@code config} entry of TF Serving's {@code model_config_list}:
 * its name, its base path (numeric version directories, or one SavedModel or Keras file served as
 * version 1), its {@code model_version_policy} and its {@code version_labels} (label to version).
 *
 * <pre>{@code
 * ModelEntry iris = new ModelEntry("iris", Path.of("/models/iris"),
 *     VersionPolicy.specific(Set.of(1L, 2L)), Map.of("stable", 1L, "canary", 2L));
 * }</pre>
 *
 * @param name the name clients call it by
 * @param basePath where its versions are
 * @param versionPolicy which versions are served
 * @param versionLabels version labels, each to a version number
 */
public record ModelEntry(String name, Path basePath, VersionPolicy versionPolicy,
    Map<String, Long> versionLabels) {

  /** Checks the values; copies the labels (sorted). */
  public ModelEntry {
    if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("model_name must be letters, digits, '_', '.' or '-'. "
          + "Received: " + name);
    }
    Objects.requireNonNull(basePath, "basePath");
    Objects.requireNonNull(versionPolicy, "versionPolicy");
    versionLabels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(versionLabels));
    for (String label : versionLabels.keySet()) {
      if (label.isEmpty() || label.contains("/") || label.contains(":")) {
        throw new IllegalArgumentException("Version label '" + label + "' of model " + name
            + " cannot be requested as /v1/models/" + name + "/labels/LABEL: a label must be "
            + "non-empty, without '/' or ':'");
      }
    }
  }

  /** Model {@code name} at {@code basePath}: its latest version, no labels. */
  public static ModelEntry of(String name, Path basePath) {
    return new ModelEntry(name, basePath, VersionPolicy.latest(1), Map.of());
  }

  /** A copy with this version policy. */
  public ModelEntry versionPolicy(VersionPolicy value) {
    return new ModelEntry(name, basePath, value, versionLabels);
  }
}

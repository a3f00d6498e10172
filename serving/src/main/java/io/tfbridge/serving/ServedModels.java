package io.tfbridge.serving;

import io.tfbridge.interop.savedmodel.UnsafeOps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The models a server serves, by name, and their version labels, as TF Serving's
 * {@code ServerCore} keeps them: a config (the start's, or a reload's) is checked whole before
 * anything changes; applying it loads the models added, takes the new policies and labels of
 * those kept (a new base path loads the model afresh, then swaps it in) and unloads the models
 * removed, whose requests in flight finish first.
 */
final class ServedModels implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ServedModels.class.getName());

  private final UnsafeOps.Policy unsafeOps;
  private final boolean allowUnavailableLabels;
  private final ConcurrentSkipListMap<String, ServedModel> models = new ConcurrentSkipListMap<>();
  /** The config applied last. */
  private List<ModelEntry> config = List.of();

  ServedModels(UnsafeOps.Policy unsafeOps, boolean allowUnavailableLabels) {
    this.unsafeOps = unsafeOps;
    this.allowUnavailableLabels = allowUnavailableLabels;
  }

  /**
   * Loads {@code entries}' models, then checks their labels against the versions that loaded.
   *
   * @throws IllegalArgumentException for a label naming a version that is not AVAILABLE (unless
   *     labels for unavailable versions are allowed); close this then
   */
  synchronized void start(List<ModelEntry> entries) {
    for (ModelEntry entry : entries) {
      update(entry);
    }
    checkLabels(entries, true);
    config = entries;
  }

  /**
   * Applies a re-read config, unless it is the one applied last.
   *
   * @return whether anything was applied
   * @throws IllegalArgumentException for a label naming a version that is not AVAILABLE now (unless
   *     allowed for a label that is new), before anything changes
   */
  synchronized boolean apply(List<ModelEntry> entries) {
    if (entries.equals(config)) {
      return false;
    }
    checkLabels(entries, false);
    for (ModelEntry entry : entries) {
      update(entry);
    }
    Set<String> names = Set.copyOf(entries.stream().map(ModelEntry::name).toList());
    for (String name : new ArrayList<>(models.keySet())) {
      if (!names.contains(name)) {
        models.remove(name).close();
        LOG.log(System.Logger.Level.INFO, "Unloaded model " + name + ": no longer configured");
      }
    }
    config = entries;
    return true;
  }

  private void update(ModelEntry entry) {
    ServedModel current = models.get(entry.name());
    if (current != null && current.entry().basePath().equals(entry.basePath())) {
      current.reconfigure(entry);
      current.refresh();
      return;
    }
    ServedModel fresh = new ServedModel(entry, unsafeOps);
    fresh.refresh();
    ServedModel old = models.put(entry.name(), fresh);
    if (old != null) {
      old.close();
    }
  }

  /** TF Serving's check: a label names an AVAILABLE version, or is new and that is allowed. */
  private void checkLabels(List<ModelEntry> entries, boolean starting) {
    for (ModelEntry entry : entries) {
      ServedModel current = models.get(entry.name());
      Set<Long> available = current == null ? Set.of() : current.versions().keySet();
      Map<String, Long> existing = starting || current == null ? Map.of()
          : current.entry().versionLabels();
      entry.versionLabels().forEach((label, version) -> {
        Long before = existing.get(label);
        boolean allowed = allowUnavailableLabels && (before == null || before.equals(version));
        if (!allowed && !available.contains(version)) {
          throw new IllegalArgumentException("Request to assign label to version " + version
              + " of model " + entry.name() + ", which is not currently available for inference"
              + " (label '" + label + "'; versions available: " + available + "). Load the "
              + "version first, or allow new labels for unavailable versions "
              + "(--allow_version_labels_for_unavailable_models)");
        }
      });
    }
  }

  /** Polls every model's base path for versions; a model that fails is logged and skipped. */
  synchronized void refresh() {
    for (ServedModel model : models.values()) {
      try {
        model.refresh();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Polling model " + model.name() + " failed: " + e);
      }
    }
  }

  /**
   * Takes a hold on the version a request names (by number, by label, or neither: the latest) of
   * model {@code name}; release it when done.
   *
   * @throws ServingException TF Serving's 400 for an unknown label (or a label of an unknown
   *     model), its 404 for a model or version not served
   */
  ModelVersion acquire(String name, Long version, String label) {
    ServedModel model = models.get(name);
    Long wanted = version;
    if (label != null) {
      if (model == null) {
        throw ServedModel.unrecognizedLabel(label);
      }
      wanted = model.labelVersion(label);
    }
    if (model == null) {
      throw ServedModel.notServed(name, wanted);
    }
    return model.acquire(wanted);
  }

  /** Model {@code name}, or null if it is not served. */
  ServedModel find(String name) {
    return models.get(name);
  }

  /** The models served, by name. */
  Map<String, ServedModel> all() {
    return java.util.Collections.unmodifiableMap(models);
  }

  /** The versions loaded of each model, by name. */
  Map<String, Integer> loadedVersions() {
    Map<String, Integer> loaded = new LinkedHashMap<>();
    models.forEach((name, model) -> loaded.put(name, model.versions().size()));
    return loaded;
  }

  /** The models without an AVAILABLE version. */
  List<String> unavailable() {
    return models.values().stream().filter(m -> !m.available()).map(ServedModel::name).toList();
  }

  /** Unloads every model (each version freed when its last request ends). */
  @Override
  public synchronized void close() {
    models.values().forEach(ServedModel::close);
    models.clear();
  }
}

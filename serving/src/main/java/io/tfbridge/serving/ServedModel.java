package io.tfbridge.serving;

import io.tfbridge.interop.ModelFiles;
import io.tfbridge.interop.savedmodel.SavedModels;
import io.tfbridge.interop.savedmodel.ServingVersions;
import io.tfbridge.interop.savedmodel.UnsafeOps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A model served under one name: the versions its base path holds that its policy chooses, each
 * loaded once; {@link #refresh} picks up new versions and retires old ones (freed when their last
 * request ends). A base path may also be one SavedModel directory or one {@code .keras}/{@code .h5}
 * file, served as version 1. A config reload may change its policy and labels
 * ({@link #reconfigure}); a new base path makes a new {@code ServedModel}.
 */
final class ServedModel implements AutoCloseable {
  private final String name;
  private final Path basePath;
  private volatile ModelEntry entry;
  private final UnsafeOps.Policy unsafeOps;
  private final ConcurrentSkipListMap<Long, ModelVersion> versions = new ConcurrentSkipListMap<>();
  private final Map<Long, String> failures = new ConcurrentHashMap<>();
  /** The fingerprint of each failed version's files: a version is retried when they change. */
  private final Map<Long, Long> failedFiles = new ConcurrentHashMap<>();

  ServedModel(ModelEntry entry, UnsafeOps.Policy unsafeOps) {
    this.name = entry.name();
    this.basePath = entry.basePath();
    this.entry = entry;
    this.unsafeOps = unsafeOps;
  }

  /** The model's name. */
  String name() {
    return name;
  }

  /** What it was configured with last. */
  ModelEntry entry() {
    return entry;
  }

  /** Takes {@code value}'s policy and labels (same name and base path); see {@link #refresh}. */
  void reconfigure(ModelEntry value) {
    if (!value.name().equals(name) || !value.basePath().equals(basePath)) {
      throw new IllegalArgumentException("A new name or base path needs a new ServedModel");
    }
    entry = value;
  }

  /**
   * The version {@code label} names.
   *
   * @throws ServingException 400 with TF Serving's text if the model has no such label
   */
  long labelVersion(String label) {
    Long version = entry.versionLabels().get(label);
    if (version == null) {
      throw unrecognizedLabel(label);
    }
    return version;
  }

  /** TF Serving's answer (InvalidArgument: 400) to a label it does not know. */
  static ServingException unrecognizedLabel(String label) {
    return ServingException.badRequest("Unrecognized servable version label: " + label);
  }

  /** TF Serving's answer (404) when version {@code version} (null: the latest) is not served. */
  static ServingException notServed(String name, Long version) {
    return ServingException.notFound("Servable not found for request: " + (version == null
        ? "Latest(" + name + ")" : "Specific(" + name + ", " + version + ")"));
  }

  /** Loads the versions the policy now chooses and retires the others. */
  synchronized void refresh() {
    SortedMap<Long, Path> found = found();
    Set<Long> wanted = entry.versionPolicy().choose(new ArrayList<>(found.keySet()));
    for (long v : wanted) {
      boolean retry = failures.containsKey(v)
          && !Objects.equals(failedFiles.get(v), VersionFiles.fingerprint(found.get(v)));
      if (!versions.containsKey(v) && (!failures.containsKey(v) || retry)) {
        load(v, found.get(v));
      }
    }
    for (Long v : new ArrayList<>(versions.keySet())) {
      if (!wanted.contains(v)) {
        versions.remove(v).release();
      }
    }
  }

  private SortedMap<Long, Path> found() {
    if (Files.isRegularFile(basePath) || SavedModels.isSavedModel(basePath)) {
      return new TreeMap<>(Map.of(1L, basePath));
    }
    return ServingVersions.all(basePath);
  }

  private void load(long version, Path path) {
    long fingerprint = VersionFiles.fingerprint(path);
    try {
      versions.put(version, new ModelVersion(version, path, ModelFiles.open(path, unsafeOps)));
      failures.remove(version);
    } catch (RuntimeException e) {
      failures.put(version, String.valueOf(e.getMessage()));
      failedFiles.put(version, fingerprint);
    }
  }

  /**
   * Takes a hold on version {@code version} (null: the latest served); release it when done.
   *
   * @throws ServingException 404 naming the model and version when it is not served
   */
  ModelVersion acquire(Long version) {
    while (true) {
      Map.Entry<Long, ModelVersion> latest = versions.lastEntry();
      ModelVersion candidate = version != null ? versions.get(version)
          : latest == null ? null : latest.getValue();
      if (candidate == null) {
        throw notServed(name, version);
      }
      if (candidate.acquire()) {
        return candidate;
      }
    }
  }

  /** The served versions, highest last. */
  Map<Long, ModelVersion> versions() {
    return versions;
  }

  /** The versions that failed to load, with their errors. */
  Map<Long, String> failures() {
    return failures;
  }

  /** Whether at least one version is AVAILABLE. */
  boolean available() {
    return !versions.isEmpty();
  }

  /** Retires every version (each freed when its last request ends). */
  @Override
  public synchronized void close() {
    for (Long v : new ArrayList<>(versions.keySet())) {
      versions.remove(v).release();
    }
  }
}

package io.tfbridge.serving;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a base path's versions are served, as TF Serving's {@code model_version_policy}:
 * {@code latest} (the highest N, default 1), {@code all}, or {@code specific} versions.
 *
 * <pre>{@code
 * VersionPolicy policy = VersionPolicy.latest(2);
 * }</pre>
 */
public record VersionPolicy(Kind kind, int latest, Set<Long> specific) {
  /** The kinds of policy. */
  public enum Kind {
    /** The highest {@code latest} versions. */
    LATEST,
    /** Every version. */
    ALL,
    /** The listed versions. */
    SPECIFIC
  }

  /** Copies the set; checks the count. */
  public VersionPolicy {
    specific = Set.copyOf(specific);
    if (kind == Kind.LATEST && latest < 1) {
      throw new IllegalArgumentException("latest: num_versions must be >= 1. Received: " + latest);
    }
    if (kind == Kind.SPECIFIC && specific.isEmpty()) {
      throw new IllegalArgumentException("specific: at least one version is needed");
    }
  }

  /** The highest {@code n} versions. */
  public static VersionPolicy latest(int n) {
    return new VersionPolicy(Kind.LATEST, n, Set.of());
  }

  /** Every version found. */
  public static VersionPolicy all() {
    return new VersionPolicy(Kind.ALL, 0, Set.of());
  }

  /** Exactly these versions (those present). */
  public static VersionPolicy specific(Set<Long> versions) {
    return new VersionPolicy(Kind.SPECIFIC, 0, versions);
  }

  /** The versions to serve among those {@code found}. */
  Set<Long> choose(List<Long> found) {
    TreeSet<Long> sorted = new TreeSet<>(found);
    return switch (kind) {
      case ALL -> sorted;
      case SPECIFIC -> {
        sorted.retainAll(specific);
        yield sorted;
      }
      case LATEST -> {
        TreeSet<Long> highest = new TreeSet<>();
        sorted.descendingSet().stream().limit(latest).forEach(highest::add);
        yield highest;
      }
    };
  }
}

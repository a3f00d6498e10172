package io.tfbridge.serving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A cheap fingerprint of a version's files (their sizes and modification times), so that a version
 * that failed to load, e.g. because it was seen while still being copied, is tried again once its
 * files change, and not on every poll.
 */
final class VersionFiles {
  private VersionFiles() {}

  /** The fingerprint of the file or directory tree at {@code path} (0 if unreadable). */
  static long fingerprint(Path path) {
    try (Stream<Path> files = Files.walk(path)) {
      return files.filter(Files::isRegularFile).mapToLong(VersionFiles::fileFingerprint).sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  private static long fileFingerprint(Path file) {
    try {
      return Files.size(file) * 1_000_003L + Files.getLastModifiedTime(file).toMillis()
          + file.getFileName().hashCode();
    } catch (IOException e) {
      return 0;
    }
  }
}

package io.tfbridge.interop.savedmodel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * TF Serving's layout: a base directory whose numeric subdirectories ({@code base/1/},
 * {@code base/2/}) are versions of one SavedModel; TF Serving serves the highest.
 *
 * <pre>{@code
 * ServingVersions.latest(Path.of("models/iris"));   // Optional[models/iris/2]
 * }</pre>
 */
public final class ServingVersions {
  private ServingVersions() {}

  /**
   * The highest-numbered subdirectory of {@code base} that holds a SavedModel, or empty if there is
   * none (or {@code base} is not a directory).
   */
  public static Optional<Path> latest(Path base) {
    if (!Files.isDirectory(base)) {
      return Optional.empty();
    }
    try (Stream<Path> children = Files.list(base)) {
      return children
          .filter(p -> p.getFileName().toString().matches("\\d{1,18}"))
          .filter(SavedModelDirectory::isSavedModel)
          .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString())));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + base, e);
    }
  }
}

package io.tfbridge.interop.savedmodel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
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
    return all(base).values().stream().filter(SavedModelDirectory::isSavedModel)
        .reduce((a, b) -> b);
  }

  /**
   * Every version under {@code base} by number: each numeric subdirectory holding a SavedModel (the
   * directory) or exactly one {@code .keras}/{@code .h5} file (that file); empty if {@code base} is
   * not a directory.
   */
  public static SortedMap<Long, Path> all(Path base) {
    SortedMap<Long, Path> versions = new TreeMap<>();
    if (!Files.isDirectory(base)) {
      return versions;
    }
    try (Stream<Path> children = Files.list(base)) {
      children.filter(p -> p.getFileName().toString().matches("\\d{1,18}"))
          .forEach(dir -> model(dir).ifPresent(
              m -> versions.put(Long.parseLong(dir.getFileName().toString()), m)));
      return versions;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + base, e);
    }
  }

  /** The model a version directory holds: itself as a SavedModel, or its one Keras file. */
  private static Optional<Path> model(Path dir) {
    if (SavedModelDirectory.isSavedModel(dir)) {
      return Optional.of(dir);
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> keras = files.filter(Files::isRegularFile).filter(f -> {
        String name = f.getFileName().toString();
        return name.endsWith(".keras") || name.endsWith(".h5");
      }).toList();
      return keras.size() == 1 ? Optional.of(keras.get(0)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}

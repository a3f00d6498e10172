package io.tfbridge.interop.callbacks;

import io.tfbridge.interop.AtomicFiles;
import io.tfbridge.interop.keras.KerasFileException;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.models.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The file work of {@link BackupAndRestore}: restoring a backup, cleaning up, deleting it. */
final class BackupRestorer {
  private BackupRestorer() {}

  /**
   * Loads the latest backup in {@code dir} into {@code model} (weights and optimizer state), or the
   * previous one when the latest cannot be read and a previous one is kept (which then becomes the
   * latest, as in Keras). Stale temporary files of a killed save are deleted first.
   *
   * @return the restored backup's metadata, empty when there is no backup
   * @throws UncheckedIOException or {@link KerasFileException} if no backup there can be restored
   */
  static Optional<BackupState> restore(Model model, Path dir, boolean doubleCheckpoint) {
    try {
      deleteTemporary(dir);
      try {
        return load(model, dir, BackupAndRestore.METADATA_FILE);
      } catch (IOException | KerasFileException e) {
        Path previous = dir.resolve(BackupAndRestore.PREVIOUS_METADATA_FILE);
        if (!Files.exists(previous)) {
          throw e;
        }
        Optional<BackupState> state = load(model, dir, BackupAndRestore.PREVIOUS_METADATA_FILE);
        byte[] bytes = Files.readAllBytes(previous);
        AtomicFiles.write(dir.resolve(BackupAndRestore.METADATA_FILE), tmp -> Files.write(tmp, bytes));
        return state;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("BackupAndRestore: could not restore the backup in " + dir, e);
    }
  }

  private static Optional<BackupState> load(Model model, Path dir, String metadata)
      throws IOException {
    Optional<BackupState> state = BackupState.read(dir.resolve(metadata));
    if (state.isPresent()) {
      KerasFiles.loadWeights(model, dir.resolve(state.get().weights()));
    }
    return state;
  }

  /** Deletes the weights files no metadata names and stale temporary files. */
  static void deleteUnnamed(Path dir) throws IOException {
    Set<String> named = new HashSet<>();
    for (String metadata : List.of(BackupAndRestore.METADATA_FILE,
        BackupAndRestore.PREVIOUS_METADATA_FILE)) {
      BackupState.read(dir.resolve(metadata)).ifPresent(s -> named.add(s.weights()));
    }
    for (Path file : list(dir)) {
      String name = file.getFileName().toString();
      boolean weights = name.startsWith("checkpoint-") && name.endsWith(".weights.h5");
      if ((weights && !named.contains(name)) || AtomicFiles.isTemporary(file)) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static void deleteTemporary(Path dir) throws IOException {
    for (Path file : list(dir)) {
      if (AtomicFiles.isTemporary(file)) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  /** Deletes {@code dir} and everything in it (Keras's {@code rmtree}), if it exists. */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("BackupAndRestore: could not delete the backup " + dir, e);
    }
  }
}

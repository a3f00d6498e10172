package io.tfbridge.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfbridge.callbacks.Callback;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.models.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Keras's {@code keras.callbacks.BackupAndRestore}: a directory holding the model of the last
 * completed epoch, {@code model.keras} (weights and optimizer state, {@link KerasFiles#save}), and
 * {@code checkpoint.json}, {@code {"epoch": N}}, the number of epochs it has completed. Both are
 * written atomically, the JSON after the model, so a crash mid-save leaves the previous checkpoint.
 * As in Keras, the backup is deleted when training finishes.
 *
 * <pre>{@code
 * BackupAndRestore backup = new BackupAndRestore(Path.of("tfbridge-checkpoints"));
 * OptionalInt done = backup.completedEpochs();
 * try (Model model = done.isPresent() ? backup.restore() : spec.compile("adam", "mse")) {
 *   model.fit(x, y, FitOptions.epochs(5).initialEpoch(done.orElse(0)).callbacks(backup.callback(model)));
 * }
 * }</pre>
 */
public final class BackupAndRestore {
  /** The model file in the backup directory. */
  public static final String MODEL_FILE = "model.keras";
  /** The file recording the completed epochs. */
  public static final String STATE_FILE = "checkpoint.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;

  /** A backup kept in {@code dir} (created when the first epoch ends). */
  public BackupAndRestore(Path dir) {
    this.dir = dir.toAbsolutePath();
  }

  /** The backup directory. */
  public Path dir() {
    return dir;
  }

  /**
   * The epochs the saved model has completed, or empty when there is no checkpoint.
   *
   * @throws IllegalStateException if {@code checkpoint.json} is unreadable or its model is missing
   */
  public OptionalInt completedEpochs() {
    Path state = dir.resolve(STATE_FILE);
    if (!Files.exists(state)) {
      return OptionalInt.empty();
    }
    JsonNode epoch;
    try {
      epoch = JSON.readTree(state.toFile()).get("epoch");
    } catch (IOException e) {
      throw new IllegalStateException("Could not read the checkpoint " + state + ": " + e.getMessage(), e);
    }
    if (epoch == null || !epoch.isInt() || epoch.asInt() < 1) {
      throw new IllegalStateException("Checkpoint " + state + ": expected {\"epoch\": N} with N >= 1, found "
          + epoch);
    }
    if (!Files.exists(dir.resolve(MODEL_FILE))) {
      throw new IllegalStateException("Checkpoint " + state + " names epoch " + epoch.asInt()
          + " but its model " + dir.resolve(MODEL_FILE) + " is missing");
    }
    return OptionalInt.of(epoch.asInt());
  }

  /**
   * Loads the saved model, compiled as it was and with its optimizer state. Call it inside a strategy
   * scope to run the model under that strategy.
   */
  public Model restore() {
    return KerasFiles.load(dir.resolve(MODEL_FILE));
  }

  /** The callback that saves {@code model} at each epoch's end and deletes the backup at the end. */
  public Callback callback(Model model) {
    return new Callback() {
      @Override
      public void onEpochEnd(int epoch, Map<String, Double> logs) {
        save(model, epoch + 1);
      }

      @Override
      public void onTrainEnd(Map<String, Double> logs) {
        delete();
      }
    };
  }

  /** Saves {@code model} as the checkpoint of {@code completedEpochs} epochs. */
  public void save(Model model, int completedEpochs) {
    try {
      Files.createDirectories(dir);
      KerasFiles.save(model, dir.resolve(MODEL_FILE));
      Path temp = dir.resolve(STATE_FILE + ".tmp");
      Files.writeString(temp, "{\"epoch\": " + completedEpochs + "}\n", StandardCharsets.UTF_8);
      Files.move(temp, dir.resolve(STATE_FILE), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the checkpoint of epoch " + completedEpochs + " to "
          + dir + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the checkpoint's files (the directory too when that leaves it empty). */
  public void delete() {
    try {
      Files.deleteIfExists(dir.resolve(STATE_FILE));
      Files.deleteIfExists(dir.resolve(MODEL_FILE));
      try (var rest = Files.list(dir)) {
        if (rest.findAny().isEmpty()) {
          Files.delete(dir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete the checkpoint in " + dir + ": " + e.getMessage(), e);
    }
  }
}

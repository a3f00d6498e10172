package io.tfbridge.interop.callbacks;

import io.tfbridge.callbacks.Callback;
import io.tfbridge.interop.AtomicFiles;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.models.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Keras's {@code keras.callbacks.BackupAndRestore}: backs up the training state (weights, optimizer
 * state and epoch) in {@code backup_dir} at each epoch's end (or every {@code save_freq} batches),
 * and when a later {@code fit} starts with a backup there, restores it into the model being trained
 * and resumes at the backed-up epoch; the backup is deleted when training finishes (unless
 * {@code delete_checkpoint} is false). As in Keras a mid-epoch backup resumes at the start of its
 * epoch.
 *
 * <p>The directory holds {@code training_metadata.json} (Keras's epoch and batch, plus the weights
 * file it belongs to) and that {@code checkpoint-<n>.weights.h5}. Each save writes a new weights
 * file, then the metadata, both atomically ({@link AtomicFiles}); a process killed at any point
 * resumes from a whole, consistent backup. In a multi-worker run (a collective
 * {@code MultiWorkerMirroredStrategy}) the chief alone writes and deletes the backup and every task
 * restores from it, so {@code backup_dir} must be on a file system every task sees, as in Keras.
 * With {@code double_checkpoint} the previous backup is
 * kept too ({@code training_metadata.json.bkp}) and restored when the latest cannot be read.
 *
 * <pre>{@code
 * BackupAndRestore backup = BackupAndRestore.of(Path.of("/tmp/backup"));
 * try (Model model = spec.compile("adam", "mse")) {
 *   model.fit(x, y, FitOptions.epochs(10).callbacks(backup)); // resumes where a killed run stopped
 * }
 * }</pre>
 */
public final class BackupAndRestore implements Callback {
  /** The metadata file, Keras's name. */
  public static final String METADATA_FILE = "training_metadata.json";
  /** The previous backup's metadata, kept with {@code double_checkpoint}. */
  public static final String PREVIOUS_METADATA_FILE = METADATA_FILE + ".bkp";

  private final Path dir;
  private final int saveFreq;
  private final SaveFrequency frequency;
  private final boolean doubleCheckpoint;
  private final boolean deleteCheckpoint;
  private Model model;
  private int currentEpoch;
  private int lastBatch;
  private long saves;

  private BackupAndRestore(Path dir, int saveFreq, boolean doubleCheckpoint, boolean deleteCheckpoint) {
    this.dir = dir.toAbsolutePath();
    this.saveFreq = saveFreq;
    this.frequency = new SaveFrequency(saveFreq);
    this.doubleCheckpoint = doubleCheckpoint;
    this.deleteCheckpoint = deleteCheckpoint;
  }

  /**
   * A backup in {@code backupDir} (created at the first save), saved at each epoch's end, deleted
   * when training finishes. The directory must not be shared with other callbacks or runs.
   *
   * @throws IllegalArgumentException for an empty path
   */
  public static BackupAndRestore of(Path backupDir) {
    if (backupDir.toString().isEmpty()) {
      throw new IllegalArgumentException("Empty `backup_dir` argument passed");
    }
    return new BackupAndRestore(backupDir, 0, false, true);
  }

  /**
   * {@code "epoch"}: back up at each epoch's end (the default).
   *
   * @throws IllegalArgumentException for any other text
   */
  public BackupAndRestore saveFreq(String saveFreq) {
    if (!"epoch".equals(saveFreq)) {
      throw invalidSaveFreq(saveFreq);
    }
    return new BackupAndRestore(dir, 0, doubleCheckpoint, deleteCheckpoint);
  }

  /**
   * Back up every {@code batches} training batches (counted across epochs).
   *
   * @throws IllegalArgumentException unless {@code batches >= 1}
   */
  public BackupAndRestore saveFreq(int batches) {
    if (batches < 1) {
      throw invalidSaveFreq(batches);
    }
    return new BackupAndRestore(dir, batches, doubleCheckpoint, deleteCheckpoint);
  }

  private static IllegalArgumentException invalidSaveFreq(Object value) {
    return new IllegalArgumentException("Invalid value for argument `save_freq`. Received: "
        + "save_freq=" + value + ". Expected either 'epoch' or an integer value >= 1.");
  }

  /** Keep the previous backup too, restored when the latest cannot be read. */
  public BackupAndRestore doubleCheckpoint(boolean value) {
    return new BackupAndRestore(dir, saveFreq, value, deleteCheckpoint);
  }

  /** Whether the backup is deleted when training finishes ({@code true} by default). */
  public BackupAndRestore deleteCheckpoint(boolean value) {
    return new BackupAndRestore(dir, saveFreq, doubleCheckpoint, value);
  }

  /** The backup directory. */
  public Path backupDir() {
    return dir;
  }

  /**
   * The epochs the backup in the directory has completed (where a {@code fit} would resume), or
   * empty when there is none.
   *
   * @throws UncheckedIOException if the metadata is unreadable
   */
  public OptionalInt completedEpochs() {
    try {
      Optional<BackupState> state = BackupState.read(dir.resolve(METADATA_FILE));
      return state.map(s -> OptionalInt.of(s.epoch())).orElse(OptionalInt.empty());
    } catch (IOException e) {
      throw new UncheckedIOException("BackupAndRestore: unreadable backup in " + dir, e);
    }
  }

  @Override
  public void setModel(Model model) {
    this.model = model;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    Optional<BackupState> restored = BackupRestorer.restore(model, dir, doubleCheckpoint);
    restored.ifPresent(state -> model.setInitialEpoch(state.epoch()));
    saves = restored.map(BackupState::save).orElse(0L);
    currentEpoch = restored.map(BackupState::epoch).orElse(0);
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    currentEpoch = epoch + 1;
    lastBatch = 0;
    if (frequency.perEpoch()) {
      save();
    }
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    if (frequency.batchEnded(batch)) {
      lastBatch = batch;
      save();
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    if (deleteCheckpoint && model.isChief()) {
      BackupRestorer.deleteTree(dir);
    }
  }

  /** Writes a new weights file, then the metadata naming it, then drops the files no longer named. */
  private void save() {
    if (!model.isChief()) {
      return; // every task restores from the chief's backup; only the chief writes it
    }
    BackupState state = new BackupState(currentEpoch, lastBatch, BackupState.weightsName(saves + 1),
        saves + 1);
    try {
      Files.createDirectories(dir);
      KerasFiles.saveWeights(model, dir.resolve(state.weights()));
      Path metadata = dir.resolve(METADATA_FILE);
      if (doubleCheckpoint && Files.exists(metadata)) {
        byte[] previous = Files.readAllBytes(metadata);
        AtomicFiles.write(dir.resolve(PREVIOUS_METADATA_FILE), tmp -> Files.write(tmp, previous));
      }
      state.write(metadata);
      saves = state.save();
      BackupRestorer.deleteUnnamed(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("BackupAndRestore: could not back up epoch " + currentEpoch
          + " to " + dir, e);
    }
  }

  @Override
  public String toString() {
    return "BackupAndRestore(backup_dir=" + dir + ", save_freq=" + frequency + ", double_checkpoint="
        + doubleCheckpoint + ", delete_checkpoint=" + deleteCheckpoint + ")";
  }
}

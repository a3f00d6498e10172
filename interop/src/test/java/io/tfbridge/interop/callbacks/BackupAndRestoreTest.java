package io.tfbridge.interop.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.callbacks.Callback;
import io.tfbridge.callbacks.History;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/** Keras's BackupAndRestore: an interrupted fit resumes from the backup, in the model being trained. */
class BackupAndRestoreTest {
  private static final FitOptions FIVE = FitOptions.epochs(5).batchSize(8).shuffle(false).verbose(0);

  @TempDir Path tmp;

  private final FloatNdArray x = TinyTraining.x(32, 4, 2);
  private final FloatNdArray y = TinyTraining.y(x);

  /** Throws at the start of epoch {@code epoch}, as Keras's docstring example interrupts. */
  private static Callback interruptAt(int epoch) {
    return new Callback() {
      @Override
      public void onEpochBegin(int e, Map<String, Double> logs) {
        if (e == epoch) {
          throw new IllegalStateException("Interrupting!");
        }
      }
    };
  }

  @Test
  void anInterruptedFitResumesAtItsEpochAndEndsAsAnUninterruptedOne() {
    Map<String, float[]> uninterrupted;
    try (Model model = TinyTraining.model(4, 8)) {
      model.fit(x, y, FIVE);
      uninterrupted = model.weights();
    }
    BackupAndRestore backup = BackupAndRestore.of(tmp.resolve("backup"));
    try (Model model = TinyTraining.model(4, 8)) {
      assertThrows(IllegalStateException.class,
          () -> model.fit(x, y, FIVE.callbacks(backup, interruptAt(3))));
    }
    assertEquals(3, backup.completedEpochs().getAsInt());
    try (Model model = TinyTraining.model(4, 8)) {
      History history = model.fit(x, y, FIVE.callbacks(backup));
      assertEquals(List.of(3, 4), history.epoch());
      assertEquals(20, model.graph().iterations());
      uninterrupted.forEach((path, values) -> assertArrayEquals(values, model.weights().get(path),
          1e-6f, path));
    }
    assertFalse(Files.exists(tmp.resolve("backup")), "deleted when training finishes");
  }

  @Test
  void aWeightsFileWithoutItsMetadataIsIgnoredAndCleanedUp() throws IOException {
    Path dir = tmp.resolve("backup");
    BackupAndRestore keep = BackupAndRestore.of(dir).deleteCheckpoint(false);
    try (Model model = TinyTraining.model(4, 8)) {
      model.fit(x, y, FitOptions.epochs(2).batchSize(8).verbose(0).callbacks(keep));
      model.fit(x, y, FitOptions.epochs(3).batchSize(8).verbose(0)); // no backup of epoch 3
      KerasFiles.saveWeights(model, dir.resolve("checkpoint-3.weights.h5")); // killed before metadata
      Files.writeString(dir.resolve(".checkpoint-4.weights.h5.123.tmp"), "half a file");
    }
    assertEquals(List.of(".checkpoint-4.weights.h5.123.tmp", "checkpoint-2.weights.h5",
        "checkpoint-3.weights.h5", BackupAndRestore.METADATA_FILE), ModelCheckpointTest.files(dir));
    try (Model model = TinyTraining.model(4, 8)) {
      History history = model.fit(x, y, FitOptions.epochs(3).batchSize(8).verbose(0).callbacks(keep));
      assertEquals(List.of(2), history.epoch(), "resumes at the metadata's epoch");
    }
    assertEquals(List.of("checkpoint-3.weights.h5", BackupAndRestore.METADATA_FILE),
        ModelCheckpointTest.files(dir), "the stale files are gone; save 3 replaced the stray file");
    assertEquals(3, keep.completedEpochs().getAsInt());
  }

  @Test
  void doubleCheckpointFallsBackToThePreviousBackup() throws IOException {
    Path dir = tmp.resolve("backup");
    BackupAndRestore backup = BackupAndRestore.of(dir).doubleCheckpoint(true);
    try (Model model = TinyTraining.model(4, 8)) {
      assertThrows(IllegalStateException.class,
          () -> model.fit(x, y, FIVE.callbacks(backup, interruptAt(3))));
    }
    Files.writeString(dir.resolve("checkpoint-3.weights.h5"), "corrupt"); // the latest, epoch 3
    try (Model model = TinyTraining.model(4, 8)) {
      History history = model.fit(x, y, FIVE.callbacks(backup));
      assertEquals(List.of(2, 3, 4), history.epoch());
    }
  }

  @Test
  void batchBackupsRecordKerasEpochAndBatch() throws IOException {
    Path dir = tmp.resolve("backup");
    BackupAndRestore backup = BackupAndRestore.of(dir).saveFreq(3).deleteCheckpoint(false);
    try (Model model = TinyTraining.model(4, 8)) {
      model.fit(x, y, FitOptions.epochs(2).batchSize(8).verbose(0).callbacks(backup));
    }
    // 4 batches an epoch, counted across epochs: saves after batch 2 of epoch 0 and batch 1 of
    // epoch 1 (none at epoch ends); Keras records the epochs completed and the batch
    assertEquals("{\"epoch\":1,\"batch\":1,\"weights\":\"checkpoint-2.weights.h5\",\"save\":2}",
        Files.readString(dir.resolve(BackupAndRestore.METADATA_FILE)));
    try (Model model = TinyTraining.model(4, 8)) {
      History history = model.fit(x, y, FitOptions.epochs(2).batchSize(8).verbose(0)
          .callbacks(BackupAndRestore.of(dir)));
      assertEquals(List.of(1), history.epoch(), "a mid-epoch backup resumes at its epoch's start");
    }
  }

  @Test
  void refusesWhatKerasRefuses() {
    assertEquals("Invalid value for argument `save_freq`. Received: save_freq=batch. Expected "
        + "either 'epoch' or an integer value >= 1.", assertThrows(IllegalArgumentException.class,
            () -> BackupAndRestore.of(tmp).saveFreq("batch")).getMessage());
    assertEquals("Empty `backup_dir` argument passed", assertThrows(IllegalArgumentException.class,
        () -> BackupAndRestore.of(Path.of(""))).getMessage());
  }
}

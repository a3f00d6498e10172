package io.tfbridge.interop.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.callbacks.History;
import io.tfbridge.interop.AtomicFiles;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.models.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * A process killed (SIGKILL) while a checkpoint is written leaves the previous checkpoint intact and
 * loadable, and BackupAndRestore resumes from it: a child JVM ({@link CheckpointingChild}) trains
 * with both callbacks and is killed with {@code destroyForcibly} as soon as a save's temporary file
 * appears; a kill that lands between saves is retried (the restarted child resumes from its backup).
 */
class KilledWhileSavingTest {
  private static final int ATTEMPTS = 6;

  @TempDir Path dir;

  @Test
  void aKillMidSaveLeavesThePreviousCheckpointsAndTrainingResumes() {
    assertTimeoutPreemptively(Duration.ofMinutes(4), () -> {
      int attempt = 0;
      for (Path saving : List.of(dir, dir.resolve("backup"))) { // ModelCheckpoint's, then the backup's
        List<String> leftovers = List.of();
        int first = attempt;
        while (attempt - first < ATTEMPTS && leftovers.isEmpty()) {
          leftovers = killDuringASave(attempt++, saving);
        }
        System.out.println("killed " + (attempt - first) + " time(s) to land in a save in " + saving
            + ": it left " + leftovers);
        assertTrue(!leftovers.isEmpty(), "no kill of " + ATTEMPTS + " landed during a save in " + saving);
      }
      checkCheckpoints();
    });
  }

  /** Starts the child, kills it once a save is under way; the temporary files the kill left. */
  private List<String> killDuringASave(int attempt, Path saving)
      throws IOException, InterruptedException {
    Path backup = dir.resolve("backup");
    Process child = start(attempt);
    try {
      while (child.isAlive() && !Files.exists(backup.resolve(BackupAndRestore.METADATA_FILE))) {
        Thread.sleep(20);
      }
      while (child.isAlive() && temporaries(saving).isEmpty()) {
        Thread.onSpinWait();
      }
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child did not end");
    } finally {
      child.destroyForcibly();
    }
    assertTrue(child.exitValue() != 0, () -> "the child ended by itself: " + log(attempt));
    return temporaries(saving);
  }

  private Process start(int attempt) throws IOException {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        CheckpointingChild.class.getName(), dir.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("child" + attempt + ".log").toFile());
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    return builder.start();
  }

  /** The temporary files of saves in {@code saving}. */
  private static List<String> temporaries(Path saving) throws IOException {
    if (!Files.isDirectory(saving)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(saving)) {
      return files.filter(AtomicFiles::isTemporary).map(p -> p.getFileName().toString()).toList();
    }
  }

  /** Both checkpoints load; a new fit resumes at the backup's epoch and finishes. */
  private void checkCheckpoints() {
    try (Model saved = KerasFiles.load(dir.resolve("model.keras"))) {
      assertTrue(saved.graph().iterations() > 0, "model.keras holds a trained model");
    }
    BackupAndRestore backup = BackupAndRestore.of(dir.resolve("backup"));
    int epoch = backup.completedEpochs().getAsInt();
    FloatNdArray x = CheckpointingChild.x();
    try (Model model = CheckpointingChild.model()) {
      History history = model.fit(x, TinyTraining.y(x),
          CheckpointingChild.fit(epoch + 2).callbacks(backup));
      assertEquals(List.of(epoch, epoch + 1), history.epoch());
      assertEquals((long) (epoch + 2) * CheckpointingChild.BATCHES_PER_EPOCH,
          model.graph().iterations(), "the optimizer's step count was restored");
    }
    assertTrue(!Files.exists(dir.resolve("backup")), "the finished fit deleted the backup");
  }

  private String log(int attempt) {
    try {
      return Files.readString(dir.resolve("child" + attempt + ".log"));
    } catch (IOException e) {
      return e.toString();
    }
  }
}

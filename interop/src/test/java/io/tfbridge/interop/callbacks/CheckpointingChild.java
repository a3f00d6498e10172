package io.tfbridge.interop.callbacks;

import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import java.nio.file.Path;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * The child JVM of {@link KilledWhileSavingTest}: trains a model big enough that each save takes a
 * while, saving every epoch with ModelCheckpoint ({@code model.keras}) and BackupAndRestore
 * ({@code backup/}), for many epochs, until it is killed. Resumes from the backup when restarted.
 */
public final class CheckpointingChild {
  static final int INPUTS = 256;
  static final int UNITS = 2048;
  static final int BATCHES_PER_EPOCH = 2;

  private CheckpointingChild() {}

  /** The model both processes build. */
  static Model model() {
    return TinyTraining.model(INPUTS, UNITS);
  }

  static FloatNdArray x() {
    return TinyTraining.x(16 * BATCHES_PER_EPOCH, INPUTS, 5);
  }

  static FitOptions fit(int epochs) {
    return FitOptions.epochs(epochs).batchSize(16).shuffle(false).verbose(0);
  }

  /** {@code args[0]}: the directory of model.keras and backup/. */
  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    FloatNdArray x = x();
    try (Model model = model()) {
      model.fit(x, TinyTraining.y(x), fit(100_000).callbacks(
          ModelCheckpoint.of(dir.resolve("model.keras").toString()),
          BackupAndRestore.of(dir.resolve("backup")).deleteCheckpoint(false)));
    }
  }
}

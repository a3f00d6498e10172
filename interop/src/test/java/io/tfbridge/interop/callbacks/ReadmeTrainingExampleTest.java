package io.tfbridge.interop.callbacks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.callbacks.CSVLogger;
import io.tfbridge.callbacks.EarlyStopping;
import io.tfbridge.callbacks.History;
import io.tfbridge.callbacks.ReduceLROnPlateau;
import io.tfbridge.callbacks.TensorBoard;
import io.tfbridge.layers.Dense;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.plot.HistoryPlot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's training-tools example, as it is printed there, on small random data. */
class ReadmeTrainingExampleTest {
  @TempDir
  Path dir;

  @Test
  void theReadmeExampleRuns() throws Exception {
    Random random = new Random(1);
    float[][] x = new float[64][4];
    int[] y = new int[64];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < 4; j++) {
        x[i][j] = (float) random.nextGaussian();
      }
      y[i] = x[i][0] > 0 ? 1 : 0;
    }
    Path logs = dir.resolve("logs");
    String checkpoints = dir.resolve("ckpt").toString();
    Files.createDirectories(Path.of(checkpoints));
    // README: begin
    try (Model model = Sequential.of(Dense.of(8).activation("relu").inputShape(4),
        Dense.of(2).activation("softmax")).compile("adam", "sparse_categorical_crossentropy",
        "accuracy");
        TensorBoard tensorBoard = TensorBoard.of(logs);
        CSVLogger csv = CSVLogger.of(dir.resolve("training.csv"))) {
      History history = model.fit(x, y, FitOptions.epochs(20).batchSize(16).validationSplit(0.25)
          .callbacks(EarlyStopping.of().patience(3).restoreBestWeights(true),
              ReduceLROnPlateau.of().factor(0.5).patience(2),
              ModelCheckpoint.of(checkpoints + "/model-{epoch:02d}-{val_loss:.2f}.keras")
                  .saveBestOnly(true),
              tensorBoard, csv));
      HistoryPlot.of(history).title("MLP").save(dir.resolve("history.png"));
    }
    // README: end
    assertTrue(Files.exists(dir.resolve("history.png")));
    assertTrue(Files.exists(logs.resolve("train")) && Files.exists(logs.resolve("validation")));
    try (var files = Files.list(Path.of(checkpoints))) {
      assertTrue(files.anyMatch(f -> f.getFileName().toString().matches("model-\\d\\d-\\d\\.\\d\\d\\.keras")));
    }
    assertTrue(Files.readAllLines(dir.resolve("training.csv")).size() > 1);
  }
}

package io.tfbridge.interop.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/** Keras's ModelCheckpoint: when it saves, what it writes, what it prints and what it refuses. */
class ModelCheckpointTest {
  @TempDir Path tmp;

  private final FloatNdArray x = TinyTraining.x(32, 4, 1);
  private final FloatNdArray y = TinyTraining.y(x);

  @Test
  void saveBestOnlyWritesOnlyOnImprovementWithKerasMessages() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    String pattern = tmp.resolve("best-{epoch}.keras").toString();
    ModelCheckpoint best = ModelCheckpoint.of(pattern).saveBestOnly(true).verbose(1)
        .out(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try (Model model = TinyTraining.model(4, 8)) {
      best.setModel(model);
      double[] valLoss = {0.5, 0.6, 0.4, 0.4};
      for (int epoch = 0; epoch < valLoss.length; epoch++) {
        best.onEpochBegin(epoch, Map.of());
        best.onEpochEnd(epoch, Map.of("loss", 1.0, "val_loss", valLoss[epoch]));
      }
    }
    assertEquals(List.of("best-1.keras", "best-3.keras"), files(tmp));
    Path first = tmp.resolve("best-1.keras");
    Path third = tmp.resolve("best-3.keras");
    assertEquals("\nEpoch 1: val_loss improved from None to 0.50000, saving model to " + first + "\n"
        + "\nEpoch 1: finished saving model to " + first + "\n"
        + "\nEpoch 2: val_loss did not improve from 0.50000\n"
        + "\nEpoch 3: val_loss improved from 0.50000 to 0.40000, saving model to " + third + "\n"
        + "\nEpoch 3: finished saving model to " + third + "\n"
        + "\nEpoch 4: val_loss did not improve from 0.40000\n",
        printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    assertEquals(0.4, best.best().getAsDouble());
  }

  @Test
  void initialValueThresholdAndMaxMode() {
    ModelCheckpoint best = ModelCheckpoint.of(tmp.resolve("m-{epoch:02d}.keras").toString())
        .saveBestOnly(true).monitor("loss").mode("max").initialValueThreshold(0.7);
    try (Model model = TinyTraining.model(4, 8)) {
      best.setModel(model);
      double[] loss = {0.6, 0.8, 0.75, 0.9};
      for (int epoch = 0; epoch < loss.length; epoch++) {
        best.onEpochEnd(epoch, Map.of("loss", loss[epoch]));
      }
    }
    assertEquals(List.of("m-02.keras", "m-04.keras"), files(tmp));
  }

  @Test
  void everyEpochDuringFitWithPlaceholdersTheLastIsTheTrainedModel() {
    String pattern = tmp.resolve("sub/e{epoch:02d}-{val_loss:.3f}.keras").toString();
    try (Model model = TinyTraining.model(4, 8)) {
      var history = model.fit(x, y, FitOptions.epochs(3).batchSize(8).verbose(0)
          .validationData(x, y).callbacks(ModelCheckpoint.of(pattern)));
      List<String> expected = new java.util.ArrayList<>();
      for (int e = 0; e < 3; e++) {
        expected.add(String.format(java.util.Locale.ROOT, "e%02d-%s.keras", e + 1,
            FormatSpec.parse(".3f").format(history.get("val_loss").get(e))));
      }
      assertEquals(expected, files(tmp.resolve("sub")));
      try (Model loaded = KerasFiles.load(tmp.resolve("sub").resolve(expected.get(2)))) {
        assertTrue(TinyTraining.sameWeights(model.weights(), loaded.weights()));
      }
    }
  }

  @Test
  void weightsOnlyEveryNBatchesWithTheBatchPlaceholder() {
    String pattern = tmp.resolve("w-{epoch}-{batch}.weights.h5").toString();
    try (Model model = TinyTraining.model(4, 8)) {
      model.fit(x, y, FitOptions.epochs(2).batchSize(8).verbose(0) // 4 batches an epoch
          .callbacks(ModelCheckpoint.of(pattern).saveWeightsOnly(true).saveFreq(3)));
      assertEquals(List.of("w-1-3.weights.h5", "w-2-2.weights.h5"), files(tmp));
      try (Model fresh = TinyTraining.model(4, 8)) {
        KerasFiles.loadWeights(fresh, tmp.resolve("w-2-2.weights.h5"));
        assertEquals(6, fresh.graph().iterations());
        assertFalse(TinyTraining.sameWeights(model.weights(), fresh.weights()));
      }
    }
  }

  @Test
  void aPlaceholderMissingFromTheLogsNamesTheFiguresThereAre() {
    String pattern = tmp.resolve("m-{val_acc:.2f}.keras").toString();
    try (Model model = TinyTraining.model(4, 8)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fit(x, y,
          FitOptions.epochs(1).batchSize(8).verbose(0).callbacks(ModelCheckpoint.of(pattern))));
      assertEquals("Failed to format this callback filepath: \"" + pattern + "\". Reason: no value "
          + "for the placeholder {val_acc}; the values available are epoch, loss", e.getMessage());
    }
    assertEquals(List.of(), files(tmp));
  }

  @Test
  void refusesWhatKerasRefuses() {
    assertEquals("The filepath provided must end in `.keras` (Keras model format). Received: "
        + "filepath=m.ckpt", assertThrows(IllegalArgumentException.class,
            () -> ModelCheckpoint.of("m.ckpt")).getMessage());
    assertEquals("When using `save_weights_only=True` in `ModelCheckpoint`, the filepath provided "
        + "must end in `.weights.h5` (Keras weights format). Received: filepath=m.keras",
        assertThrows(IllegalArgumentException.class,
            () -> ModelCheckpoint.of("m.keras").saveWeightsOnly(true)).getMessage());
    assertEquals("Unrecognized save_freq: batch. Expected save_freq are 'epoch' or integer values",
        assertThrows(IllegalArgumentException.class,
            () -> ModelCheckpoint.of("m.keras").saveFreq("batch")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> ModelCheckpoint.of("m.keras").saveFreq(0));
    assertThrows(IllegalArgumentException.class, () -> ModelCheckpoint.of("m.keras").mode("up"));
    ModelCheckpoint unknown = ModelCheckpoint.of("m.keras").monitor("val_f1").saveBestOnly(true);
    try (Model model = TinyTraining.model(4, 8)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> unknown.setModel(model));
      assertTrue(e.getMessage().startsWith("ModelCheckpoint: unknown `monitor`=val_f1."),
          e.getMessage());
    }
  }

  @Test
  void anExistingDirectoryIsNoFilePath() throws IOException {
    Files.createDirectories(tmp.resolve("taken.keras"));
    ModelCheckpoint c = ModelCheckpoint.of(tmp.resolve("taken.keras").toString());
    try (Model model = TinyTraining.model(4, 8)) {
      c.setModel(model);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> c.onEpochEnd(0, Map.of("loss", 1.0)));
      assertEquals("Please specify a non-directory filepath for ModelCheckpoint. Filepath used is "
          + "an existing directory: " + tmp.resolve("taken.keras"), e.getMessage());
    }
  }

  static List<String> files(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted()
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

package io.tfbridge.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.callbacks.EventFiles.Value;
import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.Dense;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.GraphDef;

/**
 * TensorBoard's event files, read back: Keras's tags and steps with the History's values, the
 * histograms and graph, and files closed after fit, after a failing fit and after evaluate.
 */
class TensorBoardTest {
  private static final float[][] X = {{0.1f, 0.2f}, {0.3f, -0.4f}, {-0.5f, 0.6f}, {0.7f, 0.1f},
      {0.2f, -0.3f}};
  private static final float[][] Y = {{1f}, {0f}, {1f}, {0f}, {1f}};
  /** Three training samples in batches of 2 (2 batches an epoch), two for validation. */
  private static final FitOptions FIT = FitOptions.epochs(3).batchSize(2).validationSplit(0.4)
      .shuffle(false).verbose(0);

  @TempDir Path tmp;

  private static Model model() {
    return Sequential.of(Dense.of(1).activation("sigmoid").inputShape(2)).seed(1)
        .compile("sgd", "binary_crossentropy", "accuracy");
  }

  @Test
  void fitWritesKerasTagsAndStepsWithTheHistorysValues() throws Exception {
    TensorBoard board = TensorBoard.of(tmp).histogramFreq(2).updateFreq(2)
        .writeStepsPerSecond(true);
    History h;
    Map<String, float[]> weights;
    try (Model model = model()) {
      h = model.fit(X, Y, FIT.callbacks(board));
      weights = model.weights();
    }
    assertFalse(board.isOpen(), "onTrainEnd closes the files");
    Map<String, List<Value>> train = EventFiles.values(tmp.resolve("train"));
    Map<String, List<Value>> validation = EventFiles.values(tmp.resolve("validation"));
    for (String figure : List.of("loss", "accuracy")) {
      assertScalars(train.get("epoch_" + figure), List.of(0L, 1L, 2L), h.get(figure));
      // the last batch of each epoch (global batches 2, 4, 6) reports the epoch's mean
      assertScalars(train.get("batch_" + figure), List.of(2L, 4L, 6L), h.get(figure));
      assertScalars(validation.get("epoch_" + figure), List.of(0L, 1L, 2L), h.get("val_" + figure));
      assertScalars(validation.get("evaluation_" + figure + "_vs_iterations"),
          List.of(2L, 4L, 6L), h.get("val_" + figure));
    }
    assertScalars(train.get("epoch_learning_rate"), List.of(0L, 1L, 2L), List.of(0.01, 0.01, 0.01));
    assertEquals(Set.of("epoch_loss", "epoch_accuracy", "epoch_learning_rate",
        "epoch_steps_per_second", "batch_steps_per_second", "batch_loss", "batch_accuracy",
        "sequential/dense/kernel/histogram", "sequential/dense/bias/histogram"), train.keySet());
    assertTrue(train.get("epoch_steps_per_second").stream().allMatch(v -> v.values().get(0) > 0));
    assertHistogram(train.get("sequential/dense/kernel/histogram"), weights.get("dense/kernel"));
    assertGraphWritten(tmp.resolve("train"));
    pythonReads(h, weights);
  }

  /** TensorBoard's reader (or TensorFlow's) finds the same in the files, when Python is at hand. */
  private void pythonReads(History h, Map<String, float[]> weights) throws Exception {
    PythonTensorBoardCheck check = new PythonTensorBoardCheck().graph(true);
    List<Long> epochs = List.of(0L, 1L, 2L);
    List<Long> iterations = List.of(2L, 4L, 6L);
    for (String figure : List.of("loss", "accuracy")) {
      check.scalars("train", "epoch_" + figure, epochs, h.get(figure))
          .scalars("train", "batch_" + figure, iterations, h.get(figure))
          .scalars("validation", "epoch_" + figure, epochs, h.get("val_" + figure))
          .scalars("validation", "evaluation_" + figure + "_vs_iterations", iterations,
              h.get("val_" + figure));
    }
    check.scalars("train", "epoch_learning_rate", epochs, List.of(0.01, 0.01, 0.01))
        .timed("train", "epoch_steps_per_second").timed("train", "batch_steps_per_second");
    weights.forEach((path, values) -> check.histogram("sequential/" + path + "/histogram",
        List.of(0L, 2L), values));
    check.assertReads(tmp, Path.of(System.getProperty("user.dir")));
  }

  private static void assertScalars(List<Value> values, List<Long> steps, List<Double> expected) {
    assertEquals(steps, values.stream().map(Value::step).toList());
    for (int i = 0; i < steps.size(); i++) {
      assertEquals("scalars", values.get(i).plugin());
      assertEquals(expected.get(i), values.get(i).values().get(0), 1e-6, values.get(i).tag());
    }
  }

  /** Written at epochs 0 and 2 (histogram_freq=2); the last equals the final weights' buckets. */
  private static void assertHistogram(List<Value> values, float[] finalWeights) {
    assertEquals(List.of(0L, 2L), values.stream().map(Value::step).toList());
    Value last = values.get(1);
    assertEquals("histograms", last.plugin());
    double[][] buckets = HistogramBuckets.of(finalWeights);
    for (int i = 0; i < buckets.length; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(buckets[i][j], last.values().get(3 * i + j), 0.0);
      }
    }
  }

  private static void assertGraphWritten(Path trainDir) throws Exception {
    List<Event> graphs = EventFiles.events(trainDir).stream().filter(Event::hasGraphDef).toList();
    assertEquals(1, graphs.size());
    assertEquals(0, graphs.get(0).getStep());
    GraphDef def = GraphDef.parseFrom(graphs.get(0).getGraphDef());
    assertTrue(def.getNodeList().stream().anyMatch(n -> n.getName().contains("dense")),
        "the model's graph");
  }

  @Test
  void filesLeftOpenByAFailingFitCloseWithTheCallbackOrTheNextFit() throws Exception {
    Callback failing = new Callback() {
      @Override
      public void onEpochBegin(int epoch, Map<String, Double> logs) {
        if (epoch == 1) {
          throw new IllegalStateException("boom");
        }
      }
    };
    try (Model model = model()) {
      TensorBoard board = TensorBoard.of(tmp.resolve("closed"));
      try (board) {
        assertThrows(IllegalStateException.class,
            () -> model.fit(X, Y, FIT.callbacks(board, failing)));
        assertTrue(board.isOpen(), "no hook tells a callback that fit failed");
      }
      assertFalse(board.isOpen());
      board.close();
      assertEquals(List.of(0L, 0L), steps(tmp.resolve("closed/train")));
      TensorBoard reused = TensorBoard.of(tmp.resolve("reused"));
      assertThrows(IllegalStateException.class,
          () -> model.fit(X, Y, FIT.callbacks(reused, failing)));
      model.fit(X, Y, FIT.withEpochs(1).callbacks(reused));
      assertFalse(reused.isOpen(), "the next fit closed the failed one's files, then its own");
      try (var files = Files.list(tmp.resolve("reused/train"))) {
        assertEquals(2, files.count(), "one event file per fit, as Keras");
      }
    }
  }

  /** The steps of epoch_loss and of the graph (written at the first batch) in a run's file. */
  private static List<Long> steps(Path run) throws Exception {
    List<Long> steps = new java.util.ArrayList<>(EventFiles.events(run).stream()
        .filter(Event::hasGraphDef).map(Event::getStep).toList());
    EventFiles.values(run).get("epoch_loss").forEach(v -> steps.add(v.step()));
    return steps;
  }

  @Test
  void evaluateAloneWritesEvaluationFiguresAtTheOptimizersStep() throws Exception {
    TensorBoard board = TensorBoard.of(tmp);
    try (Model model = model()) {
      model.fit(X, Y, FitOptions.epochs(2).batchSize(5).verbose(0));
      Map<String, Double> result = model.evaluate(List.of(HostArrays.of(X)),
          List.of(HostArrays.of(Y)), 2, List.of(board));
      assertFalse(board.isOpen());
      Map<String, List<Value>> validation = EventFiles.values(tmp.resolve("validation"));
      assertEquals(List.of("evaluation_loss_vs_iterations", "evaluation_accuracy_vs_iterations"),
          List.copyOf(validation.keySet()));
      assertScalars(validation.get("evaluation_loss_vs_iterations"), List.of(2L),
          List.of(result.get("loss")));
      assertFalse(Files.exists(tmp.resolve("train")), "no train file for an evaluation");
    }
  }

  @Test
  void optionsFollowKerasAndUnsupportedOnesAreRefused() {
    TensorBoard board = TensorBoard.of(Path.of("logs"));
    assertEquals(TensorBoardOptions.DEFAULTS, board.options());
    assertEquals(Path.of("logs"), TensorBoard.of().logDir());
    assertEquals(1, board.updateFreq("batch").options().updateFreq());
    assertEquals(0, board.updateFreq(5).updateFreq("epoch").options().updateFreq());
    assertEquals(0, board.histogramFreq(3).options().histogramFreq() - 3);
    assertEquals(board.options(), board.writeImages(false).profileBatch(0).embeddingsFreq(0)
        .options());
    assertRefused(() -> board.updateFreq(0), "update_freq=0");
    assertRefused(() -> board.updateFreq("step"), "update_freq=step");
    assertRefused(() -> board.histogramFreq(-1), "histogram_freq=-1");
    assertRefused(() -> board.writeImages(true), "write_images=true");
    assertRefused(() -> board.profileBatch(3), "profile_batch=3");
    assertRefused(() -> board.profileBatch(-1), "Found: -1");
    assertRefused(() -> board.embeddingsFreq(1), "embeddings_freq=1");
  }

  private static void assertRefused(Runnable call, String expected) {
    var e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}

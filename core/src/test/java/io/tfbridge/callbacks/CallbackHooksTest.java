package io.tfbridge.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.Dense;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.optimizers.SGD;
import io.tfbridge.optimizers.schedules.ExponentialDecay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hooks fit, evaluate and predict call, in Keras's order, and model.stop_training. */
class CallbackHooksTest {
  private static final float[][] X = {{0.1f, 0.2f}, {0.3f, -0.4f}, {-0.5f, 0.6f}, {0.7f, 0.1f},
      {0.2f, -0.3f}};
  private static final float[][] Y = {{1f}, {0f}, {1f}, {0f}, {1f}};

  /** Records every hook as {@code name[:index]}. */
  static final class Recorder implements Callback {
    final List<String> events = new ArrayList<>();
    Model model;
    TrainingParams params;

    @Override
    public void setModel(Model model) {
      this.model = model;
    }

    @Override
    public void setParams(TrainingParams params) {
      this.params = params;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
      events.add("train_begin");
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
      events.add("train_end" + logs.keySet());
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
      events.add("epoch_begin:" + epoch);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
      events.add("epoch_end:" + epoch + logs.keySet());
    }

    @Override
    public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
      events.add("batch_begin:" + batch);
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
      events.add("batch_end:" + batch);
    }

    @Override
    public void onTestBegin(Map<String, Double> logs) {
      events.add("test_begin");
    }

    @Override
    public void onTestBatchEnd(int batch, Map<String, Double> logs) {
      events.add("test_batch_end:" + batch);
    }

    @Override
    public void onTestEnd(Map<String, Double> logs) {
      events.add("test_end" + logs.keySet());
    }

    @Override
    public void onPredictBegin(Map<String, Double> logs) {
      events.add("predict_begin");
    }

    @Override
    public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
      events.add("predict_batch_end:" + batch);
    }

    @Override
    public void onPredictEnd(Map<String, Double> logs) {
      events.add("predict_end");
    }
  }

  private static Model model() {
    return Sequential.of(Dense.of(1).inputShape(2)).seed(1).compile("sgd", "mse");
  }

  @Test
  void fitCallsTheHooksInKerasOrderWithValidationAsATestRun() {
    Recorder r = new Recorder();
    try (Model model = model()) {
      model.fit(X, Y, FitOptions.epochs(2).batchSize(2).validationSplit(0.4).verbose(0)
          .callbacks(r));
      assertSame(model, r.model);
      assertEquals(new TrainingParams(2, 2, 0), r.params);
    }
    assertEquals(List.of("train_begin",
        "epoch_begin:0", "batch_begin:0", "batch_end:0", "batch_begin:1", "batch_end:1",
        "test_begin", "test_batch_end:0", "test_end[loss]", "epoch_end:0[loss, val_loss]",
        "epoch_begin:1", "batch_begin:0", "batch_end:0", "batch_begin:1", "batch_end:1",
        "test_begin", "test_batch_end:0", "test_end[loss]", "epoch_end:1[loss, val_loss]",
        "train_end[loss, val_loss]"), r.events);
  }

  @Test
  void validationFreqValidatesOnlyTheEpochsItNames() {
    try (Model model = model()) {
      History every2 = model.fit(X, Y, FitOptions.epochs(4).validationSplit(0.4).validationFreq(2)
          .verbose(0));
      assertEquals(4, every2.get("loss").size());
      assertEquals(2, every2.get("val_loss").size());
      History listed = model.fit(X, Y, FitOptions.epochs(4).validationSplit(0.4)
          .validationFreq(List.of(1, 4)).verbose(0));
      assertEquals(2, listed.get("val_loss").size());
    }
    var e = assertThrows(IllegalArgumentException.class, () -> FitOptions.epochs(2).validationFreq(0));
    assertTrue(e.getMessage().contains("validation_freq=0"), e.getMessage());
  }

  @Test
  void validationStepsValidatesOnTheFirstBatchesOnly() {
    float[][] firstTwo = {X[0], X[1]};
    float[][] firstTwoY = {Y[0], Y[1]};
    try (Model model = model()) {
      History h = model.fit(X, Y, FitOptions.epochs(1).batchSize(2).verbose(0)
          .validationData(HostArrays.of(X), HostArrays.of(Y)).validationSteps(1));
      double expected = model.evaluate(HostArrays.of(firstTwo), HostArrays.of(firstTwoY), 2)
          .get("loss");
      assertEquals(expected, h.get("val_loss").get(0), 1e-7);
      double all = model.evaluate(HostArrays.of(X), HostArrays.of(Y), 2).get("loss");
      assertTrue(Math.abs(all - expected) > 1e-4, "the data's other batches differ");
    }
    var e = assertThrows(IllegalArgumentException.class, () -> FitOptions.epochs(1).validationSteps(-1));
    assertTrue(e.getMessage().contains("validation_steps=-1"), e.getMessage());
  }

  @Test
  void stopTrainingEndsTheEpochAfterTheCurrentBatch() {
    Recorder r = new Recorder();
    Callback stopper = new Callback() {
      Model model;

      @Override
      public void setModel(Model model) {
        this.model = model;
      }

      @Override
      public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        if (batch == 0) {
          model.setStopTraining(true);
        }
      }
    };
    try (Model model = model()) {
      History h = model.fit(X, Y, FitOptions.epochs(3).batchSize(2).verbose(0).callbacks(stopper, r));
      assertEquals(List.of(0), h.epoch());
      assertTrue(model.stopTraining());
      model.fit(X, Y, FitOptions.epochs(1).batchSize(5).verbose(0));
      assertTrue(!model.stopTraining(), "fit clears stop_training when it starts");
    }
    assertEquals(List.of("train_begin", "epoch_begin:0", "batch_begin:0", "batch_end:0",
        "epoch_end:0[loss]", "train_end[loss]"), r.events);
  }

  @Test
  void evaluateAndPredictCallTheirHooks() {
    Recorder r = new Recorder();
    try (Model model = model()) {
      model.evaluate(List.of(HostArrays.of(X)), List.of(HostArrays.of(Y)), 2, List.of(r));
      model.predictOutputs(List.of(HostArrays.of(X)), 4, List.of(r));
    }
    assertEquals(List.of("test_begin", "test_batch_end:0", "test_batch_end:1", "test_batch_end:2",
        "test_end[loss]", "predict_begin", "predict_batch_end:0", "predict_batch_end:1",
        "predict_end"), r.events);
  }

  @Test
  void aSetLearningRateDrivesTheNextStepsAndAScheduleIsNotSettable() {
    try (Model a = model(); Model b = model()) {
      assertEquals(0.01, a.learningRate(), 1e-9);
      a.setLearningRate(0.0);
      assertEquals(0.0, a.learningRate());
      List<float[]> before = a.getWeights();
      a.fit(X, Y, FitOptions.epochs(1).verbose(0));
      assertEquals(before.get(0)[0], a.getWeights().get(0)[0], "a zero rate leaves the weights");
      b.fit(X, Y, FitOptions.epochs(1).verbose(0));
      assertTrue(before.get(0)[0] != b.getWeights().get(0)[0]);
      assertThrows(IllegalArgumentException.class, () -> a.setLearningRate(Double.NaN));
    }
    var schedule = ExponentialDecay.of(0.1, 1, 0.5);
    try (Model m = Sequential.of(Dense.of(1).inputShape(2)).seed(1)
        .compile(SGD.of().learningRate(schedule), io.tfbridge.losses.Losses.get("mse"))) {
      assertEquals(0.1, m.learningRate(), 1e-7);
      m.fit(X, Y, FitOptions.epochs(1).batchSize(5).verbose(0));
      assertEquals(0.05, m.learningRate(), 1e-7, "the schedule at step 1");
      var e = assertThrows(IllegalStateException.class, () -> m.setLearningRate(0.1));
      assertTrue(e.getMessage().contains("not settable"), e.getMessage());
    }
  }
}

package io.tfbridge.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.callbacks.History;
import io.tfbridge.data.BatchSequence;
import io.tfbridge.data.DataBatch;
import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.Dense;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.index.Indices;

/**
 * {@code fit} on a {@link BatchSequence} (Keras's PyDataset): the same training as on the arrays it
 * cuts, Keras's order of indices and {@code on_epoch_end} calls with {@code steps_per_epoch}, and its
 * failures reaching the caller with nothing left running.
 */
class FitSequenceTest {
  private static final FloatNdArray X = HostArrays.of(new float[][] {
      {0.1f, 0.2f}, {0.3f, -0.4f}, {-0.5f, 0.6f}, {0.7f, 0.1f}, {-0.2f, -0.3f}});
  private static final FloatNdArray Y = HostArrays.of(new float[][] {{1f}, {0f}, {1f}, {0f}, {1f}});

  /** Batches of two samples of X and Y, in order, recording the indices asked for. */
  private static class Pairs implements BatchSequence {
    final List<Integer> asked = Collections.synchronizedList(new ArrayList<>());
    int epochEnds;

    @Override
    public int size() {
      return 3;
    }

    @Override
    public DataBatch get(int index) {
      asked.add(index);
      var rows = Indices.range(2L * index, Math.min(5, 2L * index + 2));
      return DataBatch.of(X.slice(rows), Y.slice(rows));
    }

    @Override
    public void onEpochEnd() {
      epochEnds++;
    }
  }

  private static Model model() {
    return Sequential.of(Dense.of(3).activation("tanh").inputShape(2), Dense.of(1))
        .seed(7).compile("sgd", "mse");
  }

  @Test
  void trainsAsOnTheArraysItCuts() {
    try (Model arrays = model(); Model sequence = model()) {
      History a = arrays.fit(X, Y, FitOptions.epochs(3).batchSize(2).shuffle(false).verbose(0));
      History s = sequence.fit(new Pairs(), FitOptions.epochs(3).verbose(0));
      assertEquals(a.get("loss"), s.get("loss"));
      for (int k = 0; k < arrays.getWeights().size(); k++) {
        assertArrayEquals(arrays.getWeights().get(k), sequence.getWeights().get(k));
      }
    }
  }

  @Test
  void stepsPerEpochRunOnAcrossEpochsAsKeras() {
    Pairs pairs = new Pairs();
    try (Model model = model()) {
      History h = model.fit(pairs, FitOptions.epochs(3).stepsPerEpoch(2).verbose(0));
      assertEquals(3, h.get("loss").size());
    }
    assertEquals(List.of(0, 1, 2, 0, 1, 2), pairs.asked);
    assertEquals(2, pairs.epochEnds, "on_epoch_end after each pass over the sequence");
  }

  @Test
  void aFailingBatchReachesTheCallerAndStopsTheProducer() {
    IllegalStateException boom = new IllegalStateException("cannot read image 7");
    Pairs failing = new Pairs() {
      @Override
      public DataBatch get(int index) {
        if (index == 1) {
          throw boom;
        }
        return super.get(index);
      }
    };
    try (Model model = model()) {
      var e = assertThrows(IllegalStateException.class,
          () -> model.fit(failing, FitOptions.epochs(2).verbose(0)));
      assertSame(boom, e);
      assertTrue(e.getSuppressed()[0].getMessage().contains("batch 1 of the sequence"));
    }
    assertFalse(Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("tfbridge-batches") && t.isAlive()));
  }

  @Test
  void aBatchOfTheWrongShapeIsRefusedNamingTheInput() {
    BatchSequence wrong = new Pairs() {
      @Override
      public DataBatch get(int index) {
        return DataBatch.of(HostArrays.of(new float[][] {{1, 2, 3}}),
            HostArrays.of(new float[][] {{1}}));
      }
    };
    try (Model model = model()) {
      var e = assertThrows(IllegalArgumentException.class,
          () -> model.fit(wrong, FitOptions.epochs(1).verbose(0)));
      assertTrue(e.getMessage().contains("expected shape=(None, 2), found shape=(1, 3)"),
          e.getMessage());
    }
  }

  @Test
  void validationDataIsEvaluatedAfterEachEpoch() {
    FloatNdArray xVal = X.slice(Indices.range(0, 2));
    FloatNdArray yVal = Y.slice(Indices.range(0, 2));
    try (Model model = model(); Model arrays = model()) {
      History h = model.fit(new Pairs(), FitOptions.epochs(2).verbose(0).validationData(xVal, yVal));
      assertEquals(2, h.get("val_loss").size());
      assertEquals(model.evaluate(xVal, yVal, 32).get("loss"), h.get("val_loss").get(1), 1e-6);
      // validation_data takes precedence over validation_split, as in Keras
      History a = arrays.fit(X, Y, FitOptions.epochs(1).verbose(0).shuffle(false).batchSize(2)
          .validationSplit(0.4).validationData(xVal, yVal));
      assertEquals(arrays.evaluate(xVal, yVal, 32).get("loss"), a.get("val_loss").get(0), 1e-6);
    }
  }

  @Test
  void aValidationSplitIsRefusedAsKeras() {
    try (Model model = model()) {
      var e = assertThrows(IllegalArgumentException.class,
          () -> model.fit(new Pairs(), FitOptions.epochs(1).validationSplit(0.2)));
      assertTrue(e.getMessage().startsWith("`validation_split` is only supported for arrays"));
    }
  }
}

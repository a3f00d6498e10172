package io.tfbridge.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tfbridge.data.HostArrays;
import io.tfbridge.data.BatchSequence;
import io.tfbridge.distribute.MirroredStrategy;
import io.tfbridge.distribute.Strategy;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Input;
import io.tfbridge.optimizers.SGD;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.StdArrays;

/** Sample and class weights: Keras's class lookup, the errors in Keras's words, other layouts. */
class SampleWeightTest {
  private static final FitOptions QUIET = FitOptions.epochs(1).verbose(0).shuffle(false);

  @Test
  void classWeightsFollowKerasLookup() {
    Map<Integer, Double> weights = Map.of(0, 3.0, 2, 0.25);
    // sparse labels rounded half to even (np.round): 0.5 -> 0, 1.5 -> 2, 2.5 -> 2; class 1 unlisted
    FloatNdArray sparse = HostArrays.of(new float[] {0.5f, 1f, 1.5f, 2.5f, 7f}, 5);
    assertArrayEquals(new float[] {3f, 1f, 0.25f, 0.25f, 1f},
        StdArrays.array1dCopyOf(SampleWeights.fromClasses(weights, sparse)));
    FloatNdArray column = HostArrays.of(new float[] {2f, 0f}, 2, 1);
    assertArrayEquals(new float[] {0.25f, 3f},
        StdArrays.array1dCopyOf(SampleWeights.fromClasses(weights, column)));
    FloatNdArray oneHot = HostArrays.of(new float[][] {{0, 0, 1}, {0.2f, 0.5f, 0.3f}, {1, 0, 0}});
    assertArrayEquals(new float[] {0.25f, 1f, 3f},
        StdArrays.array1dCopyOf(SampleWeights.fromClasses(weights, oneHot)));
  }

  @Test
  void badWeightsAreRefusedInKerasWords() {
    try (Model model = spec().compile(SGD.of(), "sparse_categorical_crossentropy")) {
      FloatNdArray x = x(6);
      FloatNdArray y = HostArrays.of(new int[] {0, 1, 2, 0, 1, 2});
      assertEquals("Data cardinality is ambiguous. Make sure all arrays contain the same number of "
          + "samples. 'x' sizes: 6, 'y' sizes: 6, 'sample_weight' sizes: 5",
          assertThrows(IllegalArgumentException.class,
              () -> model.fit(x, y, HostArrays.of(new float[5], 5), QUIET)).getMessage());
      assertEquals("`sample_weight` should have one scalar score per sample (i.e. shape "
          + "`(num_samples,)`). Received: sample_weight of shape [6, 2]",
          assertThrows(IllegalArgumentException.class,
              () -> model.evaluate(x, y, HostArrays.of(new float[12], 6, 2), 4)).getMessage());
      assertEquals("You cannot `class_weight` and `sample_weight` at the same time.",
          assertThrows(IllegalArgumentException.class, () -> model.fit(x, y,
              HostArrays.of(new float[6], 6), QUIET.classWeight(Map.of(0, 2.0)))).getMessage());
      BatchSequence none = new BatchSequence() {
        @Override
        public int size() {
          return 1;
        }

        @Override
        public io.tfbridge.data.DataBatch get(int index) {
          throw new AssertionError("not reached");
        }
      };
      assertThrows(IllegalArgumentException.class,
          () -> model.fit(none, QUIET.classWeight(Map.of(0, 2.0))));
    }
  }

  @Test
  void classWeightsNeedOneOutput() {
    io.tfbridge.layers.KerasTensor in = Input.of(4).tensor();
    Functional spec = Functional.of(List.of(in), List.of(Dense.of(4).name("p").apply(in),
        Dense.of(4).name("q").apply(in))).seed(2);
    try (Model model = spec.compile(SGD.of(), List.of(io.tfbridge.losses.Losses.get("mse")), null,
        List.of())) {
      assertEquals("`class_weight` is only supported for Models with a single output.",
          assertThrows(IllegalArgumentException.class, () -> model.fit(List.of(x(4)),
              List.of(x(4), x(4)), QUIET.classWeight(Map.of(0, 2.0)))).getMessage());
    }
  }

  /**
   * A sequence output's loss values (one per sample and timestep) each count their sample's weight:
   * tfbridge's layout (Keras 3.15 fails to broadcast a 1-D weight over timesteps).
   */
  @Test
  void sequenceOutputsWeightEveryTimestepBySample() {
    Sequential spec = Sequential.of(Input.of(3, 2), Dense.of(2)).seed(4);
    try (Model model = spec.compile(SGD.of(), "mse")) {
      FloatNdArray x = HostArrays.of(randoms(24, 1), 4, 3, 2);
      FloatNdArray y = HostArrays.of(randoms(24, 2), 4, 3, 2);
      float[] w = {1f, 0f, 2f, 0.5f};
      float[] p = StdArrays.array1dCopyOf(model.predict(x, 4).withShape(
          org.tensorflow.ndarray.Shape.of(24)));
      float[] t = StdArrays.array1dCopyOf(y.withShape(org.tensorflow.ndarray.Shape.of(24)));
      double sum = 0;
      for (int i = 0; i < 24; i++) {
        sum += w[i / 6] * (p[i] - t[i]) * (p[i] - t[i]) / 2; // mean over the last axis of 2
      }
      double expected = sum / 12; // 4 samples x 3 timesteps
      assertEquals(expected, model.evaluate(x, y, HostArrays.of(w, 4), 4).get("loss"), 1e-6);
    }
  }

  /** Validation data with weights validates as a validation split of weighted samples does. */
  @Test
  void weightedValidationDataEqualsTheSplit() {
    FloatNdArray x = x(8);
    FloatNdArray y = HostArrays.of(new int[] {0, 1, 2, 0, 1, 2, 2, 1});
    FloatNdArray w = HostArrays.of(new float[] {1, 0, 2, 1, 0.5f, 1, 3, 0.25f}, 8);
    var last = org.tensorflow.ndarray.index.Indices.range(6, 8);
    var first = org.tensorflow.ndarray.index.Indices.range(0, 6);
    List<Double> split;
    List<Double> given;
    try (Model model = spec().compile(SGD.of(), "sparse_categorical_crossentropy")) {
      split = model.fit(x, y, w, QUIET.withEpochs(2).validationSplit(0.25)).get("val_loss");
    }
    try (Model model = spec().compile(SGD.of(), "sparse_categorical_crossentropy")) {
      given = model.fit(x.slice(first), y.slice(first), w.slice(first), QUIET.withEpochs(2)
          .validationData(x.slice(last), y.slice(last), w.slice(last))).get("val_loss");
    }
    assertEquals(split, given);
    try (Model model = spec().compile(SGD.of(), "sparse_categorical_crossentropy")) {
      List<Double> unweighted = model.fit(x.slice(first), y.slice(first), w.slice(first),
          QUIET.withEpochs(2).validationData(x.slice(last), y.slice(last))).get("val_loss");
      org.junit.jupiter.api.Assertions.assertNotEquals(split, unweighted);
    }
  }

  /** A mirrored model cuts the weights with the batch: it trains as one device does. */
  @Test
  void mirroredReplicasTakeTheirShareOfTheWeights() {
    FloatNdArray x = x(12);
    FloatNdArray y = HostArrays.of(new int[] {0, 1, 2, 0, 1, 2, 2, 1, 0, 0, 1, 2});
    FloatNdArray w = HostArrays.of(randoms(12, 3), 12);
    List<float[]> single = trainWeighted(null, x, y, w);
    List<float[]> mirrored = trainWeighted(MirroredStrategy.ofCpus(2), x, y, w);
    for (int i = 0; i < single.size(); i++) {
      assertArrayEquals(single.get(i), mirrored.get(i), 1e-5f, "weight " + i);
    }
  }

  private static List<float[]> trainWeighted(Strategy strategy, FloatNdArray x, FloatNdArray y,
      FloatNdArray w) {
    try (Strategy.Scope scope = strategy == null ? null : strategy.scope();
        Model model = spec().compile(SGD.of().learningRate(0.5), "sparse_categorical_crossentropy")) {
      model.fit(x, y, w, QUIET.withEpochs(3).batchSize(6));
      return model.getWeights();
    }
  }

  private static Sequential spec() {
    return Sequential.of(Input.of(4), Dense.of(3).activation("softmax")).seed(9);
  }

  private static FloatNdArray x(int n) {
    return HostArrays.of(randoms(n * 4, 3), n, 4);
  }

  private static float[] randoms(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextDouble(-1, 1);
    }
    return values;
  }
}

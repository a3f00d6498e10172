package io.tfbridge.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.tfbridge.data.HostArrays;
import io.tfbridge.engine.BatchResult;
import io.tfbridge.layers.Dropout;
import io.tfbridge.layers.Input;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;

class SeedAndTrainingModeTest {

  private static float[][] features(int n) {
    SplittableRandom r = new SplittableRandom(5);
    float[][] x = new float[n][4];
    for (float[] row : x) {
      for (int j = 0; j < 4; j++) {
        row[j] = (float) r.nextGaussian();
      }
    }
    return x;
  }

  private static int[] labels(int n) {
    int[] y = new int[n];
    Arrays.setAll(y, i -> i % 3);
    return y;
  }

  @Test
  void aSeedMakesARunRepeatable() {
    float[][] x = features(60);
    int[] y = labels(60);
    FitOptions options = FitOptions.epochs(3).batchSize(8).validationSplit(0.2).verbose(0);
    List<Double> first;
    float[] firstKernel;
    try (Model a = LessonSpecs.iris().seed(11).compile("adam", "sparse_categorical_crossentropy", "accuracy")) {
      firstKernel = a.getWeights().get(0);
      first = a.fit(x, y, options).get("loss");
    }
    try (Model b = LessonSpecs.iris().seed(11).compile("adam", "sparse_categorical_crossentropy", "accuracy")) {
      assertArrayEquals(firstKernel, b.getWeights().get(0));
      assertEquals(first, b.fit(x, y, options).get("loss"));
    }
    try (Model c = LessonSpecs.iris().seed(12).compile("adam", "sparse_categorical_crossentropy")) {
      assertFalse(Arrays.equals(firstKernel, c.getWeights().get(0)));
    }
  }

  @Test
  void biasesStartAtZeroAndKernelsAreNot() {
    try (Model m = LessonSpecs.iris().seed(1).compile("adam", "sparse_categorical_crossentropy")) {
      List<float[]> w = m.getWeights();
      assertArrayEquals(new float[10], w.get(1));
      assertFalse(Arrays.equals(new float[40], w.get(0)));
    }
  }

  /**
   * Dropout(0.5) on ones against zero targets: the mean squared output is 1 in inference, and while
   * training each unit is 0 or 2 with equal chance, so about 2.
   */
  @Test
  void dropoutActsOnlyWhileTraining() {
    float[] ones = new float[4000];
    Arrays.fill(ones, 1f);
    try (Model m = Sequential.of(Input.of(4000), Dropout.of(0.5)).seed(3).compile("sgd", "mse");
        TFloat32 x = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(1, 4000),
            t -> HostArrays.of(ones, 1, 4000).copyTo(t));
        TFloat32 y = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(1, 4000),
            t -> HostArrays.of(new float[4000], 1, 4000).copyTo(t))) {
      BatchResult inference = m.graph().testStep(x, y);
      assertEquals(1.0, inference.lossSum() / inference.lossCount(), 1e-6);
      BatchResult training = m.graph().trainStep(x, y);
      assertEquals(2.0, training.lossSum() / training.lossCount(), 0.15);
      BatchResult again = m.graph().trainStep(x, y);
      assertNotEquals(training.lossSum(), again.lossSum(), "a new mask each step");
      assertArrayEquals(ones, HostArrays.toFlat(m.predict(HostArrays.of(ones, 1, 4000))));
    }
  }
}

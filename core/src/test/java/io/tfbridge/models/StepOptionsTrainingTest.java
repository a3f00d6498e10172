package io.tfbridge.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Input;
import io.tfbridge.optimizers.Adam;
import io.tfbridge.optimizers.Optimizer;
import io.tfbridge.optimizers.SGD;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the base optimizer's step options do to training (their Keras trajectories are in
 * {@link KerasTrainingGoldenTest}): fit ends with the weights' moving averages, accumulated
 * gradients are applied every n steps, a loss scale cancels out.
 */
class StepOptionsTrainingTest {
  private static final float[][] X = {{0.1f, -0.4f}, {0.7f, 0.2f}, {-0.3f, 0.5f}, {0.9f, -0.8f}};
  private static final float[][] Y = {{0.5f}, {-0.2f}, {0.3f}, {0.8f}};
  private static final FitOptions EPOCH = FitOptions.epochs(1).batchSize(4).shuffle(false)
      .verbose(0);

  @Test
  void fitEndsWithTheMovingAverages() {
    try (Model ema = model(Adam.of().learningRate(0.1).useEma(true).emaMomentum(0.5));
        Model plain = model(Adam.of().learningRate(0.1))) {
      ema.fit(X, Y, EPOCH.withEpochs(3));
      plain.fit(X, Y, EPOCH.withEpochs(3));
      Map<String, float[]> state = ema.graph().optimizerWeights();
      Map<String, float[]> weights = ema.weights();
      weights.forEach((path, w) -> assertArrayEquals(
          state.get("adam/" + path.replace('/', '_') + "_average"), w, path));
      assertFalse(Arrays.equals(plain.weights().get("dense/kernel"), weights.get("dense/kernel")));
    }
  }

  @Test
  void accumulatedGradientsApplyEveryNSteps() {
    try (Model accumulating = model(SGD.of().learningRate(0.1).gradientAccumulationSteps(2));
        Model plain = model(SGD.of().learningRate(0.1))) {
      List<float[]> initial = accumulating.getWeights();
      accumulating.fit(X, Y, EPOCH);
      assertEquals(1, accumulating.graph().iterations());
      assertArrayEquals(initial.get(0), accumulating.getWeights().get(0));
      accumulating.fit(X, Y, EPOCH); // the same batch twice: the average is its gradient
      plain.fit(X, Y, EPOCH);
      assertClose(plain.getWeights(), accumulating.getWeights(), 1e-7);
      float[] accumulator = accumulating.graph().optimizerWeights()
          .get("sgd/dense_kernel_gradient_accumulator");
      assertArrayEquals(new float[accumulator.length], accumulator);
    }
  }

  @Test
  void aLossScaleCancelsOut() {
    try (Model scaled = model(SGD.of().learningRate(0.1).momentum(0.9).lossScaleFactor(1024.0));
        Model plain = model(SGD.of().learningRate(0.1).momentum(0.9))) {
      scaled.fit(X, Y, EPOCH.withEpochs(3));
      plain.fit(X, Y, EPOCH.withEpochs(3));
      assertClose(plain.getWeights(), scaled.getWeights(), 1e-6);
    }
  }

  private static Model model(Optimizer optimizer) {
    return Sequential.of(Input.of(2), Dense.of(3).activation("tanh"), Dense.of(1)).seed(11)
        .compile(optimizer, "mean_squared_error");
  }

  private static void assertClose(List<float[]> expected, List<float[]> actual, double tolerance) {
    for (int k = 0; k < expected.size(); k++) {
      for (int i = 0; i < expected.get(k).length; i++) {
        assertEquals(expected.get(k)[i], actual.get(k)[i], tolerance,
            "weight " + k + "[" + i + "]");
      }
    }
  }
}

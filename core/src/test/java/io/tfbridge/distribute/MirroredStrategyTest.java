package io.tfbridge.distribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.layers.Dense;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.optimizers.Adam;
import io.tfbridge.optimizers.Optimizer;
import io.tfbridge.optimizers.SGD;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A mirrored model trains as one device does on the same global batch, and each replica's forward
 * and backward ops run on its own device, as TensorFlow's step stats report.
 */
class MirroredStrategyTest {
  private static final int FEATURES = 20;
  private static final int CLASSES = 4;

  private static Sequential spec() {
    return Sequential.of(
        Dense.of(16).activation("relu").inputShape(FEATURES),
        Dense.of(16).activation("relu"),
        Dense.of(CLASSES).activation("softmax")).seed(11);
  }

  private static float[][] features(int n) {
    SplittableRandom random = new SplittableRandom(5);
    float[][] x = new float[n][FEATURES];
    for (float[] row : x) {
      for (int j = 0; j < FEATURES; j++) {
        row[j] = (float) random.nextDouble(-1, 1);
      }
    }
    return x;
  }

  private static int[] labels(int n) {
    SplittableRandom random = new SplittableRandom(6);
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = random.nextInt(CLASSES);
    }
    return y;
  }

  /** 20 steps of batch {@code batch}; the final weights. */
  private static List<float[]> train(Strategy strategy, Supplier<Optimizer> optimizer, int batch) {
    try (Strategy.Scope scope = strategy.scope();
        Model model = spec().compile(optimizer.get(), "sparse_categorical_crossentropy", "accuracy")) {
      int n = 20 * batch;
      model.fit(features(n), labels(n), FitOptions.epochs(1).batchSize(batch).shuffle(false).verbose(0));
      return model.getWeights();
    }
  }

  @ParameterizedTest(name = "{0} replicas, {1}, batch {2}")
  @CsvSource({"2, sgd, 32", "4, sgd, 32", "2, adam, 32", "4, adam, 30", "4, sgd, 3",
      "2, adam_step_options, 32"})
  void replicasTrainAsOneDeviceOnTheGlobalBatch(int replicas, String optimizer, int batch) {
    Supplier<Optimizer> opt = switch (optimizer) {
      case "sgd" -> () -> SGD.of().learningRate(0.1).momentum(0.9);
      case "adam" -> () -> Adam.of().learningRate(0.01);
      default -> () -> Adam.of().learningRate(0.01).gradientAccumulationSteps(2).useEma(true)
          .emaOverwriteFrequency(3).lossScaleFactor(64.0); // the graph conditional, placed
    };
    List<float[]> single = train(Replicas::single, opt, batch);
    List<float[]> mirrored = train(MirroredStrategy.ofCpus(replicas), opt, batch);
    double worst = 0;
    for (int w = 0; w < single.size(); w++) {
      for (int i = 0; i < single.get(w).length; i++) {
        worst = Math.max(worst, Math.abs(single.get(w)[i] - mirrored.get(w)[i]));
      }
    }
    assertTrue(worst <= 1e-5, "largest weight difference after 20 steps: " + worst);
    assertFalse(java.util.Arrays.equals(single.get(0), initialKernel()), "the weights must have moved");
  }

  private static float[] initialKernel() {
    try (Model model = spec().compile("sgd", "sparse_categorical_crossentropy")) {
      return model.getWeights().get(0);
    }
  }

  /** A replica's share of the input keeps its static shape, which Flatten's reshape reads. */
  @Test
  void aFlattenModelTrainsAsOneDevice() {
    float[][] rows = features(24);
    org.tensorflow.ndarray.FloatNdArray x = io.tfbridge.data.HostArrays.of(rows)
        .withShape(Shape.of(24, 5, 4, 1));
    List<List<float[]>> weights = new java.util.ArrayList<>();
    for (Strategy strategy : List.<Strategy>of(Replicas::single, MirroredStrategy.ofCpus(2))) {
      try (Strategy.Scope scope = strategy.scope();
          Model model = Sequential.of(io.tfbridge.layers.Input.of(5, 4, 1),
              io.tfbridge.layers.Flatten.of(), Dense.of(CLASSES).activation("softmax")).seed(3)
              .compile("sgd", "sparse_categorical_crossentropy")) {
        model.fit(x, io.tfbridge.data.HostArrays.of(labels(24)),
            FitOptions.epochs(1).batchSize(8).shuffle(false).verbose(0));
        weights.add(model.getWeights());
      }
    }
    for (int i = 0; i < weights.get(0).get(0).length; i++) {
      assertEquals(weights.get(0).get(0)[i], weights.get(1).get(0)[i], 1e-6, "kernel[" + i + "]");
    }
  }

  /**
   * A batch of 2 rows on 3 replicas leaves replica 0 none: its batch statistics (NaN) are left out
   * of BatchNormalization's moving ones, which equal those of 2 replicas with a row each.
   */
  @Test
  void aReplicaWithNoRowsLeavesTheMovingStatisticsAlone() {
    org.tensorflow.ndarray.FloatNdArray x = io.tfbridge.data.HostArrays.of(features(2));
    List<List<float[]>> weights = new java.util.ArrayList<>();
    for (int replicas : new int[] {2, 3}) {
      try (Strategy.Scope scope = MirroredStrategy.ofCpus(replicas).scope();
          Model model = Sequential.of(Dense.of(4).activation("relu").inputShape(FEATURES),
              io.tfbridge.layers.BatchNormalization.of(), Dense.of(CLASSES).activation("softmax"))
              .seed(3).compile("sgd", "sparse_categorical_crossentropy")) {
        model.fit(x, io.tfbridge.data.HostArrays.of(labels(2)),
            FitOptions.epochs(2).batchSize(2).shuffle(false).verbose(0));
        weights.add(model.getWeights());
      }
    }
    for (int w = 0; w < weights.get(0).size(); w++) {
      for (int i = 0; i < weights.get(0).get(w).length; i++) {
        assertTrue(Float.isFinite(weights.get(1).get(w)[i]), "weight " + w + "[" + i + "] is finite");
        assertEquals(weights.get(0).get(w)[i], weights.get(1).get(w)[i], 1e-6, "weight " + w + "[" + i + "]");
      }
    }
  }

  @Test
  void eachReplicaRunsForwardAndBackwardOnItsOwnDevice() {
    MirroredStrategy strategy = MirroredStrategy.ofCpus(2);
    Map<String, List<String>> ran;
    try (Strategy.Scope scope = strategy.scope();
        Model model = spec().compile("sgd", "sparse_categorical_crossentropy");
        TFloat32 x = TFloat32.tensorOf(Shape.of(8, FEATURES));
        TFloat32 y = TFloat32.tensorOf(Shape.of(8))) {
      ran = DevicePlacement.stepDevices(model.graph().traceTrainStep(List.of(x), y));
    }
    for (int i = 0; i < 2; i++) {
      String device = strategy.devices().get(i);
      assertEquals(List.of(device), DevicePlacement.devicesOf(ran, Replicas.prefix(i)), "replica " + i);
      String gradients = Replicas.prefix(i) + "gradients/";
      String forward = Replicas.prefix(i) + "dense/";
      assertTrue(ran.getOrDefault(device, List.of()).stream().anyMatch(n -> n.startsWith(gradients)),
          "replica " + i + "'s backward ops ran on " + device + ": " + ran.get(device));
      assertTrue(ran.getOrDefault(device, List.of()).stream().anyMatch(n -> n.startsWith(forward)),
          "replica " + i + "'s forward ops ran on " + device);
    }
  }

  @Test
  void scopeRestoresThePreviousStrategyAndModelsCompiledOutsideAreSingleDevice() {
    Strategy outer = Strategy.current();
    MirroredStrategy strategy = MirroredStrategy.ofCpus(2);
    try (Strategy.Scope scope = strategy.scope()) {
      assertSame(strategy, Strategy.current());
      assertEquals(2, strategy.numReplicasInSync());
    }
    assertSame(outer, Strategy.current());
    try (Model model = spec().compile("sgd", "sparse_categorical_crossentropy")) {
      assertFalse(model.definition().replicas().placed());
    }
  }

  @Test
  void withoutGpusTheStrategyTakesLogicalCpus() {
    // the CPU build (these tests) sees no GPU; the -Pgpu build on a GPU machine would take them all
    assertEquals(0, Devices.gpuCount());
    assertEquals(List.of("/job:localhost/replica:0/task:0/device:CPU:0",
        "/job:localhost/replica:0/task:0/device:CPU:1", "/job:localhost/replica:0/task:0/device:CPU:2"),
        MirroredStrategy.of(3).devices());
  }

  @Test
  void aStrategyNeedsAReplica() {
    var e = assertThrows(IllegalArgumentException.class, () -> MirroredStrategy.ofCpus(0));
    assertTrue(e.getMessage().contains("at least 1 replica, found 0"), e.getMessage());
  }
}

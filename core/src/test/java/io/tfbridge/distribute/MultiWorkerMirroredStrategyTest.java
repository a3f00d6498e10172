package io.tfbridge.distribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.layers.Dense;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.optimizers.SGD;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A two-task cluster on 127.0.0.1 in this JVM: the chief's model trains as one device does, and each
 * replica's ops run on its worker. (Separate worker processes: the examples' launcher tests.)
 */
class MultiWorkerMirroredStrategyTest {
  private static TfConfig chief;
  private static TfConfig worker;

  @BeforeAll
  static void startCluster() {
    String json = "{\"cluster\": {\"worker\": [\"127.0.0.1:" + RemoteSessionTest.freePort()
        + "\", \"127.0.0.1:" + RemoteSessionTest.freePort() + "\"]}, \"task\": {\"type\": \"worker\", "
        + "\"index\": %d}}";
    chief = TfConfig.parse(String.format(json, 0));
    worker = TfConfig.parse(String.format(json, 1));
    WorkerServer.start(chief);
    WorkerServer.start(worker);
  }

  private static Sequential spec() {
    return Sequential.of(Dense.of(8).activation("relu").inputShape(6), Dense.of(3).activation("softmax"))
        .seed(4);
  }

  private static List<float[]> train(Strategy strategy) {
    SplittableRandom random = new SplittableRandom(9);
    float[][] x = new float[160][6];
    int[] y = new int[160];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < 6; j++) {
        x[i][j] = (float) random.nextDouble(-1, 1);
      }
      y[i] = random.nextInt(3);
    }
    try (Strategy.Scope scope = strategy.scope();
        Model model = spec().compile(SGD.of().learningRate(0.1).momentum(0.9),
            "sparse_categorical_crossentropy")) {
      model.fit(x, y, FitOptions.epochs(1).batchSize(8).shuffle(false).verbose(0));
      return model.getWeights();
    }
  }

  @Test
  void twoWorkersTrainAsOneProcess() {
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      List<float[]> single = train(Replicas::single);
      List<float[]> cluster = train(MultiWorkerMirroredStrategy.of(chief).inGraph());
      for (int w = 0; w < single.size(); w++) {
        for (int i = 0; i < single.get(w).length; i++) {
          assertEquals(single.get(w)[i], cluster.get(w)[i], 1e-5, "weight " + w + "[" + i + "]");
        }
      }
    });
  }

  @Test
  void eachReplicaRunsOnItsWorker() {
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      try (Strategy.Scope scope = MultiWorkerMirroredStrategy.of(chief).inGraph().scope();
          Model model = spec().compile("sgd", "sparse_categorical_crossentropy");
          TFloat32 x = TFloat32.tensorOf(Shape.of(8, 6));
          TFloat32 y = TFloat32.tensorOf(Shape.of(8))) {
        Map<String, List<String>> ran =
            DevicePlacement.stepDevices(model.graph().traceTrainStep(List.of(x), y));
        for (int i = 0; i < 2; i++) {
          String device = "/job:worker/replica:0/task:" + i + "/device:CPU:0";
          assertEquals(List.of(device), DevicePlacement.devicesOf(ran, Replicas.prefix(i)), ran::toString);
          String gradients = Replicas.prefix(i) + "gradients/";
          assertTrue(ran.get(device).stream().anyMatch(n -> n.startsWith(gradients)), ran::toString);
        }
      }
    });
  }

  @Test
  void onlyTheChiefCompiles() {
    var e = assertThrows(IllegalStateException.class,
        () -> MultiWorkerMirroredStrategy.of(worker).inGraph().replicas());
    assertTrue(e.getMessage().contains("this task is worker:1"), e.getMessage());
  }
}

package io.tfbridge.examples;

import io.tfbridge.callbacks.History;
import io.tfbridge.distribute.DevicePlacement;
import io.tfbridge.distribute.MirroredStrategy;
import io.tfbridge.distribute.Replicas;
import io.tfbridge.distribute.Strategy;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.zoo.LessonModels;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Lesson 7, section 3.2, "Distributed Training", line for line: the 784-64-64-10 model on random
 * data, trained under a mirrored strategy. Then one more step, traced, shows where each replica's
 * ops ran, as TensorFlow's step stats report it (not as they were requested).
 *
 * <pre>{@code
 * DistributedLesson.Result result = DistributedLesson.run(2, 42, LessonConsole.silent());
 * result.devices();   // one list of devices per replica
 * }</pre>
 */
public final class DistributedLesson {
  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 42;

  /**
   * What the lesson computed.
   *
   * @param history the per-epoch loss and accuracy
   * @param devices per replica, the devices its forward and backward ops ran on
   */
  public record Result(History history, List<List<String>> devices) {}

  private DistributedLesson() {}

  /** Runs the lesson with {@code replicas} logical CPU replicas, printing to {@code console}. */
  public static Result run(int replicas, long seed, LessonConsole console) {
    // strategy = tf.distribute.MirroredStrategy()
    MirroredStrategy strategy = MirroredStrategy.ofCpus(replicas);
    console.println("Number of devices: " + strategy.numReplicasInSync());
    // with strategy.scope(): model = Sequential([...]); model.compile(optimizer='adam', ...)
    try (Strategy.Scope scope = strategy.scope();
        Model model = LessonModels.distributedMlp().seed(seed)
            .compile("adam", "sparse_categorical_crossentropy", "accuracy")) {
      // X = np.random.rand(1000, 784); y = np.random.randint(10, size=(1000,))
      SplittableRandom random = new SplittableRandom(seed);
      float[][] x = new float[1000][784];
      int[] y = new int[1000];
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < 784; j++) {
          x[i][j] = (float) random.nextDouble();
        }
        y[i] = random.nextInt(10);
      }
      // model.fit(X, y, epochs=5, batch_size=32)
      History history = model.fit(x, y, console.progress(FitOptions.epochs(5).batchSize(32)));
      List<List<String>> devices = tracedDevices(model, replicas);
      for (int r = 0; r < replicas; r++) {
        console.println("Replica " + r + " ran on " + String.join(", ", devices.get(r)));
      }
      return new Result(history, devices);
    }
  }

  /** One traced training step on a batch of 32: the devices each replica's ops ran on. */
  private static List<List<String>> tracedDevices(Model model, int replicas) {
    try (TFloat32 x = TFloat32.tensorOf(Shape.of(32, 784)); TFloat32 y = TFloat32.tensorOf(Shape.of(32))) {
      Map<String, List<String>> ran = DevicePlacement.stepDevices(model.graph().traceTrainStep(List.of(x), y));
      return java.util.stream.IntStream.range(0, replicas)
          .mapToObj(r -> DevicePlacement.devicesOf(ran, Replicas.prefix(r))).toList();
    }
  }
}

package io.tfbridge.examples;

import io.tfbridge.callbacks.History;
import io.tfbridge.distribute.DevicePlacement;
import io.tfbridge.distribute.MirroredStrategy;
import io.tfbridge.distribute.Replicas;
import io.tfbridge.distribute.Strategy;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.zoo.LessonModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Lesson 7, section 3.2, "Distributed Training", line for line: the 784-64-64-10 model on random
 * data, trained under a mirrored strategy. Then one more step, traced, shows where each replica's
 * ops ran, as TensorFlow's step stats report it (not as they were requested). The multi-worker form
 * of the same lesson is {@link MultiWorkerLesson}.
 *
 * <pre>{@code
 * DistributedLesson.Result result = DistributedLesson.run(2, 42, LessonConsole.silent());
 * result.devices();   // one list of devices per replica
 * }</pre>
 */
public final class DistributedLesson {
  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 42;
  /** The lesson's {@code epochs=5}. */
  public static final int EPOCHS = 5;
  /** The lesson's {@code batch_size=32}. */
  public static final int BATCH_SIZE = 32;

  /**
   * What the lesson computed.
   *
   * @param history the per-epoch loss and accuracy
   * @param devices per replica, the devices its forward and backward ops ran on
   */
  public record Result(History history, List<List<String>> devices) {}

  /**
   * The lesson's data: {@code X = np.random.rand(1000, 784); y = np.random.randint(10, size=(1000,))},
   * drawn from a seed, so every process and every replica count sees the same arrays.
   *
   * @param x 1000 rows of 784 values in [0, 1)
   * @param y 1000 labels in 0..9
   */
  public record Data(float[][] x, int[] y) {
    /** The arrays {@code seed} draws. */
    public static Data random(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      float[][] x = new float[1000][784];
      int[] y = new int[1000];
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < 784; j++) {
          x[i][j] = (float) random.nextDouble();
        }
        y[i] = random.nextInt(10);
      }
      return new Data(x, y);
    }
  }

  private DistributedLesson() {}

  /** Runs the lesson with {@code replicas} logical CPU replicas, printing to {@code console}. */
  public static Result run(int replicas, long seed, LessonConsole console) {
    return run(replicas, seed, EPOCHS, null, console);
  }

  /**
   * Runs the lesson for {@code epochs} epochs and, when {@code output} is not null, saves the trained
   * model there (as {@link KerasFiles#save}, before the traced step).
   */
  public static Result run(int replicas, long seed, int epochs, Path output, LessonConsole console) {
    // strategy = tf.distribute.MirroredStrategy()
    MirroredStrategy strategy = MirroredStrategy.of(replicas);  // every GPU if any, else N CPUs
    console.println("Number of devices: " + strategy.numReplicasInSync());
    // with strategy.scope(): model = Sequential([...]); model.compile(optimizer='adam', ...)
    try (Strategy.Scope scope = strategy.scope(); Model model = compile(seed)) {
      Data data = Data.random(seed);
      // model.fit(X, y, epochs=5, batch_size=32)
      History history = model.fit(data.x(), data.y(), console.progress(options(epochs)));
      if (output != null) {
        KerasFiles.save(model, output);
      }
      return new Result(history, printDevices(model, replicas, console));
    }
  }

  /** The lesson's model, compiled with Adam, sparse categorical cross-entropy and accuracy. */
  static Model compile(long seed) {
    return LessonModels.distributedMlp().seed(seed)
        .compile("adam", "sparse_categorical_crossentropy", "accuracy");
  }

  /** The lesson's fit options: {@code epochs} epochs of batches of 32. */
  static FitOptions options(int epochs) {
    return FitOptions.epochs(epochs).batchSize(BATCH_SIZE);
  }

  /** Traces one more step and prints "Replica i ran on DEVICE, ..." for each replica. */
  static List<List<String>> printDevices(Model model, int replicas, LessonConsole console) {
    List<List<String>> devices = tracedDevices(model, replicas);
    for (int r = 0; r < replicas; r++) {
      console.println("Replica " + r + " ran on " + String.join(", ", devices.get(r)));
    }
    return devices;
  }

  /** One traced training step on a batch of 32: the devices each replica's ops ran on. */
  private static List<List<String>> tracedDevices(Model model, int replicas) {
    try (TFloat32 x = TFloat32.tensorOf(Shape.of(BATCH_SIZE, 784));
        TFloat32 y = TFloat32.tensorOf(Shape.of(BATCH_SIZE))) {
      Map<String, List<String>> ran = DevicePlacement.stepDevices(model.graph().traceTrainStep(List.of(x), y));
      return IntStream.range(0, replicas)
          .mapToObj(r -> DevicePlacement.devicesOf(ran, Replicas.prefix(r))).toList();
    }
  }
}

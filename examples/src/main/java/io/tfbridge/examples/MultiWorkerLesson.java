package io.tfbridge.examples;

import io.tfbridge.callbacks.History;
import io.tfbridge.distribute.DevicePlacement;
import io.tfbridge.distribute.MultiWorkerMirroredStrategy;
import io.tfbridge.distribute.Replicas;
import io.tfbridge.distribute.Strategy;
import io.tfbridge.distribute.TfConfig;
import io.tfbridge.distribute.WorkerServer;
import io.tfbridge.interop.callbacks.BackupAndRestore;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * The distributed lesson as one task of a {@code TF_CONFIG} cluster: Keras's
 * {@code MultiWorkerMirroredStrategy}, between-graph. Every task starts its TensorFlow server and
 * trains the lesson's model (the same seeded data as {@link DistributedLesson}) on its own share of
 * each batch, the gradients summed by collective all-reduce; the chief (worker 0) prints the epochs'
 * global figures, saves a {@link BackupAndRestore} checkpoint at each epoch's end, from which every
 * task resumes when the cluster is restarted, and saves the trained model. Each task then prints how
 * many samples it trained on and, after one traced step, the device its ops ran on.
 *
 * <pre>{@code
 * MultiWorkerLesson.run(TfConfig.fromEnvironment().orElseThrow(),
 *     new MultiWorkerLesson.Options(42, 5, Path.of("tfbridge-checkpoints"), null, Duration.ofSeconds(60)),
 *     new LessonConsole(System.out, true));
 * }</pre>
 */
public final class MultiWorkerLesson {
  /**
   * How the tasks train.
   *
   * @param seed the model's and the data's seed
   * @param epochs the epochs of fit
   * @param checkpointDir where the chief keeps its {@link BackupAndRestore} checkpoint (every task
   *     must see it: one machine, or a shared file system)
   * @param output where the chief saves the trained model ({@code .keras}), or null
   * @param timeout how long a step may wait on another task before failing
   */
  public record Options(long seed, int epochs, Path checkpointDir, Path output, Duration timeout) {}

  private MultiWorkerLesson() {}

  /**
   * Runs this process's task.
   *
   * @throws IllegalArgumentException if the cluster has jobs other than {@code worker}
   * @throws IllegalStateException when a step fails because another task is lost (the message names
   *     it and says from which epoch a restart resumes)
   */
  public static void run(TfConfig config, Options options, LessonConsole console) {
    if (config.cluster().size() != 1) {
      throw new IllegalArgumentException("TF_CONFIG: the distributed lesson expects only a \"worker\" job "
          + "(worker 0 is the chief), found jobs " + config.cluster().keySet());
    }
    WorkerServer.start(config);
    MultiWorkerMirroredStrategy strategy = MultiWorkerMirroredStrategy.of(config)
        .operationTimeout(options.timeout());
    if (config.isChief()) {
      console.println("Number of devices: " + strategy.numReplicasInSync());
    }
    BackupAndRestore backup = BackupAndRestore.of(options.checkpointDir());
    OptionalInt saved = backup.completedEpochs();
    try (Strategy.Scope scope = strategy.scope()) {
      Model model = DistributedLesson.compile(options.seed()); // the backup restores into it
      saved.ifPresent(epoch -> console.println("Resuming from the checkpoint of epoch " + epoch));
      try {
        train(model, config, options, backup, console);
      } catch (RuntimeException e) {
        // Not closed: closing a session whose peer is gone may wait for it forever (TF_CloseSession);
        // the process exits instead.
        throw lost(backup, e);
      }
      model.close();
    }
  }

  private static void train(Model model, TfConfig config, Options options, BackupAndRestore backup,
      LessonConsole console) {
    DistributedLesson.Data data = DistributedLesson.Data.random(options.seed());
    FitOptions fit = DistributedLesson.options(options.epochs()).callbacks(backup);
    History history = model.fit(data.x(), data.y(), config.isChief() ? console.progress(fit) : fit.verbose(0));
    String worker = "Worker " + config.taskIndex() + " of " + config.numWorkers();
    int epochs = history.epoch().size();
    console.println(worker + ": trained on " + model.graph().trainedSamples() + " samples, its share of "
        + epochs + (epochs == 1 ? " epoch" : " epochs") + " of " + data.y().length);
    if (config.isChief() && options.output() != null) {
      KerasFiles.save(model, options.output());
    }
    console.println(worker + " ran on " + String.join(", ", tracedDevices(model)));
  }

  /** One traced training step (every task takes it): the devices this task's ops ran on. */
  private static List<String> tracedDevices(Model model) {
    try (TFloat32 x = TFloat32.tensorOf(Shape.of(DistributedLesson.BATCH_SIZE, 784));
        TFloat32 y = TFloat32.tensorOf(Shape.of(DistributedLesson.BATCH_SIZE))) {
      Map<String, List<String>> ran = DevicePlacement.stepDevices(model.graph().traceTrainStep(List.of(x), y));
      return DevicePlacement.devicesOf(ran, Replicas.prefix(0));
    }
  }

  /** A failed step's error (which names the lost task) with how to resume. */
  private static IllegalStateException lost(BackupAndRestore backup, RuntimeException cause) {
    OptionalInt epoch = OptionalInt.empty();
    try {
      epoch = backup.completedEpochs();
    } catch (UncheckedIOException unreadable) {
      cause.addSuppressed(unreadable);
    }
    String resume = epoch.isPresent()
        ? "restart every task to resume from the last checkpoint (epoch " + epoch.getAsInt() + ") in "
            + backup.backupDir()
        : "no epoch completed, so a restart starts over";
    return new IllegalStateException(Cli.describe(cause) + "; " + resume, cause);
  }
}

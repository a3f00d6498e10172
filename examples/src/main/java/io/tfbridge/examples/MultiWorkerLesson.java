package io.tfbridge.examples;

import io.tfbridge.distribute.MultiWorkerMirroredStrategy;
import io.tfbridge.distribute.Strategy;
import io.tfbridge.distribute.TfConfig;
import io.tfbridge.distribute.WorkerServer;
import io.tfbridge.interop.callbacks.BackupAndRestore;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * The distributed lesson as one task of a {@code TF_CONFIG} cluster: Keras's
 * {@code MultiWorkerMirroredStrategy}, one replica per worker. Every task starts its TensorFlow server;
 * worker 0, the chief, trains the lesson's model (the same seeded data as {@link DistributedLesson}),
 * saves a {@link BackupAndRestore} checkpoint at each epoch's end and resumes from it when restarted;
 * the other workers serve the chief and exit once it is gone.
 *
 * <pre>{@code
 * MultiWorkerLesson.run(TfConfig.fromEnvironment().orElseThrow(),
 *     new MultiWorkerLesson.Options(42, 5, Path.of("tfbridge-checkpoints"), null, Duration.ofSeconds(60)),
 *     new LessonConsole(System.out, true));
 * }</pre>
 */
public final class MultiWorkerLesson {
  /**
   * How the chief trains.
   *
   * @param seed the model's and the data's seed
   * @param epochs the epochs of fit
   * @param checkpointDir where the chief keeps its {@link BackupAndRestore} checkpoint
   * @param output where the chief saves the trained model ({@code .keras}), or null
   * @param timeout how long a step may wait on a worker before failing
   */
  public record Options(long seed, int epochs, Path checkpointDir, Path output, Duration timeout) {}

  private MultiWorkerLesson() {}

  /**
   * Runs this process's task: the chief trains and returns; another worker serves until the chief is
   * gone, then throws.
   *
   * @throws IllegalArgumentException if the cluster has jobs other than {@code worker}
   * @throws IllegalStateException when a worker's chief is gone, or the chief's training fails because a
   *     worker is lost (the message says which and from which epoch a restart resumes)
   */
  public static void run(TfConfig config, Options options, LessonConsole console) {
    if (config.cluster().size() != 1) {
      throw new IllegalArgumentException("TF_CONFIG: the distributed lesson expects only a \"worker\" job "
          + "(worker 0 is the chief), found jobs " + config.cluster().keySet());
    }
    WorkerServer server = WorkerServer.start(config);
    if (config.isChief()) {
      train(config, options, console);
      return;
    }
    console.println("Worker " + config.taskIndex() + " serving at " + server.target()
        + " for the chief worker:0 at " + config.workers().get(0));
    try {
      ClusterProbe.awaitChiefGone(config);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("worker:" + config.taskIndex() + " interrupted while serving", e);
    }
  }

  private static void train(TfConfig config, Options options, LessonConsole console) {
    MultiWorkerMirroredStrategy strategy = MultiWorkerMirroredStrategy.of(config).inGraph()
        .operationTimeout(options.timeout());
    console.println("Number of devices: " + strategy.numReplicasInSync());
    BackupAndRestore backup = BackupAndRestore.of(options.checkpointDir());
    OptionalInt saved = backup.completedEpochs();
    try (Strategy.Scope scope = strategy.scope()) {
      Model model = DistributedLesson.compile(options.seed()); // the backup restores into it
      saved.ifPresent(epoch -> console.println("Resuming from the checkpoint of epoch " + epoch));
      DistributedLesson.Data data = DistributedLesson.Data.random(options.seed());
      FitOptions fit = console.progress(DistributedLesson.options(options.epochs())).callbacks(backup);
      try {
        model.fit(data.x(), data.y(), fit);
        if (options.output() != null) {
          KerasFiles.save(model, options.output());
        }
        DistributedLesson.printDevices(model, config.numWorkers(), console);
      } catch (RuntimeException e) {
        // Not closed: closing a session whose worker is gone waits for that worker forever
        // (TF_CloseSession); the process exits instead.
        throw lost(config, backup, options.timeout(), e);
      }
      model.close();
    }
  }

  /** The chief's error when a step fails: the cluster, the lost workers, and how to resume. */
  private static IllegalStateException lost(TfConfig config, BackupAndRestore backup, Duration timeout,
      RuntimeException cause) {
    List<String> lost = ClusterProbe.unreachableWorkers(config);
    String which = lost.isEmpty() ? "no worker is unreachable now; a step failed or waited longer than "
        + timeout.toSeconds() + " s" : String.join(", ", lost) + (lost.size() == 1 ? " is" : " are")
        + " unreachable";
    OptionalInt epoch = OptionalInt.empty();
    try {
      epoch = backup.completedEpochs();
    } catch (java.io.UncheckedIOException unreadable) {
      cause.addSuppressed(unreadable);
    }
    String resume = epoch.isPresent()
        ? "the run can be restarted to resume from the last checkpoint (epoch " + epoch.getAsInt() + ") in "
            + backup.backupDir()
        : "no epoch completed, so a restart starts over";
    return new IllegalStateException("training on the cluster " + config.workers() + " failed: " + which
        + " (" + brief(Cli.describe(cause)) + "); " + resume, cause);
  }

  /** A TensorFlow error without gRPC's appended details, at most 240 characters. */
  private static String brief(String message) {
    int details = message.indexOf(" Additional GRPC error information");
    String shown = details > 0 ? message.substring(0, details) : message;
    return shown.length() <= 240 ? shown : shown.substring(0, 240) + "...";
  }
}

package io.tfbridge.examples;

import io.tfbridge.distribute.TfConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tfbridge lesson distributed}: the 784-64-64-10 model of section 3.2 trained data-parallel.
 * Three modes: with {@code TF_CONFIG} (or {@code --tf-config}) this process is one task of a cluster
 * ({@link MultiWorkerLesson}); with {@code --workers N} it launches N such tasks on 127.0.0.1
 * ({@link WorkerLauncher}); otherwise it mirrors over {@code --replicas} logical CPUs in this process
 * ({@link DistributedLesson}).
 */
@Command(name = "distributed", description = {"Data-parallel training of the 784-64-64-10 model; prints "
    + "the devices each replica ran on.",
    "Mirrored on N logical CPUs (--replicas), or one task of the TF_CONFIG cluster (each worker trains "
        + "on its share of every batch, the gradients summed by collective all-reduce; worker 0 prints and "
        + "checkpoints), or --workers N local worker processes."})
final class DistributedCommand implements Callable<Integer> {
  @ParentCommand
  LessonCommand lesson;

  @Spec
  CommandSpec spec;

  @Option(names = "--replicas", paramLabel = "N",
      description = "Replicas, one per logical CPU device, in this process (default: ${DEFAULT-VALUE}).")
  int replicas = 2;

  @Option(names = "--workers", paramLabel = "N",
      description = "Start N worker processes on 127.0.0.1, each with its TF_CONFIG, and train on them.")
  Integer workers;

  @Option(names = "--tf-config", paramLabel = "JSON",
      description = "This task's cluster, as the TF_CONFIG environment variable (which it overrides).")
  String tfConfig;

  @Option(names = "--epochs", description = "Epochs of fit (default: ${DEFAULT-VALUE}).")
  int epochs = DistributedLesson.EPOCHS;

  @Option(names = "--seed", description = "The model's and the data's seed (default: ${DEFAULT-VALUE}).")
  long seed = DistributedLesson.DEFAULT_SEED;

  @Option(names = "--output", paramLabel = "PATH", description = "Save the trained model here (.keras or .h5).")
  Path output;

  @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "Multi-worker: the chief's "
      + "checkpoint of the last epoch, which every task resumes from on restart (a directory every task "
      + "sees; default: ${DEFAULT-VALUE}).")
  Path checkpointDir = Path.of("tfbridge-checkpoints");

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Multi-worker: how long a step may "
      + "wait on another worker before failing (default: ${DEFAULT-VALUE}).")
  int timeout = (int) io.tfbridge.distribute.MultiWorkerMirroredStrategy.DEFAULT_OPERATION_TIMEOUT.toSeconds();

  @Option(names = {"-q", "--quiet"}, description = "Do not print the epoch lines.")
  boolean quiet;

  @Override
  public Integer call() throws InterruptedException {
    LessonCommand.requirePositive(spec, "--epochs", epochs, 1);
    LessonCommand.requirePositive(spec, "--timeout", timeout, 1);
    Optional<TfConfig> config = tfConfig != null ? Optional.of(TfConfig.parse(tfConfig))
        : TfConfig.fromEnvironment();
    if (config.isPresent()) {
      if (workers != null) {
        throw new ParameterException(spec.commandLine(), "--workers starts its own cluster; expected no "
            + "TF_CONFIG with it, found " + config.get());
      }
      MultiWorkerLesson.run(config.get(), new MultiWorkerLesson.Options(seed, epochs, checkpointDir,
          output, Duration.ofSeconds(timeout)), lesson.console(quiet));
      return Cli.OK;
    }
    if (workers != null) {
      LessonCommand.requirePositive(spec, "--workers", workers, 1);
      Duration grace = Duration.ofSeconds(timeout + 30L);
      return new WorkerLauncher(lesson.cli.out(), lesson.cli.err(), grace).launch(workers, taskArgs());
    }
    LessonCommand.requirePositive(spec, "--replicas", replicas, 1);
    DistributedLesson.run(replicas, seed, epochs, output, lesson.console(quiet));
    return Cli.OK;
  }

  /** The options each launched task gets: ours, paths made absolute. */
  private List<String> taskArgs() {
    List<String> args = new ArrayList<>(List.of("--seed", Long.toString(seed), "--epochs",
        Integer.toString(epochs), "--checkpoint-dir", checkpointDir.toAbsolutePath().toString(),
        "--timeout", Integer.toString(timeout)));
    if (output != null) {
      args.addAll(List.of("--output", output.toAbsolutePath().toString()));
    }
    if (quiet) {
      args.add("--quiet");
    }
    return args;
  }
}

package io.tfbridge.examples;

import io.tfbridge.dtypepolicies.DTypePolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tfbridge bench}: the lesson's workloads in tfbridge and, with a Python that has Keras, in
 * Keras in the same run, interleaved, as one table ({@link KerasComparison}); or one of the
 * narrower benchmarks. Figures only: nothing is asserted.
 */
@Command(name = "bench", description = "Print speed figures: the lesson's workloads in tfbridge and "
    + "in Keras (with a Python that has it), interleaved, as one table.")
final class BenchCommand implements Callable<Integer> {
  @ParentCommand
  Cli cli;

  @Spec
  CommandSpec spec;

  @Option(names = "--keras-python", paramLabel = "PYTHON", description = "A Python with TensorFlow "
      + "and Keras to run the same workloads (default: $TFBRIDGE_PYTHON, else the test venv "
      + ".venv/bin/python when there is one; none: tfbridge's figures alone).")
  Path kerasPython;

  @Option(names = "--no-keras", description = "tfbridge's figures alone, even with a Python at hand.")
  boolean noKeras;

  @Option(names = "--rounds", defaultValue = "3",
      description = "Runs of each workload per side (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--samples", defaultValue = "8000",
      description = "MNIST digits per CNN epoch (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--epochs", defaultValue = "3", description = "CNN epochs per run; the first, "
      + "which builds the graph, is not counted (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--calls", defaultValue = "5000",
      description = "One-row predictions timed per predictor (default: ${DEFAULT-VALUE}).")
  int calls;

  @Option(names = "--augment", description = "Instead: the CNN on augmented batches (the lesson's "
      + "ImageDataGenerator flow) against plain ones, epochs interleaved.")
  boolean augment;

  @Option(names = "--mirrored", description = "Instead: mirrored training on 1, 2 and 4 CPU replicas.")
  boolean mirrored;

  @Option(names = "--workers", description = "Instead: multi-worker training in 1, 2 and 4 worker "
      + "processes on 127.0.0.1, collective and in-graph: samples/s and the bytes each worker sent per "
      + "step over TCP (the kernel's socket counters, from iproute2's ss).")
  boolean workers;

  @Option(names = "--worker-counts", split = ",", paramLabel = "N", defaultValue = "1,2,4",
      description = "With --workers: the worker counts (default: ${DEFAULT-VALUE}).")
  int[] workerCounts;

  @Option(names = "--load", paramLabel = "FILE", description = "Instead: time loading this .keras "
      + "or .h5 file and print the process's resident memory before, after and at its peak.")
  Path load;

  @Option(names = "--directory", paramLabel = "N", description = "Instead: write N MNIST digits as "
      + "PNG files in a class-per-folder tree, train the lesson CNN on it for one epoch through "
      + "flow_from_directory's batches and print the throughput and resident memory.")
  Integer directory;

  @Option(names = "--serve", description = "Instead: tfbridge serve of the iris MLP under the load "
      + "generator wrk (apt-get install wrk) on this machine: requests/s, p50/p99 latency and "
      + "errors over --duration seconds, then resident memory until --requests were answered.")
  boolean serve;

  @Option(names = "--duration", defaultValue = "60", paramLabel = "SECONDS",
      description = "With --serve: the measured run (default: ${DEFAULT-VALUE}).")
  int duration;

  @Option(names = "--requests", defaultValue = "1000000", paramLabel = "N",
      description = "With --serve: requests answered in all (default: ${DEFAULT-VALUE}).")
  long requests;

  @Option(names = "--child-worker", hidden = true, paramLabel = "DESIGN",
      description = "(a task of --workers, TF_CONFIG set) train as one worker of collective or in-graph")
  String childWorker;

  @Option(names = "--child-cnn-rss", hidden = true, paramLabel = "EPOCHS",
      description = "(the table's own child process) train the CNN, print the peak RSS")
  Integer childCnnRss;

  /** Creates the command; picocli fills it in. */
  BenchCommand() {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    LessonCommand.requirePositive(spec, "--samples", samples, 64);
    if (load != null) {
      new LoadBench(cli.out()).run(load);
    } else if (directory != null) {
      LessonCommand.requirePositive(spec, "--directory", directory, 64);
      new DirectoryBench(cli.out()).run(directory);
    } else if (augment) {
      new AugmentBench(cli.out()).run(samples);
    } else if (serve) {
      LessonCommand.requirePositive(spec, "--duration", duration, 1);
      new ServeLoadBench(cli.out()).run(duration, requests);
    } else if (mirrored) {
      new MirroredBench(cli.out()).run(samples, 1, 2, 4);
    } else if (workers) {
      for (int n : workerCounts) {
        LessonCommand.requirePositive(spec, "--worker-counts", n, 1);
      }
      new MultiWorkerBench(cli.out()).run(samples, workerCounts);
    } else if (childWorker != null) {
      BenchWorker.run(BenchWorker.Design.of(childWorker), samples,
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), cli.out());
    } else if (childCnnRss != null) {
      childCnnRss();
    } else {
      table();
    }
    return Cli.OK;
  }

  private void table() throws IOException {
    LessonCommand.requirePositive(spec, "--rounds", rounds, 1);
    LessonCommand.requirePositive(spec, "--epochs", epochs, 2);
    LessonCommand.requirePositive(spec, "--calls", calls, 100);
    Path python = noKeras ? null : KerasSide.python(kerasPython);
    Path work = Files.createTempDirectory("tfbridge-bench");
    KerasChildren children = new KerasChildren(python, KerasSide.script());
    try (KerasProcess keras = python == null ? null : KerasProcess.start(python, KerasSide.script())) {
      new KerasComparison(cli.out(), keras, children,
          new KerasComparison.Settings(rounds, samples, epochs, calls, work)).run();
    } finally {
      KerasSide.deleteTree(work);
    }
  }

  private void childCnnRss() throws IOException {
    BenchDigits digits = BenchDigits.load(samples, Files.createTempDirectory("tfbridge-rss"));
    JavaWorkloads.cnn(digits, childCnnRss, 1, DTypePolicy.FLOAT32);
    KerasSide.deleteTree(digits.files());
    cli.out().println(KerasChildren.peakRssLine());
  }
}

package io.tfbridge.examples;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tfbridge bench}: prints speed figures (CNN samples/s, one-row predict latency of a Java model
 * and of its SavedModel). Figures only: nothing is asserted.
 */
@Command(name = "bench", description = "Print speed figures: lesson CNN samples/s, 1-row predict latency.")
final class BenchCommand implements Callable<Integer> {
  @ParentCommand
  Cli cli;

  @Spec
  CommandSpec spec;

  @Option(names = "--samples", defaultValue = "4096",
      description = "MNIST digits per CNN epoch (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--calls", defaultValue = "2000",
      description = "One-row predictions timed per model (default: ${DEFAULT-VALUE}).")
  int calls;

  @Option(names = "--load", paramLabel = "FILE", description = "Instead: time loading this .keras "
      + "or .h5 file and print the process's resident memory before, after and at its peak.")
  java.nio.file.Path load;

  @Option(names = "--directory", paramLabel = "N", description = "Instead: write N MNIST digits as "
      + "PNG files in a class-per-folder tree, train the lesson CNN on it for one epoch through "
      + "flow_from_directory's batches and print the throughput and resident memory.")
  Integer directory;

  /** Creates the command; picocli fills it in. */
  BenchCommand() {}

  @Override
  public Integer call() throws java.io.IOException {
    if (load != null) {
      new LoadBench(cli.out()).run(load);
      return Cli.OK;
    }
    if (directory != null) {
      LessonCommand.requirePositive(spec, "--directory", directory, 64);
      new DirectoryBench(cli.out()).run(directory);
      return Cli.OK;
    }
    LessonCommand.requirePositive(spec, "--samples", samples, 64);
    LessonCommand.requirePositive(spec, "--calls", calls, 100);
    new Bench(cli.out()).run(samples, calls);
    return Cli.OK;
  }
}

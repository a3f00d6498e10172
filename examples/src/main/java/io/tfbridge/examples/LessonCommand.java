package io.tfbridge.examples;

import io.tfbridge.dtypepolicies.DTypePolicy;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tfbridge lesson ...}: one subcommand per program of lesson 7, plus {@code iris-median}.
 * Each prints what the Python program prints, its result on the last line.
 */
@Command(name = "lesson", description = "Run a program of lesson 7 (Advanced Topics).",
    subcommands = {LessonCommand.IrisCommand.class, LessonCommand.CnnCommand.class,
        LessonCommand.RnnCommand.class, DistributedCommand.class,
        LessonCommand.IrisMedianCommand.class, LessonCommand.TransferCommand.class,
        LessonCommand.AugmentCommand.class})
public final class LessonCommand {
  @ParentCommand
  Cli cli;

  /** Creates the command; picocli fills it in. */
  public LessonCommand() {}

  /** The console the lesson subcommands print to. */
  LessonConsole console(boolean quiet) {
    return new LessonConsole(cli.out(), !quiet);
  }

  /** {@code tfbridge lesson iris}: the basic neural network on iris (section 1.1). */
  @Command(name = "iris", description = "The basic neural network on iris; prints Accuracy.")
  static final class IrisCommand implements Callable<Integer> {
    @ParentCommand
    LessonCommand lesson;

    @Option(names = "--seed", description = "random_state of the split and the model's seed "
        + "(default: ${DEFAULT-VALUE}).")
    long seed = IrisLesson.DEFAULT_SEED;

    @Mixin
    LessonOutputs outputs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      return outputs.run(lesson, spec, console -> IrisLesson.run(seed, console));
    }
  }

  /** {@code tfbridge lesson cnn}: the CNN on MNIST (section 2.1). */
  @Command(name = "cnn", description = "The CNN on MNIST digits; prints Test Accuracy.")
  static final class CnnCommand implements Callable<Integer> {
    @ParentCommand
    LessonCommand lesson;

    @Spec
    CommandSpec spec;

    @Option(names = "--epochs", description = "Epochs of fit (default: ${DEFAULT-VALUE}).")
    int epochs = CnnLesson.Settings.lesson().epochs();

    @Option(names = "--limit", paramLabel = "N",
        description = "Use only the first N training and N test digits (default: all).")
    int limit;

    @Option(names = "--data", paramLabel = "PATH", description = "A directory of MNIST IDX files "
        + "or a Keras mnist.npz (default: the 10,000 digits bundled with tfbridge).")
    Path data;

    @Option(names = "--seed", description = "The model's seed (default: ${DEFAULT-VALUE}).")
    long seed = CnnLesson.Settings.lesson().seed();

    @Option(names = "--augment", description = "Train on augmented digits (rotation 10, shifts "
        + "0.1, zoom 0.1) from an ImageDataGenerator flow.")
    boolean augment;

    @Option(names = "--dtype-policy", paramLabel = "NAME", description = "The layers' dtype "
        + "policy, as keras.mixed_precision.set_global_policy: float32 or mixed_bfloat16 "
        + "(default: ${DEFAULT-VALUE}).")
    String policy = "float32";

    @Mixin
    LessonOutputs outputs;

    @Override
    public Integer call() throws Exception {
      requirePositive(spec, "--epochs", epochs, 1);
      requirePositive(spec, "--limit", limit, 0);
      DTypePolicy dtypePolicy = policy(spec, policy);
      return outputs.run(lesson, spec, console -> CnnLesson.run(
          new CnnLesson.Settings(epochs, limit, data, seed, augment, dtypePolicy), console));
    }
  }

  /** {@code tfbridge lesson rnn}: the SimpleRNN on padded sequences (section 2.2). */
  @Command(name = "rnn", description = "The SimpleRNN on padded sequences; prints Predictions.")
  static final class RnnCommand implements Callable<Integer> {
    @ParentCommand
    LessonCommand lesson;

    @Option(names = "--seed", description = "The model's seed (default: ${DEFAULT-VALUE}).")
    long seed = RnnLesson.DEFAULT_SEED;

    @Mixin
    LessonOutputs outputs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      return outputs.run(lesson, spec, console -> RnnLesson.run(seed, console));
    }
  }

  /** {@code tfbridge lesson iris-median}: the iris lesson over seeds 0..N-1 and the median. */
  @Command(name = "iris-median",
      description = "The iris lesson for seeds 0..N-1 (split and model); prints the median "
          + "accuracy.")
  static final class IrisMedianCommand implements Callable<Integer> {
    @ParentCommand
    LessonCommand lesson;

    @Spec
    CommandSpec spec;

    @Option(names = "--seeds", paramLabel = "N",
        description = "How many seeds (default: ${DEFAULT-VALUE}).")
    int seeds = IrisMedian.DEFAULT_SEEDS;

    @Override
    public Integer call() {
      requirePositive(spec, "--seeds", seeds, 1);
      IrisMedian.run(seeds, lesson.console(true));
      return Cli.OK;
    }
  }

  /** A usage error (exit code 2) unless {@code value >= min}. */
  static void requirePositive(CommandSpec spec, String option, int value, int min) {
    if (value < min) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '" + option + "': " + value + " (expected >= " + min + ")");
    }
  }

  /** The dtype policy named by {@code --dtype-policy}; a usage error for an unknown name. */
  static DTypePolicy policy(CommandSpec spec, String name) {
    try {
      return DTypePolicy.of(name);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--dtype-policy': " + e.getMessage());
    }
  }

  /** {@code tfbridge lesson transfer}: fine-tune a Keras-made backbone in Java. */
  @Command(name = "transfer", description = "Transfer learning: a Keras-trained MNIST backbone "
      + "(.keras), frozen, gets a new head trained on all ten digits; saves a .keras file Keras loads.")
  static final class TransferCommand implements Callable<Integer> {
    @ParentCommand
    LessonCommand lesson;

    @Spec
    CommandSpec spec;

    @Option(names = "--epochs", description = "Epochs of training the head (default: ${DEFAULT-VALUE}).")
    int epochs = TransferLesson.Settings.lesson().epochs();

    @Option(names = "--limit", paramLabel = "N",
        description = "Use only the first N training and N test digits (default: all).")
    int limit;

    @Option(names = "--backbone", paramLabel = "FILE",
        description = "A Keras backbone (.keras or .h5) from 28x28x1 images to features "
            + "(default: the bundled mnist_backbone.keras, trained in Python on digits 0-4).")
    Path backbone;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "Where to save the fine-tuned model, .keras or .h5 (default: ${DEFAULT-VALUE}).")
    Path output = TransferLesson.Settings.lesson().output();

    @Option(names = "--seed", description = "The head's seed (default: ${DEFAULT-VALUE}).")
    long seed = TransferLesson.Settings.lesson().seed();

    @Option(names = {"-q", "--quiet"}, description = "Do not print the epoch lines.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
      requirePositive(spec, "--epochs", epochs, 1);
      requirePositive(spec, "--limit", limit, 0);
      TransferLesson.run(new TransferLesson.Settings(epochs, limit, backbone, output, seed),
          lesson.console(quiet));
      return Cli.OK;
    }
  }

  /** {@code tfbridge lesson augment}: the data augmentation picture (section 3.1). */
  @Command(name = "augment", description = "Data augmentation: an ImageDataGenerator with the "
      + "lesson's parameters; writes a PNG of an MNIST digit and its augmented variants.")
  static final class AugmentCommand implements Callable<Integer> {
    @ParentCommand
    LessonCommand lesson;

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
        description = "The PNG to write (default: ${DEFAULT-VALUE}).")
    Path out = AugmentLesson.Settings.lesson().out();

    @Option(names = "--variants", description = "Augmented variants (default: ${DEFAULT-VALUE}).")
    int variants = AugmentLesson.Settings.lesson().variants();

    @Option(names = "--digit", description = "Which bundled training digit (default: ${DEFAULT-VALUE}).")
    int digit = AugmentLesson.Settings.lesson().digit();

    @Option(names = "--seed", description = "The flow's seed (default: ${DEFAULT-VALUE}).")
    long seed = AugmentLesson.Settings.lesson().seed();

    @Override
    public Integer call() throws Exception {
      requirePositive(spec, "--variants", variants, 1);
      requirePositive(spec, "--digit", digit, 0);
      AugmentLesson.run(new AugmentLesson.Settings(out, variants, digit, seed), lesson.console(false));
      return Cli.OK;
    }
  }
}

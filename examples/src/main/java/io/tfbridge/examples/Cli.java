package io.tfbridge.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code tfbridge} command line (picocli): the lessons, and inspecting, running and
 * converting model files.
 *
 * <pre>
 * tfbridge inspect PATH
 * tfbridge predict PATH --input [NAME=]X.npy... [--output [NAME=]Y.npy...] [--output-dir DIR]
 *     [--signature NAME]
 * tfbridge convert SRC DST
 * tfbridge lesson iris [--seed N] [--quiet]
 * tfbridge lesson cnn [--epochs N] [--limit N] [--data PATH] [--seed N] [--quiet]
 * tfbridge lesson rnn [--seed N] [--quiet]
 * tfbridge lesson distributed [--replicas N | --workers N] [--epochs N] [--seed N] [--output PATH]
 *     [--checkpoint-dir DIR] [--timeout SECONDS] [--tf-config JSON] [--quiet]
 * tfbridge lesson iris-median [--seeds N]
 * tfbridge bench [--samples N] [--calls N]
 * tfbridge --version
 * </pre>
 *
 * <p>Exit codes: 0 success, 2 usage error (message and usage on stderr), 1 runtime error (a
 * one-line message on stderr; the stack trace too with {@code --debug}).
 */
@Command(name = "tfbridge", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
    description = "Keras for the JVM on TensorFlow Java: runs the lessons' programs and "
        + "inspects, runs and converts SavedModels and Keras files.")
public final class Cli {
  /** JavaCPP's system property naming its logger. */
  private static final String JAVACPP_LOGGER = "org.bytedeco.javacpp.logger";

  /** Exit code of a successful run. */
  public static final int OK = 0;
  /** Exit code of a failed run. */
  public static final int RUNTIME_ERROR = 1;
  /** Exit code of a command line that does not parse. */
  public static final int USAGE_ERROR = 2;

  /** The subcommands, in the order the help lists them. */
  private static final List<Class<?>> COMMANDS = List.of(LessonCommand.class,
      InspectCommand.class, PredictCommand.class, FitCommand.class, ConvertCommand.class,
      BenchCommand.class, ServeCommand.class);

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error.")
  boolean debug;

  private final PrintStream out;
  private final PrintStream err;

  private Cli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Where lessons print their results. */
  PrintStream out() {
    return out;
  }

  /** Where diagnostics go. */
  PrintStream err() {
    return err;
  }

  /**
   * Runs the command line {@code args}, printing to {@code out} and {@code err}.
   *
   * @return the exit code: {@link #OK}, {@link #RUNTIME_ERROR} or {@link #USAGE_ERROR}
   */
  public static int execute(PrintStream out, PrintStream err, String... args) {
    CommandLine commandLine = new CommandLine(new Cli(out, err));
    for (Class<?> command : subcommands(firstCommand(args))) {
      commandLine.addSubcommand(command);
    }
    setVersionProvider(commandLine, new Version());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setExecutionExceptionHandler(Cli::reportFailure);
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Gives every command the version provider once the subcommands are added: picocli asks a
   * provider for its text when a subcommand inherits it, and this one's asks TensorFlow, whose
   * native library would then load before the command line is even parsed.
   */
  private static void setVersionProvider(CommandLine command, Version version) {
    command.getCommandSpec().versionProvider(version);
    command.getSubcommands().values().forEach(c -> setVersionProvider(c, version));
  }

  /**
   * The subcommand {@code name} names, alone, or all of them for help and unknown names: picocli
   * reflects over every option of every command it is given, a third of a one-row prediction's
   * cold start.
   */
  private static List<Class<?>> subcommands(String name) {
    for (Class<?> c : COMMANDS) {
      if (c.getAnnotation(Command.class).name().equals(name)) {
        return List.of(c);
      }
    }
    return COMMANDS;
  }

  /** The first argument that is not an option (the root's options take no value), or null. */
  private static String firstCommand(String... args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return null;
  }

  /** One line on stderr (the stack trace too with {@code --debug}); exit code 1. */
  private static int reportFailure(Exception e, CommandLine command, ParseResult parsed) {
    PrintStream err = ((Cli) command.getCommandSpec().root().userObject()).err;
    err.println("tfbridge: error: " + describe(e));
    if (debugRequested(parsed)) {
      e.printStackTrace(err);
    }
    return RUNTIME_ERROR;
  }

  /** The exception's message, or its type when it has none; the cause's if it only wraps one. */
  static String describe(Throwable e) {
    Throwable shown = e;
    while (shown.getCause() != null && (shown.getMessage() == null
        || shown.getMessage().equals(shown.getCause().toString()))) {
      shown = shown.getCause();
    }
    String message = shown.getMessage();
    String type = shown.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : message.strip().replace('\n', ' ');
  }

  private static boolean debugRequested(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  /** The command line's entry point: runs {@code args} and exits with the exit code. */
  public static void main(String[] args) {
    // JavaCPP logs through SLF4J (the CLI's binding is none) rather than on stderr: its one message
    // is that the HDF5 preset was built for JavaCPP 1.5.10 (see the root pom); before JavaCPP loads
    if (System.getProperty(JAVACPP_LOGGER) == null) {
      System.setProperty(JAVACPP_LOGGER, "slf4j");
    }
    NativePreload.startFor(args); // first: TensorFlow's native library is most of a cold start
    io.tfbridge.engine.JavaCpp.configure(); // before any TensorFlow object: see its javadoc
    System.exit(execute(System.out, System.err, args));
  }

  /** {@code tfbridge 0.1.0-SNAPSHOT (TensorFlow Java 1.1.0, TensorFlow 2.18.0)}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Cli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"tfbridge " + p.getProperty("version", "unknown") + " (TensorFlow Java "
          + p.getProperty("tensorflow.java", "unknown") + ", TensorFlow "
          + org.tensorflow.TensorFlow.version() + ")"};
    }
  }
}

package io.tfbridge.examples;

import io.tfbridge.serving.ModelServer;
import io.tfbridge.serving.BatchingParameters;
import io.tfbridge.serving.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tfbridge serve}: TF Serving's REST API for SavedModels and Keras files, with TF Serving's
 * flags: one model ({@code --model_name}, {@code --model_base_path}) or those a
 * {@code --model_config_file} lists (then, as in TF Serving, {@code --model_name} and
 * {@code --model_base_path} are ignored). SIGTERM (or Ctrl-C) stops accepting, lets the requests in
 * flight finish and exits 0.
 *
 * <pre>
 * tfbridge serve --model_name iris --model_base_path models/iris --rest_api_port 8501
 * tfbridge serve --model_config_file /models/models.config --model_config_file_poll_wait_seconds 60
 * tfbridge serve --model_name iris --model_base_path models/iris --enable_batching \
 *     --batching_parameters_file /models/batching.config
 * curl -d '{"instances": [[5.1, 3.5, 1.4, 0.2]]}' localhost:8501/v1/models/iris:predict
 * </pre>
 */
@Command(name = "serve", description = "Serve models over TF Serving's REST API.")
final class ServeCommand implements Callable<Integer> {
  @ParentCommand
  Cli cli;

  @Spec
  CommandSpec spec;

  @Option(names = "--model_name", description = "The name clients call it by (default: "
      + "${DEFAULT-VALUE}; ignored with --model_config_file).")
  String name = "default";

  @Option(names = "--model_base_path", paramLabel = "PATH", description = "A directory of numeric "
      + "versions (1/, 2/, ...: each a SavedModel or one .keras/.h5 file), or one SavedModel "
      + "directory or Keras file (served as version 1). Needed unless --model_config_file is given.")
  Path basePath;

  @Option(names = "--model_config_file", paramLabel = "PATH", description = "TF Serving's "
      + "ModelServerConfig in protobuf text format: model_config_list { config { name: 'iris' "
      + "base_path: '/models/iris' model_platform: 'tensorflow' model_version_policy {...} "
      + "version_labels { key: 'stable' value: 1 } } ... }.")
  Path configFile;

  @Option(names = "--model_config_file_poll_wait_seconds", paramLabel = "N", description = "Re-read "
      + "--model_config_file every N seconds: models added are loaded, removed ones unloaded, "
      + "labels changed; a bad file keeps the config in force (default: ${DEFAULT-VALUE}: never).")
  int configPollSeconds;

  @Option(names = "--allow_version_labels_for_unavailable_models", arity = "0..1",
      description = "Let a new version label name a version that is not loaded (yet).")
  boolean allowUnavailableLabels;

  @Option(names = "--rest_api_port", description = "The port (default: ${DEFAULT-VALUE}).")
  int port = 8501;

  @Option(names = "--rest_api_timeout_in_ms", paramLabel = "MS", description = "How long a "
      + "request may take, waiting and running, before it is answered 503 (default: "
      + "${DEFAULT-VALUE}).")
  long timeoutMs = 30_000;

  @Option(names = "--file_system_poll_wait_seconds", description = "How often to look for new "
      + "versions, 0 for never (default: ${DEFAULT-VALUE}).")
  int pollSeconds = 1;

  @Option(names = {"--allow_unsafe_ops", "--allow-unsafe-ops"},
      description = ModelOpener.ALLOW_UNSAFE_HELP)
  boolean allowUnsafeOps;

  @Option(names = "--enable_batching", arity = "0..1", description = "Batch concurrent :predict "
      + "requests on a model version and signature into one run, with TF Serving's batching "
      + "parameters (--batching_parameters_file, else max_batch_size 1000, batch_timeout_micros 0, "
      + "max_enqueued_batches 10, num_batch_threads: the cores).")
  boolean enableBatching;

  @Option(names = "--batching_parameters_file", paramLabel = "PATH", description = "TF Serving's "
      + "BatchingParameters in protobuf text format: max_batch_size { value: 32 } "
      + "batch_timeout_micros { value: 2000 } max_enqueued_batches { value: 100 } "
      + "num_batch_threads { value: 2 } allowed_batch_sizes: 8 allowed_batch_sizes: 32 (needs "
      + "--enable_batching).")
  Path batchingFile;

  /** Creates the command; picocli fills it in. */
  ServeCommand() {}

  @Override
  public Integer call() throws InterruptedException {
    LessonCommand.requirePositive(spec, "--rest_api_timeout_in_ms", (int) Math.min(timeoutMs,
        Integer.MAX_VALUE), 1);
    ServerConfig defaults = models();
    ServerConfig config = defaults.limits(defaults.maxBodyBytes(), defaults.threads(),
        defaults.maxQueue(), Duration.ofMillis(timeoutMs)).port(port)
        .unsafeOps(ModelOpener.policy(allowUnsafeOps))
        .pollInterval(Duration.ofSeconds(pollSeconds))
        .modelConfigFilePollInterval(Duration.ofSeconds(configPollSeconds))
        .allowVersionLabelsForUnavailableModels(allowUnavailableLabels).batching(batching());
    CountDownLatch stopped = new CountDownLatch(1);
    try (ModelServer server = ModelServer.start(config)) {
      cli.out().println("Serving " + describe(server) + " on port " + server.port());
      cli.out().flush();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.close();
        stopped.countDown();
        Runtime.getRuntime().halt(0); // SIGTERM after a clean drain: exit 0, as TF Serving
      }));
      stopped.await();
    }
    return Cli.OK;
  }

  /** The models: the config file's (the one-model flags then ignored, as TF Serving), or one. */
  private ServerConfig models() {
    if (configFile != null) {
      if (basePath != null || spec.commandLine().getParseResult().hasMatchedOption(
          "--model_name")) {
        cli.err().println("tfbridge: warning: --model_name and --model_base_path are ignored: "
            + "--model_config_file " + configFile + " lists the models (as TF Serving does)");
      }
      return ServerConfig.fromFile(configFile);
    }
    if (basePath == null) {
      throw new ParameterException(spec.commandLine(), "Both --model_base_path and "
          + "--model_config_file are empty: give --model_base_path PATH (and --model_name NAME) "
          + "for one model, or --model_config_file PATH for those it lists");
    }
    return ServerConfig.of(name, basePath);
  }

  /** The batching parameters (null: off), TF Serving's defaults unless a file gives them. */
  private BatchingParameters batching() {
    if (!enableBatching) {
      if (batchingFile != null) {
        throw new ParameterException(spec.commandLine(), "--batching_parameters_file is set "
            + "without setting --enable_batching to true");
      }
      return null;
    }
    return batchingFile == null ? BatchingParameters.defaults()
        : BatchingParameters.read(batchingFile);
  }

  /** "iris versions [1], two versions [1, 2]; failed: ..." */
  private static String describe(ModelServer server) {
    if (server.models().isEmpty()) {
      return "no models";
    }
    return server.models().stream().map(m -> m + " versions " + server.versions(m)
        + (server.failures(m).isEmpty() ? "" : " (failed: " + server.failures(m) + ")"))
        .collect(Collectors.joining(", "));
  }
}

package io.tfbridge.examples;

import io.tfbridge.serving.ModelServer;
import io.tfbridge.serving.ServerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tfbridge serve}: TF Serving's REST API for a SavedModel or Keras file, with TF Serving's
 * flags. SIGTERM (or Ctrl-C) stops accepting, lets the requests in flight finish and exits 0.
 *
 * <pre>
 * tfbridge serve --model_name iris --model_base_path models/iris --rest_api_port 8501
 * curl -d '{"instances": [[5.1, 3.5, 1.4, 0.2]]}' localhost:8501/v1/models/iris:predict
 * </pre>
 */
@Command(name = "serve", description = "Serve a model over TF Serving's REST API.")
final class ServeCommand implements Callable<Integer> {
  @ParentCommand
  Cli cli;

  @Option(names = "--model_name", required = true, description = "The name clients call it by.")
  String name;

  @Option(names = "--model_base_path", required = true, paramLabel = "PATH", description = "A "
      + "directory of numeric versions (1/, 2/, ...: each a SavedModel or one .keras/.h5 file), "
      + "or one SavedModel directory or Keras file (served as version 1).")
  Path basePath;

  @Option(names = "--rest_api_port", description = "The port (default: ${DEFAULT-VALUE}).")
  int port = 8501;

  @Option(names = "--file_system_poll_wait_seconds", description = "How often to look for new "
      + "versions, 0 for never (default: ${DEFAULT-VALUE}).")
  int pollSeconds = 1;

  @Option(names = {"--allow_unsafe_ops", "--allow-unsafe-ops"},
      description = ModelOpener.ALLOW_UNSAFE_HELP)
  boolean allowUnsafeOps;

  /** Creates the command; picocli fills it in. */
  ServeCommand() {}

  @Override
  public Integer call() throws InterruptedException {
    ServerConfig config = ServerConfig.of(name, basePath).port(port)
        .unsafeOps(ModelOpener.policy(allowUnsafeOps))
        .pollInterval(java.time.Duration.ofSeconds(pollSeconds));
    CountDownLatch stopped = new CountDownLatch(1);
    try (ModelServer server = ModelServer.start(config)) {
      cli.out().println("Serving " + name + " versions " + server.versions() + " on port "
          + server.port() + (server.failures().isEmpty() ? "" : "; failed: " + server.failures()));
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
}

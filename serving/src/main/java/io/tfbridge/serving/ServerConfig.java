package io.tfbridge.serving;

import io.tfbridge.interop.savedmodel.UnsafeOps;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code tfbridge serve} runs, with TF Serving's defaults where it has them: one model
 * ({@code --model_name}, {@code --model_base_path}) on {@code --rest_api_port} 8501, versions
 * polled every second, plus this server's own limits: the largest request body (64 MiB), the
 * threads running models (the cores), the requests that may wait for one (the queue, 128; more are
 * answered 429), how long a request may wait (30 s, then 503).
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.of("iris", Path.of("models/iris")).port(0);
 * }</pre>
 */
public record ServerConfig(String modelName, Path basePath, int port, VersionPolicy versionPolicy,
    UnsafeOps.Policy unsafeOps, int maxBodyBytes, int threads, int maxQueue, Duration timeout,
    Duration pollInterval) {

  /** Checks the values. */
  public ServerConfig {
    require(modelName != null && modelName.matches("[A-Za-z0-9_.-]+"), "model_name must be "
        + "letters, digits, '_', '.' or '-'. Received: " + modelName);
    require(port >= 0 && port <= 65535, "rest_api_port must be in [0, 65535]. Received: " + port);
    require(maxBodyBytes > 0, "the body limit must be positive. Received: " + maxBodyBytes);
    require(threads > 0 && maxQueue >= 0, "threads must be > 0 and the queue >= 0. Received: "
        + threads + ", " + maxQueue);
    require(!timeout.isNegative() && !timeout.isZero(), "the timeout must be positive");
    require(!pollInterval.isNegative(), "the poll interval must be >= 0");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Serving {@code basePath} as {@code modelName} with the defaults. */
  public static ServerConfig of(String modelName, Path basePath) {
    return new ServerConfig(modelName, basePath, 8501, VersionPolicy.latest(1),
        UnsafeOps.Policy.REFUSE, 64 << 20, Runtime.getRuntime().availableProcessors(), 128,
        Duration.ofSeconds(30), Duration.ofSeconds(1));
  }

  /** A copy on this port (0: any free one). */
  public ServerConfig port(int value) {
    return new ServerConfig(modelName, basePath, value, versionPolicy, unsafeOps, maxBodyBytes,
        threads, maxQueue, timeout, pollInterval);
  }

  /** A copy with this version policy. */
  public ServerConfig versionPolicy(VersionPolicy value) {
    return new ServerConfig(modelName, basePath, port, value, unsafeOps, maxBodyBytes, threads,
        maxQueue, timeout, pollInterval);
  }

  /** A copy that loads SavedModels with ops that reach outside the model. */
  public ServerConfig unsafeOps(UnsafeOps.Policy value) {
    return new ServerConfig(modelName, basePath, port, versionPolicy, value, maxBodyBytes, threads,
        maxQueue, timeout, pollInterval);
  }

  /** A copy with these limits: body bytes, model threads, queued requests, wait. */
  public ServerConfig limits(int bodyBytes, int modelThreads, int queue, Duration wait) {
    return new ServerConfig(modelName, basePath, port, versionPolicy, unsafeOps, bodyBytes,
        modelThreads, queue, wait, pollInterval);
  }

  /** A copy polling the base path for versions this often (0: never). */
  public ServerConfig pollInterval(Duration value) {
    return new ServerConfig(modelName, basePath, port, versionPolicy, unsafeOps, maxBodyBytes,
        threads, maxQueue, timeout, value);
  }
}

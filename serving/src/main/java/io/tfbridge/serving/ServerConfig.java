package io.tfbridge.serving;

import io.tfbridge.interop.savedmodel.UnsafeOps;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code tfbridge serve} runs, with TF Serving's defaults where it has them: the models (one
 * from {@code --model_name} and {@code --model_base_path}, or those a {@code --model_config_file}
 * lists, re-read every {@code --model_config_file_poll_wait_seconds}, 0: never) on
 * {@code --rest_api_port} 8501, versions polled every second, version labels only to versions
 * AVAILABLE unless {@code --allow_version_labels_for_unavailable_models}; plus this server's own
 * limits: the largest request body (64 MiB), the threads running models (the cores), the requests
 * that may wait for one (the queue, 128; more are answered 429), how long a request may wait (30 s,
 * then 503); batching ({@code --enable_batching}) off.
 *
 * <pre>{@code
 * ServerConfig one = ServerConfig.of("iris", Path.of("models/iris")).port(0);
 * ServerConfig several = ServerConfig.fromFile(Path.of("/models/models.config"))
 *     .modelConfigFilePollInterval(Duration.ofSeconds(60));
 * }</pre>
 *
 * @param models the models served at start, names unique
 * @param modelConfigFile the file they were read from (re-read when polled), or null
 * @param port the REST port (0: any free one)
 * @param unsafeOps whether SavedModels with ops that reach outside the model load
 * @param maxBodyBytes the largest request body
 * @param threads the threads running models
 * @param maxQueue the requests that may wait for a model thread
 * @param timeout how long a request may wait for one
 * @param pollInterval how often base paths are polled for versions (0: never)
 * @param modelConfigFilePollInterval how often the config file is re-read (0: never)
 * @param allowVersionLabelsForUnavailableModels whether a new label may name a version not loaded
 * @param batching how {@code :predict} requests are batched, or null for no batching
 */
public record ServerConfig(List<ModelEntry> models, Path modelConfigFile, int port,
    UnsafeOps.Policy unsafeOps, int maxBodyBytes, int threads, int maxQueue, Duration timeout,
    Duration pollInterval, Duration modelConfigFilePollInterval,
    boolean allowVersionLabelsForUnavailableModels, BatchingParameters batching) {

  /** Checks the values. */
  public ServerConfig {
    models = List.copyOf(models);
    Set<String> names = new HashSet<>();
    models.forEach(m -> require(names.add(m.name()), "Illegal to list model " + m.name()
        + " multiple times in config list"));
    require(port >= 0 && port <= 65535, "rest_api_port must be in [0, 65535]. Received: " + port);
    require(maxBodyBytes > 0, "the body limit must be positive. Received: " + maxBodyBytes);
    require(threads > 0 && maxQueue >= 0, "threads must be > 0 and the queue >= 0. Received: "
        + threads + ", " + maxQueue);
    require(!timeout.isNegative() && !timeout.isZero(), "the timeout must be positive");
    require(!pollInterval.isNegative() && !modelConfigFilePollInterval.isNegative(),
        "the poll intervals must be >= 0");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Serving {@code basePath} as {@code modelName} with the defaults. */
  public static ServerConfig of(String modelName, Path basePath) {
    return of(List.of(ModelEntry.of(modelName, basePath)));
  }

  /** Serving {@code models} with the defaults. */
  public static ServerConfig of(List<ModelEntry> models) {
    return new ServerConfig(models, null, 8501, UnsafeOps.Policy.REFUSE, 64 << 20,
        Runtime.getRuntime().availableProcessors(), 128, Duration.ofSeconds(30),
        Duration.ofSeconds(1), Duration.ZERO, false, null);
  }

  /**
   * Serving the models TF Serving's {@code ModelServerConfig} text file {@code file} lists, with
   * the defaults (the file is not re-read unless {@link #modelConfigFilePollInterval} says so).
   *
   * @throws IllegalArgumentException naming the file (and line and column) for a file that cannot
   *     be read, does not parse, or lists models wrongly or with what this server does not have
   */
  public static ServerConfig fromFile(Path file) {
    ServerConfig config = of(ModelConfigFile.read(file, false));
    return new ServerConfig(config.models, file, config.port, config.unsafeOps,
        config.maxBodyBytes, config.threads, config.maxQueue, config.timeout, config.pollInterval,
        config.modelConfigFilePollInterval, config.allowVersionLabelsForUnavailableModels,
        config.batching);
  }

  /** A copy on this port (0: any free one). */
  public ServerConfig port(int value) {
    return new ServerConfig(models, modelConfigFile, value, unsafeOps, maxBodyBytes, threads,
        maxQueue, timeout, pollInterval, modelConfigFilePollInterval,
        allowVersionLabelsForUnavailableModels, batching);
  }

  /** A copy whose models all have this version policy. */
  public ServerConfig versionPolicy(VersionPolicy value) {
    return new ServerConfig(models.stream().map(m -> m.versionPolicy(value)).toList(),
        modelConfigFile, port, unsafeOps, maxBodyBytes, threads, maxQueue, timeout, pollInterval,
        modelConfigFilePollInterval, allowVersionLabelsForUnavailableModels, batching);
  }

  /** A copy that loads SavedModels with ops that reach outside the model. */
  public ServerConfig unsafeOps(UnsafeOps.Policy value) {
    return new ServerConfig(models, modelConfigFile, port, value, maxBodyBytes, threads,
        maxQueue, timeout, pollInterval, modelConfigFilePollInterval,
        allowVersionLabelsForUnavailableModels, batching);
  }

  /** A copy with these limits: body bytes, model threads, queued requests, wait. */
  public ServerConfig limits(int bodyBytes, int modelThreads, int queue, Duration wait) {
    return new ServerConfig(models, modelConfigFile, port, unsafeOps, bodyBytes, modelThreads,
        queue, wait, pollInterval, modelConfigFilePollInterval,
        allowVersionLabelsForUnavailableModels, batching);
  }

  /** A copy polling the base paths for versions this often (0: never). */
  public ServerConfig pollInterval(Duration value) {
    return new ServerConfig(models, modelConfigFile, port, unsafeOps, maxBodyBytes, threads,
        maxQueue, timeout, value, modelConfigFilePollInterval,
        allowVersionLabelsForUnavailableModels, batching);
  }

  /** A copy re-reading the model config file this often (0: never). */
  public ServerConfig modelConfigFilePollInterval(Duration value) {
    return new ServerConfig(models, modelConfigFile, port, unsafeOps, maxBodyBytes, threads,
        maxQueue, timeout, pollInterval, value, allowVersionLabelsForUnavailableModels, batching);
  }

  /** A copy where a new version label may name a version that is not loaded (yet). */
  public ServerConfig allowVersionLabelsForUnavailableModels(boolean value) {
    return new ServerConfig(models, modelConfigFile, port, unsafeOps, maxBodyBytes, threads,
        maxQueue, timeout, pollInterval, modelConfigFilePollInterval, value, batching);
  }

  /**
   * A copy batching {@code :predict} requests with {@code value} ({@code --enable_batching}; null:
   * no batching).
   */
  public ServerConfig batching(BatchingParameters value) {
    return new ServerConfig(models, modelConfigFile, port, unsafeOps, maxBodyBytes, threads,
        maxQueue, timeout, pollInterval, modelConfigFilePollInterval,
        allowVersionLabelsForUnavailableModels, value);
  }
}

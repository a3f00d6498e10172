package io.tfbridge.distribute;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.proto.ConfigProto;

/**
 * Keras's {@code tf.distribute.MultiWorkerMirroredStrategy}, configured by {@code TF_CONFIG} and run on
 * TensorFlow's own distributed runtime: every worker task runs an {@link WorkerServer}; the chief
 * (worker 0) builds the model with one replica per worker ({@code /job:worker/replica:0/task:i}),
 * keeps the weights and the optimizer on its own device, and runs each step through a session on its
 * server. Each replica's forward and backward pass runs on its worker; the gradients are summed into
 * one update, so training equals one process's on the same global batch.
 *
 * <pre>{@code
 * TfConfig config = TfConfig.fromEnvironment().orElseThrow();
 * MultiWorkerMirroredStrategy strategy = MultiWorkerMirroredStrategy.of(config);
 * WorkerServer server = WorkerServer.start(config);
 * if (!strategy.isChief()) {
 *   server.join();                       // serves the chief until the process ends
 * }
 * try (Strategy.Scope scope = strategy.scope(); Model model = spec.compile("adam", "mse")) {
 *   model.fit(x, y, FitOptions.epochs(5));
 * }
 * }</pre>
 *
 * <p>A blocking operation that waits longer than {@link #operationTimeout} (a worker gone, for
 * instance) fails the step instead of hanging.
 */
public final class MultiWorkerMirroredStrategy implements Strategy {
  /** How long a step may wait on a worker before failing, unless set otherwise. */
  public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(60);

  private final TfConfig config;
  private final Duration operationTimeout;

  private MultiWorkerMirroredStrategy(TfConfig config, Duration operationTimeout) {
    this.config = config;
    this.operationTimeout = operationTimeout;
  }

  /** The strategy of the cluster and task {@code config} describes. */
  public static MultiWorkerMirroredStrategy of(TfConfig config) {
    return new MultiWorkerMirroredStrategy(config, DEFAULT_OPERATION_TIMEOUT);
  }

  /**
   * The strategy of the {@code TF_CONFIG} environment variable.
   *
   * @throws IllegalStateException if TF_CONFIG is not set
   */
  public static MultiWorkerMirroredStrategy fromEnvironment() {
    return of(TfConfig.fromEnvironment().orElseThrow(() -> new IllegalStateException(
        "MultiWorkerMirroredStrategy needs the TF_CONFIG environment variable, e.g. {\"cluster\": "
            + "{\"worker\": [\"host1:12345\", \"host2:12345\"]}, \"task\": {\"type\": \"worker\", "
            + "\"index\": 0}}")));
  }

  /** A copy whose steps fail after waiting {@code timeout} on a blocking operation. */
  public MultiWorkerMirroredStrategy operationTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("operation timeout must be positive, found " + timeout);
    }
    return new MultiWorkerMirroredStrategy(config, timeout);
  }

  /** The step timeout. */
  public Duration operationTimeout() {
    return operationTimeout;
  }

  /** The cluster and this task. */
  public TfConfig config() {
    return config;
  }

  /** Whether this task is the chief, which builds, trains and checkpoints the model. */
  public boolean isChief() {
    return config.isChief();
  }

  /**
   * One replica per worker, the weights on the chief's device, the session on the chief's server.
   *
   * @throws IllegalStateException on a task that is not the chief: only the chief compiles
   */
  @Override
  public Replicas replicas() {
    if (!isChief()) {
      throw new IllegalStateException("Only the chief compiles a model under a "
          + "MultiWorkerMirroredStrategy; this task is " + config.taskType() + ":" + config.taskIndex()
          + ", which serves the chief (WorkerServer.join())");
    }
    List<String> devices = new ArrayList<>();
    for (int i = 0; i < config.numWorkers(); i++) {
      devices.add(cpu(i));
    }
    ConfigProto session = ConfigProto.newBuilder()
        .setOperationTimeoutInMs(operationTimeout.toMillis()).build();
    return new Replicas(devices, session, cpu(0), config.target(TfConfig.WORKER, 0));
  }

  private static String cpu(int task) {
    return TfConfig.taskDevice(TfConfig.WORKER, task) + "/device:CPU:0";
  }
}

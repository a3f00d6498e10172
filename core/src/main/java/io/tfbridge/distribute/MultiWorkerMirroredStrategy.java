package io.tfbridge.distribute;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.proto.ConfigProto;

/**
 * Keras's {@code tf.distribute.MultiWorkerMirroredStrategy}, configured by {@code TF_CONFIG} and run on
 * TensorFlow's own distributed runtime. Every worker task runs a {@link WorkerServer}. Two designs:
 *
 * <ul>
 *   <li><b>Collective</b> (between-graph replication, {@link #of}): as in Keras, EVERY task compiles the
 *       same model in its own process, with one replica on its own device and its own session on its
 *       own server; the tasks are the {@code chief} (if the cluster has that job: the group's task 0)
 *       and the {@code worker}s. {@code fit(x, y)} feeds each task only its contiguous share of each global batch;
 *       each task's gradients (of its loss sum over the global batch's sample count) are summed over
 *       the tasks by one {@code CollectiveReduceV2} of them all (flattened and concatenated: a
 *       collective's latency is paid once per step), so every task applies the same update.
 *       The reported loss and metrics are summed the same way (every task prints the global figures),
 *       BatchNormalization's moving statistics are averaged, and the chief's initial weights are
 *       broadcast to the others before the first step. No task carries another's data.</li>
 *   <li><b>In-graph</b> ({@link #inGraph()}): only the chief compiles, with one replica per worker;
 *       the other tasks serve it ({@link WorkerServer#join()}). The chief feeds every share of every
 *       batch, so its network carries every worker's data and weights each step; kept only for
 *       {@code tfbridge bench --workers}, which compares the two designs' traffic.</li>
 * </ul>
 * Either way training equals one process's on the same global batches (with BatchNormalization, one
 * process with as many replicas, since each replica normalizes its own share, as in Keras).
 *
 * <pre>{@code
 * TfConfig config = TfConfig.fromEnvironment().orElseThrow();
 * WorkerServer.start(config);                 // every task, before it compiles
 * MultiWorkerMirroredStrategy strategy = MultiWorkerMirroredStrategy.of(config);
 * try (Strategy.Scope scope = strategy.scope(); Model model = spec.compile("adam", "mse")) {
 *   model.fit(x, y, FitOptions.epochs(5));    // every task, with the same x, y and seed
 * }
 * }</pre>
 *
 * <p>In the collective design every task must make the same calls: compile the same model with the same
 * seed, then the same {@code fit} and {@code evaluate} (their steps meet in collectives; a task that
 * skips one leaves the others waiting until the timeout). {@code predict} is local to a task. A task
 * may compile several models one after another, each in its own session state; their
 * collectives take keys that run on across the process, so every task compiles its models in the same
 * order (a model compiled under the strategy by the chief alone would shift the others' keys).
 *
 * <p>What each task reads, in the collective design (Keras's auto-sharding by task index; every task
 * runs the same steps, a task may get one row fewer than another of a batch, or none):
 * <ul>
 *   <li>{@code fit(x, y)}, {@code evaluate(x, y)} and fit's validation (data or split): every task
 *       holds the arrays and makes tensors of its contiguous share of each batch only
 *       ({@link CollectiveGroup#share}); the loss and metric totals are summed over the tasks, so
 *       every task reports the global figures.</li>
 *   <li>{@code fit(BatchSequence)}: each task trains on its share of each batch the sequence makes,
 *       which it asks for with {@link io.tfbridge.data.BatchSequence#getShard}. A sequence of your
 *       own makes the whole batch on every task and cuts it (Keras's {@code DATA} policy: give it the
 *       same seed on every task); {@code ImageDataGenerator.flow} augments only the task's rows, and
 *       {@code flow_from_directory} ({@code DirectoryIterator}) reads only the files of the task's
 *       rows (Keras's {@code FILE} policy), each row with the transform it has in the whole
 *       batch.</li>
 * </ul>
 *
 * <p>The chief alone writes files ({@link io.tfbridge.models.Model#isChief()}): {@code ModelCheckpoint},
 * {@code BackupAndRestore} and {@code TensorBoard} write nothing on the other tasks; every task
 * restores a {@code BackupAndRestore} backup, so its directory must be one every task sees.
 *
 * <p>A blocking operation that waits longer than {@link #operationTimeout} (a worker gone, for
 * instance) fails the step instead of hanging; in the collective design it is also each collective's
 * {@code timeout_seconds}, and a failed step's {@link IllegalStateException} names the tasks that no
 * longer answer (a TCP probe of each: {@link CollectiveGroup#unreachableTasks()}), e.g.
 * {@code The training step of worker:0 (one of 3 tasks training together) failed: worker:1 at
 * 10.0.0.2:2222 is unreachable}. Restart every task; a {@code BackupAndRestore} callback resumes from
 * its last backup.
 */
public final class MultiWorkerMirroredStrategy implements Strategy {
  /** How long a step may wait on a worker before failing, unless set otherwise. */
  public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(60);

  private final TfConfig config;
  private final Duration operationTimeout;
  private final boolean collective;

  private MultiWorkerMirroredStrategy(TfConfig config, Duration operationTimeout, boolean collective) {
    this.config = config;
    this.operationTimeout = operationTimeout;
    this.collective = collective;
  }

  /** The collective (between-graph) strategy of the cluster and task {@code config} describes. */
  public static MultiWorkerMirroredStrategy of(TfConfig config) {
    return new MultiWorkerMirroredStrategy(config, DEFAULT_OPERATION_TIMEOUT, true);
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

  /**
   * A copy in the in-graph design: only the chief compiles, one replica per worker, and feeds every
   * worker's share of every batch through its session. Kept for {@code tfbridge bench --workers}'s
   * comparison; train with the collective design ({@link #of}).
   */
  public MultiWorkerMirroredStrategy inGraph() {
    return new MultiWorkerMirroredStrategy(config, operationTimeout, false);
  }

  /** Whether every task trains in its own process (the default), rather than the chief alone. */
  public boolean isCollective() {
    return collective;
  }

  /** A copy whose steps fail after waiting {@code timeout} on a blocking operation. */
  public MultiWorkerMirroredStrategy operationTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("operation timeout must be positive, found " + timeout);
    }
    return new MultiWorkerMirroredStrategy(config, timeout, collective);
  }

  /** The step timeout. */
  public Duration operationTimeout() {
    return operationTimeout;
  }

  /** The cluster and this task. */
  public TfConfig config() {
    return config;
  }

  /** Whether this task is the chief (worker 0 without a chief job). */
  public boolean isChief() {
    return config.isChief();
  }

  /**
   * Collective: this task's one replica, its session on its own server, filtered to its own task.
   * In-graph: one replica per worker, the weights on the chief's device, the session on the chief's
   * server.
   *
   * @throws IllegalStateException in-graph, on a task that is not the chief (only the chief
   *     compiles); collective, on a cluster with jobs other than {@code worker}
   */
  @Override
  public Replicas replicas() {
    return collective ? collectiveReplicas() : inGraphReplicas();
  }

  private Replicas collectiveReplicas() {
    List<CollectiveGroup.Member> members = members(config);
    int task = members.indexOf(new CollectiveGroup.Member(config.taskType() + ":" + config.taskIndex(),
        config.address()));
    String device = TfConfig.taskDevice(config.taskType(), config.taskIndex());
    // isolate_session_state: the variables live on the task's server, where every session would
    // otherwise share them by name (a second model's batch_normalization/moving_mean, the first's)
    ConfigProto session = ConfigProto.newBuilder()
        .setOperationTimeoutInMs(operationTimeout.toMillis())
        .setIsolateSessionState(true)
        .addDeviceFilters(device.replace("/replica:0", ""))
        .setExperimental(ConfigProto.Experimental.newBuilder()
            .setCollectiveGroupLeader(WorkerServer.collectiveGroupLeader(config)))
        .build();
    CollectiveGroup group = new CollectiveGroup(members.size(), task, CollectiveGroup.DEFAULT_GROUP_KEY,
        operationTimeout.toMillis() / 1000.0, members);
    String cpu = device + "/device:CPU:0";
    return new Replicas(List.of(cpu), session, cpu, config.target(), group);
  }

  /**
   * The collective group's tasks, as Python's strategy orders them: the {@code chief} (if the cluster
   * has one), then the {@code worker}s.
   */
  private static List<CollectiveGroup.Member> members(TfConfig config) {
    List<String> chief = config.cluster().getOrDefault(TfConfig.CHIEF, List.of());
    if (chief.size() > 1 || !config.cluster().keySet().stream()
        .allMatch(job -> job.equals(TfConfig.CHIEF) || job.equals(TfConfig.WORKER))) {
      throw new IllegalStateException("The collective MultiWorkerMirroredStrategy expects a \"worker\" "
          + "job and at most one \"chief\" task, found jobs " + config.cluster()
          + " (this task is " + config.taskType() + ":" + config.taskIndex() + ")");
    }
    List<CollectiveGroup.Member> members = new ArrayList<>();
    for (String job : List.of(TfConfig.CHIEF, TfConfig.WORKER)) {
      List<String> addresses = config.cluster().getOrDefault(job, List.of());
      for (int i = 0; i < addresses.size(); i++) {
        members.add(new CollectiveGroup.Member(job + ":" + i, addresses.get(i)));
      }
    }
    return members;
  }

  private Replicas inGraphReplicas() {
    if (!isChief()) {
      throw new IllegalStateException("Only the chief compiles a model under an in-graph "
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

package io.tfbridge.distribute;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tensorflow.Server;
import org.tensorflow.proto.ClusterDef;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.JobDef;
import org.tensorflow.proto.ServerDef;

/**
 * The in-process TensorFlow gRPC server of one cluster task, started from a {@link TfConfig}.
 *
 * <p>The {@link ServerDef} holds every job of the TF_CONFIG cluster ({@code worker}, and {@code chief} if
 * present), this task's job name and index, and protocol {@code grpc}. Once started, ops placed on
 * {@code /job:worker/replica:0/task:i} (see {@link #device()}) run in task {@code i}'s process, and a
 * {@link RemoteSession} opened on {@link #target()} (any task's target) drives the whole cluster.
 * Its default session config names the collective group leader, {@link #collectiveGroupLeader}, which
 * every task's collectives (between-graph replication) must agree on: set only in a session's config,
 * TensorFlow's collectives time out waiting for one another.
 *
 * <p><b>A started server cannot be stopped.</b> In TensorFlow Java 1.1.0 {@code Server.stop()} and
 * {@code Server.close()} throw "Clean shutdown is not currently implemented", so this class is not
 * {@link AutoCloseable}: the server lives until the JVM exits, and a worker process ends by exiting
 * (after {@link #join()}, by {@code System.exit}, or by being killed). Started servers are held in a
 * static list so garbage collection never frees their native handles while TensorFlow still uses them.
 * Its port stays bound until then, so start each task once per JVM.
 */
public final class WorkerServer {
  private static final List<Server> LIVE = new CopyOnWriteArrayList<>();

  private final TfConfig config;
  private final Server server;

  private WorkerServer(TfConfig config, Server server) {
    this.config = config;
    this.server = server;
  }

  /** Starts this task's server with TensorFlow's default session config. */
  public static WorkerServer start(TfConfig config) {
    return start(config, null);
  }

  /**
   * Starts this task's server.
   *
   * @param sessionConfig the default config of sessions the server runs (e.g. a CPU
   *     {@code device_count} to give the task several logical devices), or null for the default
   * @throws IllegalStateException if TensorFlow refuses the server (for example, the port is in use)
   */
  public static WorkerServer start(TfConfig config, ConfigProto sessionConfig) {
    ServerDef def = serverDef(config, sessionConfig);
    Server server;
    try {
      server = new Server(def);
      server.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException("Could not start the TensorFlow server for task " + config.taskType()
          + ":" + config.taskIndex() + " at " + config.address() + ": " + e.getMessage(), e);
    }
    LIVE.add(server);
    return new WorkerServer(config, server);
  }

  /** The {@link ServerDef} {@link #start} uses: the whole cluster, this task, protocol grpc. */
  public static ServerDef serverDef(TfConfig config, ConfigProto sessionConfig) {
    ClusterDef.Builder cluster = ClusterDef.newBuilder();
    for (Map.Entry<String, List<String>> job : config.cluster().entrySet()) {
      JobDef.Builder jobDef = JobDef.newBuilder().setName(job.getKey());
      List<String> addresses = job.getValue();
      for (int i = 0; i < addresses.size(); i++) {
        jobDef.putTasks(i, addresses.get(i));
      }
      cluster.addJob(jobDef);
    }
    ServerDef.Builder def = ServerDef.newBuilder()
        .setCluster(cluster)
        .setJobName(config.taskType())
        .setTaskIndex(config.taskIndex())
        .setProtocol("grpc");
    ConfigProto base = sessionConfig != null ? sessionConfig : ConfigProto.getDefaultInstance();
    ConfigProto.Experimental.Builder experimental = base.getExperimental().toBuilder();
    if (experimental.getCollectiveGroupLeader().isEmpty()) {
      experimental.setCollectiveGroupLeader(collectiveGroupLeader(config));
    }
    def.setDefaultSessionConfig(base.toBuilder().setExperimental(experimental));
    return def.build();
  }

  /**
   * The task that resolves the cluster's collective groups: {@code /job:chief/replica:0/task:0} when
   * the cluster has a chief job, else {@code /job:worker/replica:0/task:0} (Python's choice).
   */
  public static String collectiveGroupLeader(TfConfig config) {
    return TfConfig.taskDevice(config.cluster().containsKey(TfConfig.CHIEF) ? TfConfig.CHIEF
        : TfConfig.WORKER, 0);
  }

  /** The session target of this task, {@code grpc://host:port}. */
  public String target() {
    return config.target();
  }

  /** This task's device prefix, {@code /job:<type>/replica:0/task:<index>}. */
  public String device() {
    return TfConfig.taskDevice(config.taskType(), config.taskIndex());
  }

  /** The config this server was started from. */
  public TfConfig config() {
    return config;
  }

  /**
   * Blocks the calling thread while the server runs, which is until the process exits: what a non-chief
   * worker's {@code main} does after starting its server.
   */
  public void join() {
    server.join();
  }

  @Override
  public String toString() {
    return "WorkerServer{" + config.taskType() + ":" + config.taskIndex() + " at " + target() + "}";
  }
}

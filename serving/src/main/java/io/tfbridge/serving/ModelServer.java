package io.tfbridge.serving;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A running TF-Serving-compatible REST server over its models' versions: Netty on the port, a
 * bounded pool of model threads (with batching, also the batch threads), a poller that picks up new versions and one that re-reads the
 * model config file (models added are loaded, removed ones unloaded, policies and labels changed;
 * a file that is bad keeps the config in force and is logged). Close it to stop: it stops
 * accepting, lets the requests in flight finish (up to the request timeout), then frees the models;
 * close is idempotent.
 *
 * <pre>{@code
 * try (ModelServer server = ModelServer.start(ServerConfig.of("iris", dir).port(0))) {
 *   int port = server.port();
 * }
 * }</pre>
 */
public final class ModelServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ModelServer.class.getName());

  private final ServerConfig config;
  private final ServedModels served;
  private final ServingMetrics metrics = new ServingMetrics();
  private final ThreadPoolExecutor models;
  private final BatchScheduler batches;
  private final ScheduledExecutorService poller;
  private final EventLoopGroup group;
  private final Channel channel;
  private boolean closed;

  private ModelServer(ServerConfig config) throws InterruptedException {
    this.config = config;
    this.served = new ServedModels(config.unsafeOps(),
        config.allowVersionLabelsForUnavailableModels());
    try {
      served.start(config.models());
    } catch (RuntimeException e) {
      served.close();
      throw e;
    }
    metrics.loaded(served.loadedVersions());
    this.models = new ThreadPoolExecutor(config.threads(), config.threads(), 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(Math.max(1, config.maxQueue())), daemon("tfbridge-model"));
    this.poller = Executors.newSingleThreadScheduledExecutor(daemon("tfbridge-poll"));
    every(config.pollInterval(), this::refresh);
    if (config.modelConfigFile() != null) {
      every(config.modelConfigFilePollInterval(), this::reload);
    }
    this.group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    this.batches = config.batching() == null ? null
        : new BatchScheduler(config.batching(), metrics);
    RestHandler handler = new RestHandler(new RestApi(served, batches), models,
        config.timeout().toNanos(), metrics);
    this.channel = bind(handler);
  }

  /** Listens on the port; if it cannot, frees what the server holds and says why. */
  private Channel bind(RestHandler handler) throws InterruptedException {
    try {
      return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new HttpServerCodec(),
                  new HttpObjectAggregator(config.maxBodyBytes()), handler);
            }
          }).bind(config.port()).sync().channel();
    } catch (InterruptedException e) {
      release();
      throw e;
    } catch (Exception e) { // Netty rethrows the bind's IOException unchecked
      release();
      throw new IllegalStateException("Could not listen on port " + config.port() + ": "
          + e.getMessage(), e);
    }
  }

  /** Frees the threads and models of a server that did not start. */
  private void release() {
    poller.shutdownNow();
    models.shutdownNow();
    if (batches != null) {
      batches.close(0);
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    served.close();
  }

  /**
   * Loads the models' versions and starts serving them.
   *
   * @throws IllegalArgumentException if a version label names a version that is not AVAILABLE
   *     (unless the config allows it)
   * @throws IllegalStateException if the port cannot be bound or the start is interrupted
   */
  public static ModelServer start(ServerConfig config) {
    try {
      return new ModelServer(config);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting the server", e);
    }
  }

  /** Runs {@code task} on the poller every {@code interval} (0: never). */
  private void every(java.time.Duration interval, Runnable task) {
    if (!interval.isZero()) {
      long ms = interval.toMillis();
      poller.scheduleWithFixedDelay(task, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  private void refresh() {
    served.refresh();
    metrics.loaded(served.loadedVersions());
  }

  /** Re-reads the model config file; a bad one keeps the config in force and is logged. */
  private void reload() {
    try {
      if (served.apply(ModelConfigFile.read(config.modelConfigFile(), true))) {
        LOG.log(System.Logger.Level.INFO, "Applied the model config file "
            + config.modelConfigFile() + ": serving " + served.loadedVersions().keySet());
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "Kept the model config in force: " + e.getMessage());
    }
    metrics.loaded(served.loadedVersions());
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread t = new Thread(runnable, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** The port the server listens on. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** The names of the models served, sorted. */
  public Set<String> models() {
    return new TreeSet<>(served.all().keySet());
  }

  /**
   * The versions of model {@code name} being served, sorted (empty if it is not served).
   */
  public SortedSet<Long> versions(String name) {
    ServedModel model = served.find(name);
    return model == null ? new TreeSet<>() : new TreeSet<>(model.versions().keySet());
  }

  /** The versions being served of the only model, sorted. */
  public SortedSet<Long> versions() {
    return versions(only());
  }

  /** The versions of model {@code name} that failed to load, with their errors. */
  public Map<Long, String> failures(String name) {
    ServedModel model = served.find(name);
    return model == null ? Map.of() : Map.copyOf(model.failures());
  }

  /** The versions of the only model that failed to load, with their errors. */
  public Map<Long, String> failures() {
    return failures(only());
  }

  private String only() {
    Set<String> names = models();
    if (names.size() != 1) {
      throw new IllegalStateException("The server serves " + names.size() + " models " + names
          + ": name one");
    }
    return names.iterator().next();
  }

  /** Stops accepting, drains the requests in flight, frees the models. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    channel.close().syncUninterruptibly();
    poller.shutdownNow();
    models.shutdown();
    try {
      models.awaitTermination(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (batches != null) {
      batches.close(config.timeout().toMillis());
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    served.close();
  }
}

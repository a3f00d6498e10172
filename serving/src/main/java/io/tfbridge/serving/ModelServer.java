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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A running TF-Serving-compatible REST server over one model's versions: Netty on the port, a
 * bounded pool of model threads, and a poller that picks up new versions. Close it to stop: it
 * stops accepting, lets the requests in flight finish (up to the request timeout), then frees the
 * models; close is idempotent.
 *
 * <pre>{@code
 * try (ModelServer server = ModelServer.start(ServerConfig.of("iris", dir).port(0))) {
 *   int port = server.port();
 * }
 * }</pre>
 */
public final class ModelServer implements AutoCloseable {
  private final ServerConfig config;
  private final ServedModel model;
  private final ServingMetrics metrics = new ServingMetrics();
  private final ThreadPoolExecutor models;
  private final ScheduledExecutorService poller;
  private final EventLoopGroup group;
  private final Channel channel;
  private boolean closed;

  private ModelServer(ServerConfig config) throws InterruptedException {
    this.config = config;
    this.model = new ServedModel(config.modelName(), config.basePath(), config.versionPolicy(),
        config.unsafeOps());
    refresh();
    this.models = new ThreadPoolExecutor(config.threads(), config.threads(), 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(Math.max(1, config.maxQueue())), daemon("tfbridge-model"));
    this.poller = Executors.newSingleThreadScheduledExecutor(daemon("tfbridge-poll"));
    if (!config.pollInterval().isZero()) {
      long ms = config.pollInterval().toMillis();
      poller.scheduleWithFixedDelay(this::refresh, ms, ms, TimeUnit.MILLISECONDS);
    }
    this.group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    RestHandler handler = new RestHandler(new RestApi(model), models,
        config.timeout().toNanos(), metrics);
    this.channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(),
                new HttpObjectAggregator(config.maxBodyBytes()), handler);
          }
        }).bind(config.port()).sync().channel();
  }

  /**
   * Loads the model's versions and starts serving them.
   *
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

  private void refresh() {
    model.refresh();
    metrics.loaded(model.name(), model.versions().size());
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

  /** The versions being served, highest last. */
  public java.util.Set<Long> versions() {
    return java.util.Set.copyOf(model.versions().keySet());
  }

  /** The versions that failed to load, with their errors. */
  public java.util.Map<Long, String> failures() {
    return java.util.Map.copyOf(model.failures());
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
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    model.close();
  }
}

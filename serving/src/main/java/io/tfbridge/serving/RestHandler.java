package io.tfbridge.serving;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Netty side of the REST API: routes each whole request, answers status and metadata on the
 * event loop, and runs predictions on the bounded model executor (a full queue answers 429, a
 * request that waited past the timeout 503), writing the answer back from there, or, for a
 * request waiting in a batch, from the batch thread once its batch has run. A prediction not
 * answered within the request timeout gets 503 then, whether it waited or was running (a run goes
 * on and its result is dropped).
 */
@ChannelHandler.Sharable
final class RestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  /** What the handler asks of the API ({@link RestApi}). */
  interface Api {
    /** Answers a request that runs no model. */
    RestApi.Answer answer(Route route);

    /** Starts a prediction, to be answered by {@code deadline} ({@link System#nanoTime()}). */
    CompletableFuture<RestApi.Answer> predict(Route route, byte[] body, long deadline);
  }

  private final Api api;
  private final ExecutorService models;
  private final long timeoutNanos;
  private final ServingMetrics metrics;

  RestHandler(Api api, ExecutorService models, long timeoutNanos, ServingMetrics metrics) {
    this.api = api;
    this.models = models;
    this.timeoutNanos = timeoutNanos;
    this.metrics = metrics;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    long start = System.nanoTime();
    if (!request.decoderResult().isSuccess()) {
      reply(ctx, RestApi.Answer.error(400, "Malformed HTTP request"), keepAlive, null, start);
      return;
    }
    Route route;
    try {
      route = Route.of(request.method().name(), new QueryStringDecoder(request.uri()).path());
    } catch (ServingException e) {
      reply(ctx, RestApi.Answer.error(e.status(), e.getMessage()), keepAlive, null, start);
      return;
    }
    if (route.kind() == Route.Kind.METRICS) {
      reply(ctx, metrics.scrape(), keepAlive, route, start);
    } else if (route.kind() == Route.Kind.PREDICT || route.kind() == Route.Kind.CLASSIFY
        || route.kind() == Route.Kind.REGRESS) {
      submit(ctx, route, ByteBufUtil.getBytes(request.content()), keepAlive, start);
    } else {
      reply(ctx, guarded(() -> api.answer(route)), keepAlive, route, start);
    }
  }

  private void submit(ChannelHandlerContext ctx, Route route, byte[] body, boolean keepAlive,
      long start) {
    Reply once = new Reply(ctx, keepAlive, route, start);
    try {
      metrics.queued(1);
      models.execute(() -> {
        metrics.queued(-1);
        if (System.nanoTime() - start > timeoutNanos) {
          once.send(RestApi.Answer.error(503, "The request timed out waiting for a model thread"));
          return;
        }
        predict(route, body, start + timeoutNanos).whenComplete((answer, error) ->
            once.send(answer != null ? answer : RestApi.failed(error)));
      });
      once.deadline(timeoutNanos - (System.nanoTime() - start));
    } catch (RejectedExecutionException e) {
      metrics.queued(-1);
      once.send(RestApi.Answer.error(429, "The server is overloaded: its queue of requests is "
          + "full; retry later"));
    }
  }

  /**
   * One request's answer, sent once: by the model's completion or, if that comes too late, by the
   * request timeout (the run goes on and its result is dropped).
   */
  private final class Reply {
    private final ChannelHandlerContext ctx;
    private final boolean keepAlive;
    private final Route route;
    private final long start;
    private final AtomicBoolean sent = new AtomicBoolean();
    private volatile ScheduledFuture<?> timer;

    Reply(ChannelHandlerContext ctx, boolean keepAlive, Route route, long start) {
      this.ctx = ctx;
      this.keepAlive = keepAlive;
      this.route = route;
      this.start = start;
    }

    void deadline(long nanos) {
      timer = ctx.executor().schedule(() -> send(RestApi.Answer.error(503, "The request timed "
          + "out after " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms")), Math.max(0, nanos),
          TimeUnit.NANOSECONDS);
      if (sent.get()) {
        timer.cancel(false);
      }
    }

    void send(RestApi.Answer answer) {
      if (sent.compareAndSet(false, true)) {
        ScheduledFuture<?> t = timer;
        if (t != null) {
          t.cancel(false);
        }
        reply(ctx, answer, keepAlive, route, start);
      }
    }
  }

  /** The prediction's answer, when it comes; a failure to start is an answer too. */
  private CompletableFuture<RestApi.Answer> predict(Route route, byte[] body, long deadline) {
    try {
      return api.predict(route, body, deadline);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(RestApi.failed(e));
    }
  }

  private static RestApi.Answer guarded(java.util.function.Supplier<RestApi.Answer> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return RestApi.failed(e);
    }
  }

  private void reply(ChannelHandlerContext ctx, RestApi.Answer answer, boolean keepAlive,
      Route route, long start) {
    metrics.request(route, answer, System.nanoTime() - start);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, route != null
        && route.kind() == Route.Kind.METRICS ? "text/plain; version=0.0.4; charset=utf-8"
        : "application/json");
    HttpUtil.setContentLength(response, answer.body().length);
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(response);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}

package io.tfbridge.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The request timeout holds while a model runs: the client gets 503 at the deadline, not when the
 * run ends, and the late result is dropped (one answer per request).
 */
class RequestTimeoutTest {
  private final CountDownLatch gate = new CountDownLatch(1);
  private final CountDownLatch running = new CountDownLatch(1);
  private final ExecutorService models = Executors.newFixedThreadPool(1);

  /** An API whose predictions run until the gate opens. */
  private final RestHandler.Api slow = new RestHandler.Api() {
    @Override
    public RestApi.Answer answer(Route route) {
      return RestApi.Answer.ok();
    }

    @Override
    public CompletableFuture<RestApi.Answer> predict(Route route, byte[] body, long deadline) {
      running.countDown();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return CompletableFuture.completedFuture(RestApi.Answer.ok());
    }
  };

  @AfterEach
  void stop() {
    gate.countDown();
    models.shutdownNow();
  }

  @Test
  void aRunLongerThanTheTimeoutIsAnswered503AtTheDeadline() throws Exception {
    EmbeddedChannel channel = new EmbeddedChannel(new RestHandler(slow, models,
        TimeUnit.MILLISECONDS.toNanos(200), new ServingMetrics()));
    channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
        "/v1/models/m:predict", Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8)));
    assertTrue(running.await(10, TimeUnit.SECONDS), "the prediction started");
    assertNull(channel.readOutbound(), "no answer while the run is within its time");
    Thread.sleep(300);
    channel.runScheduledPendingTasks();
    FullHttpResponse timedOut = channel.readOutbound();
    assertEquals(503, timedOut.status().code());
    assertEquals("{\"error\":\"The request timed out after 200 ms\"}",
        timedOut.content().toString(StandardCharsets.UTF_8));
    timedOut.release();
    gate.countDown(); // the run ends late: its answer is dropped
    models.shutdown();
    assertTrue(models.awaitTermination(10, TimeUnit.SECONDS));
    channel.runPendingTasks();
    assertNull(channel.readOutbound(), "one answer per request");
  }
}

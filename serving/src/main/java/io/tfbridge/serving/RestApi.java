package io.tfbridge.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tfbridge.inference.Predictor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.tensorflow.ndarray.NdArray;

/**
 * TF Serving's REST API over the served models, without the transport: a route and a body in, a
 * status and a JSON body out. Errors are {@code {"error": "..."}} with TF Serving's statuses. A
 * version label resolves to its version for metadata and predictions; a status request with a
 * label answers every version's status, as TF Serving's does (it ignores the label). With
 * batching, a {@code :predict} whose inputs can be batched waits in its version's batch queue.
 */
final class RestApi implements RestHandler.Api {
  /**
   * An answer: HTTP status, JSON body, and the version that answered (null if none did).
   *
   * @param status the HTTP status
   * @param body the JSON body
   * @param version the model version used, or null
   */
  record Answer(int status, byte[] body, Long version) {
    Answer(int status, byte[] body) {
      this(status, body, null);
    }

    static Answer json(JsonNode node) {
      try {
        return new Answer(200, PredictRequest.JSON.writeValueAsBytes(node));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    static Answer ok() {
      return new Answer(200, "{}".getBytes(StandardCharsets.UTF_8));
    }

    static Answer error(int status, String message) {
      return new Answer(status, PredictRequest.JSON.createObjectNode().put("error", message)
          .toString().getBytes(StandardCharsets.UTF_8));
    }

    /** This answer, given by {@code number}. */
    Answer by(long number) {
      return new Answer(status, body, number);
    }
  }

  private final ServedModels models;
  private final BatchScheduler batches;

  /** The API over {@code models}, batching predictions with {@code batches} (null: never). */
  RestApi(ServedModels models, BatchScheduler batches) {
    this.models = models;
    this.batches = batches;
  }

  /** Answers a request that needs no model run: status, metadata, health. */
  @Override
  public Answer answer(Route route) {
    return switch (route.kind()) {
      case STATUS -> Answer.json(Metadata.status(route.model(), models.find(route.model()),
          route.version()));
      case METADATA -> withVersion(route, v -> Answer.json(Metadata.of(route.model(), v)));
      case LIVE -> Answer.ok();
      case READY -> ready();
      default -> throw new IllegalArgumentException(route.kind() + " runs the model: use predict");
    };
  }

  private Answer ready() {
    List<String> unavailable = models.unavailable();
    return unavailable.isEmpty() ? Answer.ok() : Answer.error(503, "model(s) " + unavailable
        + " have no AVAILABLE version");
  }

  /**
   * Runs {@code :predict}, {@code :classify} or {@code :regress}: answered at once, or, for a
   * {@code :predict} that joins a batch, when its batch has run (the version held until then; a
   * batch that has not started by {@code deadline}, a {@link System#nanoTime} instant, answers
   * 503).
   */
  @Override
  public CompletableFuture<Answer> predict(Route route, byte[] body, long deadline) {
    if (route.kind() != Route.Kind.PREDICT) {
      return done(withVersion(route, v -> ExampleMethods.answer(route.kind(), v, body)));
    }
    if (batches == null) {
      return done(withVersion(route, v -> now(v, body)));
    }
    ModelVersion version = models.acquire(route.model(), route.version(), route.label());
    CompletableFuture<Answer> answer;
    try {
      answer = batched(route, version, body, deadline);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer.handle((a, e) -> (a != null ? a : failed(e)).by(version.number()))
        .whenComplete((a, e) -> version.release());
  }

  private static CompletableFuture<Answer> done(Answer answer) {
    return CompletableFuture.completedFuture(answer);
  }

  /** The answer to {@code error}, a request's failure (or a batch's). */
  static Answer failed(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (cause instanceof ServingException e) {
      return Answer.error(e.status(), e.getMessage());
    }
    return Answer.error(500, "Internal error: " + cause);
  }

  private static Answer now(ModelVersion version, byte[] body) {
    PredictRequest request = PredictRequest.parse(body, name -> version.signature(name).inputs());
    return now(version.signature(request.signatureName()), request);
  }

  private static Answer now(Predictor signature, PredictRequest request) {
    return new Answer(200, PredictResponse.write(run(signature, request.inputs()),
        request.rowFormat()));
  }

  /** The answer when its batch has run, or at once if the request cannot join a batch. */
  private CompletableFuture<Answer> batched(Route route, ModelVersion version, byte[] body,
      long deadline) {
    PredictRequest request = PredictRequest.parse(body, name -> version.signature(name).inputs());
    Predictor signature = version.signature(request.signatureName());
    long rows = BatchTensors.rows(signature.inputs(), request.inputs());
    if (rows < 0) {
      return done(now(signature, request));
    }
    return batches.schedule(version.queue(route.model(), signature), request.inputs(), rows,
        deadline).thenApply(outputs -> new Answer(200, PredictResponse.write(outputs,
            request.rowFormat())));
  }

  /** Runs {@code signature}; its refusal of the inputs is a 400 with its message. */
  static Map<String, NdArray<?>> run(Predictor signature,
      Map<String, ? extends NdArray<?>> inputs) {
    try {
      return signature.predict(inputs);
    } catch (IllegalArgumentException e) {
      throw ServingException.badRequest(e.getMessage());
    }
  }

  /** Runs {@code use} on the version {@code route} names; the answer, even an error, says which. */
  private Answer withVersion(Route route, java.util.function.Function<ModelVersion, Answer> use) {
    ModelVersion version = models.acquire(route.model(), route.version(), route.label());
    try {
      return use.apply(version).by(version.number());
    } catch (ServingException e) {
      return Answer.error(e.status(), e.getMessage()).by(version.number());
    } finally {
      version.release();
    }
  }
}

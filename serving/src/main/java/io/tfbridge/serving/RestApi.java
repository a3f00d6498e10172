package io.tfbridge.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tfbridge.inference.Predictor;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.tensorflow.ndarray.NdArray;

/**
 * TF Serving's REST API over the served models, without the transport: a route and a body in, a
 * status and a JSON body out. Errors are {@code {"error": "..."}} with TF Serving's statuses.
 */
final class RestApi {
  /** An answer: HTTP status and JSON body. */
  record Answer(int status, byte[] body) {
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
  }

  private final ServedModel model;

  RestApi(ServedModel model) {
    this.model = model;
  }

  /** Answers a request that needs no model run: status, metadata, health. */
  Answer answer(Route route) {
    return switch (route.kind()) {
      case STATUS -> Answer.json(Metadata.status(served(route), route.version()));
      case METADATA -> withVersion(route, v -> Answer.json(Metadata.of(model.name(), v)));
      case LIVE -> Answer.ok();
      case READY -> model.available() ? Answer.ok()
          : Answer.error(503, "model " + model.name() + " has no AVAILABLE version");
      default -> throw new IllegalArgumentException(route.kind() + " runs the model: use predict");
    };
  }

  /** Runs {@code :predict}, {@code :classify} or {@code :regress}. */
  Answer predict(Route route, byte[] body) {
    if (route.kind() != Route.Kind.PREDICT) {
      return withVersion(route, v -> ExampleMethods.answer(route.kind(), v, body));
    }
    return withVersion(route, v -> {
      PredictRequest request = PredictRequest.parse(body, name -> v.signature(name).inputs());
      Predictor signature = v.signature(request.signatureName());
      Map<String, NdArray<?>> outputs = run(signature, request.inputs());
      return new Answer(200, PredictResponse.write(outputs, request.rowFormat()));
    });
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

  private ServedModel served(Route route) {
    if (!route.model().equals(model.name())) {
      throw ServingException.notFound("Servable not found for request: Latest(" + route.model()
          + ")");
    }
    if (route.label() != null) {
      throw ServingException.notFound("Unrecognized servable version label: " + route.label());
    }
    return model;
  }

  private Answer withVersion(Route route, java.util.function.Function<ModelVersion, Answer> use) {
    ModelVersion version = served(route).acquire(route.version());
    try {
      return use.apply(version);
    } finally {
      version.release();
    }
  }
}

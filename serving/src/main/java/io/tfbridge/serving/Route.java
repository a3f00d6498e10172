package io.tfbridge.serving;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a request's method and path ask for, in TF Serving's REST API:
 * {@code GET /v1/models/NAME[/versions/N|/labels/L][/metadata]} and
 * {@code POST /v1/models/NAME[/versions/N|/labels/L]:predict|classify|regress}, plus the server's
 * own {@code /healthz}, {@code /readyz} and {@code /monitoring/prometheus/metrics}.
 *
 * @param kind what is asked
 * @param model the model name, or null
 * @param version the version asked for, or null (the latest)
 * @param label the version label asked for, or null
 */
public record Route(Kind kind, String model, Long version, String label) {
  /** The kinds of request. */
  public enum Kind {
    /** Model status. */
    STATUS,
    /** Signature metadata. */
    METADATA,
    /** {@code :predict}. */
    PREDICT,
    /** {@code :classify}. */
    CLASSIFY,
    /** {@code :regress}. */
    REGRESS,
    /** Liveness. */
    LIVE,
    /** Readiness. */
    READY,
    /** Prometheus metrics. */
    METRICS
  }

  private static final Pattern MODEL = Pattern.compile(
      "/v1/models/([^/:]+)(?:/versions/([^/:]+)|/labels/([^/:]+))?(/metadata|:[a-z]+)?/?");

  /**
   * The route of {@code method} and {@code path} (without the query).
   *
   * @throws ServingException 404 for a path or method the API does not have ("Malformed request",
   *     as TF Serving), 400 for a version that is not a number
   */
  public static Route of(String method, String path) {
    switch (path) {
      case "/healthz" -> {
        return new Route(Kind.LIVE, null, null, null);
      }
      case "/readyz" -> {
        return new Route(Kind.READY, null, null, null);
      }
      case "/monitoring/prometheus/metrics" -> {
        return new Route(Kind.METRICS, null, null, null);
      }
      default -> {
        return model(method, path);
      }
    }
  }

  private static Route model(String method, String path) {
    Matcher m = MODEL.matcher(path);
    if (!m.matches()) {
      throw ServingException.notFound("Malformed request: " + method + " " + path);
    }
    Long version = m.group(2) == null ? null : version(m.group(2));
    String suffix = m.group(4) == null ? "" : m.group(4);
    Kind kind = switch (suffix) {
      case "" -> Kind.STATUS;
      case "/metadata" -> Kind.METADATA;
      case ":predict" -> Kind.PREDICT;
      case ":classify" -> Kind.CLASSIFY;
      case ":regress" -> Kind.REGRESS;
      default -> throw ServingException.notFound("Malformed request: " + method + " " + path);
    };
    boolean post = kind == Kind.PREDICT || kind == Kind.CLASSIFY || kind == Kind.REGRESS;
    if (!method.equals(post ? "POST" : "GET")) {
      throw ServingException.notFound("Malformed request: " + method + " " + path);
    }
    return new Route(kind, m.group(1), version, m.group(3));
  }

  private static Long version(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ServingException.badRequest("Failed to convert version: " + text + " to numeric.");
    }
  }
}

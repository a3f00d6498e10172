package io.tfbridge.serving;

/**
 * A request the server answers with an error status and TF Serving's body,
 * {@code {"error": "..."}}: 400 for a bad request, 404 for an unknown model or version, 413 for a
 * body over the limit, 429 when the queue is full, 503 when it timed out waiting.
 */
public final class ServingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /** An error answered with HTTP {@code status} and {@code message}. */
  public ServingException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** A 400 Bad Request. */
  public static ServingException badRequest(String message) {
    return new ServingException(400, message);
  }

  /** A 404 Not Found. */
  public static ServingException notFound(String message) {
    return new ServingException(404, message);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }
}

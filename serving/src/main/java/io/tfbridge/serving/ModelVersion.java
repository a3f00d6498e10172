package io.tfbridge.serving;

import io.tfbridge.inference.Predictor;
import io.tfbridge.interop.savedmodel.SavedModelPredictor;
import io.tfbridge.interop.savedmodel.SavedModelSignature;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One loaded version of a served model, shared by the requests that use it: the server holds it
 * while it is served, each request while it runs; its native state is freed when the last holder
 * lets go after the server retired it, so requests in flight finish on the version they started on.
 */
final class ModelVersion {
  private final long number;
  private final Path path;
  private final Predictor predictor;
  /** The server's hold (1 while served) plus one per running request; 0 once closed. */
  private final AtomicInteger holders = new AtomicInteger(1);
  private final Map<String, Predictor> signatures = new ConcurrentHashMap<>();
  private final Map<Predictor, BatchScheduler.Queue> queues = new ConcurrentHashMap<>();

  ModelVersion(long number, Path path, Predictor predictor) {
    this.number = number;
    this.path = path;
    this.predictor = predictor;
  }

  /** The version number. */
  long number() {
    return number;
  }

  /** Where it was loaded from. */
  Path path() {
    return path;
  }

  /** The model; use it only between a successful {@link #acquire} and its {@link #release}. */
  Predictor predictor() {
    return predictor;
  }

  /**
   * The model's signature {@code key} (null: the default one), opened once and kept while the
   * version is loaded.
   *
   * @throws ServingException 400 if the model has no such signature
   */
  Predictor signature(String key) {
    if (key == null || key.isEmpty() || key.equals(defaultKey())) {
      return predictor;
    }
    if (!(predictor instanceof SavedModelPredictor saved)) {
      throw ServingException.badRequest("Serving signature name: \"" + key + "\" not found in "
          + "signature def; a Keras model has only \"serving_default\"");
    }
    return signatures.computeIfAbsent(key, k -> {
      try {
        return saved.signature(k);
      } catch (IllegalArgumentException e) {
        throw ServingException.badRequest("Serving signature name: \"" + k + "\" not found in "
            + "signature def: " + e.getMessage());
      }
    });
  }

  /**
   * The batch queue of {@code signature} (one of this version's), made once; requests in it hold
   * the version.
   */
  BatchScheduler.Queue queue(String model, Predictor signature) {
    return queues.computeIfAbsent(signature, s -> new BatchScheduler.Queue(model, s));
  }

  private String defaultKey() {
    return predictor instanceof SavedModelPredictor saved ? saved.signatureKey()
        : SavedModelSignature.SERVING_DEFAULT;
  }

  /** Takes a hold for a request; false if the version was retired and freed meanwhile. */
  boolean acquire() {
    while (true) {
      int n = holders.get();
      if (n == 0) {
        return false;
      }
      if (holders.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  /** Lets go of a hold; the last one closes the model. */
  void release() {
    if (holders.decrementAndGet() == 0) {
      signatures.values().forEach(Predictor::close);
      predictor.close();
    }
  }

  /** Whether the model is still loaded (not yet freed). */
  boolean loaded() {
    return holders.get() > 0;
  }
}

package io.tfbridge.serving;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The server's Prometheus metrics ({@code /monitoring/prometheus/metrics}): requests by model
 * ({@code other} for a name the server does not serve, so that clients cannot add series without
 * bound), version (the one that answered, else {@code none}), kind and status code; latency histograms by model and kind; the requests waiting for a model thread; the
 * versions loaded per model served; with batching, a histogram of the rows per batch run.
 */
final class ServingMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests = Counter.builder().name("tfbridge_requests_total")
      .help("Requests answered, by model (other: not served), version that answered (else "
          + "none), kind and HTTP status code")
      .labelNames("model", "version", "kind", "code").register(registry);
  private final Histogram latency = Histogram.builder().name("tfbridge_request_latency_seconds")
      .help("Time from a request's arrival to its answer, by model and kind")
      .classicUpperBounds(0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
          5, 10)
      .labelNames("model", "kind").register(registry);
  private final Gauge queue = Gauge.builder().name("tfbridge_queue_depth")
      .help("Requests waiting for a model thread").register(registry);
  private final Histogram batches = Histogram.builder().name("tfbridge_batch_size")
      .help("Rows of the requests in each batch run (--enable_batching), by model, before padding")
      .classicUpperBounds(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024)
      .labelNames("model").register(registry);
  private final Gauge loaded = Gauge.builder().name("tfbridge_loaded_versions")
      .help("Model versions loaded and AVAILABLE").labelNames("model").register(registry);

  private volatile Set<String> served = Set.of();

  /** Counts an answered request; {@code route} is null for one that did not route. */
  void request(Route route, RestApi.Answer answer, long nanos) {
    String model = route == null || route.model() == null ? ""
        : served.contains(route.model()) ? route.model() : "other";
    String version = answer.version() == null ? "none" : String.valueOf(answer.version());
    String kind = route == null ? "unrouted" : route.kind().name().toLowerCase(Locale.ROOT);
    requests.labelValues(model, version, kind, String.valueOf(answer.status())).inc();
    latency.labelValues(model, kind).observe(nanos / 1e9);
  }

  /** Counts a batch of {@code rows} rows run on {@code model}. */
  void batch(String model, long rows) {
    batches.labelValues(model).observe(rows);
  }

  /** Adds {@code delta} to the requests waiting. */
  void queued(int delta) {
    queue.inc(delta);
  }

  /** Sets the versions loaded of each model served; drops the models no longer served. */
  void loaded(Map<String, Integer> versions) {
    served = Set.copyOf(versions.keySet());
    versions.forEach((model, count) -> loaded.labelValues(model).set(count));
    loaded.removeIf(labels -> !versions.containsKey(labels.get(0)));
  }

  /** The metrics in Prometheus's text format. */
  RestApi.Answer scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RestApi.Answer(200, out.toByteArray());
  }
}

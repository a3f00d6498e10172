/**
 * Keras's metrics, by name ({@link io.tfbridge.metrics.Metrics#get(String)}, as
 * {@code model.compile(metrics=[...])} resolves strings) or as objects with Keras's options:
 * means of per-sample values ({@link io.tfbridge.metrics.Accuracy},
 * {@link io.tfbridge.metrics.TopKCategoricalAccuracy}, {@link io.tfbridge.metrics.LossMetric}) and
 * metrics of counts summed over an epoch ({@link io.tfbridge.metrics.Precision},
 * {@link io.tfbridge.metrics.Recall}, {@link io.tfbridge.metrics.AUC},
 * {@link io.tfbridge.metrics.FBetaScore}).
 */
package io.tfbridge.metrics;

/** Keras's metrics, resolved from their names the way {@code model.compile(metrics=...)} does. */
package io.tfbridge.metrics;

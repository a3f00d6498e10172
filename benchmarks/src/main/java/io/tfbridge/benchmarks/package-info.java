/**
 * JMH micro-benchmarks of the paths a service and a training loop take per call: one-row prediction
 * (against a bare TensorFlow Java {@code Session.run} of the same network), one training step, and the
 * copies between host arrays and tensors. Run with {@code benchmarks/run} (JMH's own options pass
 * through, e.g. {@code benchmarks/run OneRowPredict -f 1}). Figures are printed, never asserted.
 */
package io.tfbridge.benchmarks;

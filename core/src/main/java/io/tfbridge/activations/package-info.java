/**
 * Keras's activation functions by the names Keras writes in layer configs ({@code relu}, {@code gelu},
 * {@code silu}, {@code softmax}, ...), each built from ops that have gradients in TensorFlow Java.
 */
package io.tfbridge.activations;

/** Keras's activation functions ({@code relu}, {@code softmax}, ...), looked up by their Keras names. */
package io.tfbridge.activations;

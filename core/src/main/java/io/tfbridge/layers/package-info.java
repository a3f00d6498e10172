/**
 * Immutable layer specs with Keras's names, options and defaults: {@link io.tfbridge.layers.Dense},
 * {@link io.tfbridge.layers.Conv2D}, {@link io.tfbridge.layers.MaxPooling2D},
 * {@link io.tfbridge.layers.Flatten}, {@link io.tfbridge.layers.SimpleRNN},
 * {@link io.tfbridge.layers.Dropout} and {@link io.tfbridge.layers.Input}.
 *
 * <p>A spec knows its output shape and weights for an input shape and emits its forward ops; it owns no
 * native state. Incompatible inputs raise Keras's error, naming the layer and the full shape.
 */
package io.tfbridge.layers;

/**
 * Keras's losses ({@code sparse_categorical_crossentropy}, {@code categorical_crossentropy},
 * {@code binary_crossentropy}, {@code mean_squared_error}) as graph ops, by name or as objects.
 */
package io.tfbridge.losses;

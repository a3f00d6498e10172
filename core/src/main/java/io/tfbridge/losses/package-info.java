/**
 * Keras's losses as graph ops, by name ({@link io.tfbridge.losses.Losses#get}) or as objects: the
 * cross-entropies ({@code sparse_categorical_crossentropy}, {@code categorical_crossentropy},
 * {@code binary_crossentropy}), the regression losses ({@code mean_squared_error},
 * {@code mean_absolute_error}, {@code mean_absolute_percentage_error},
 * {@code mean_squared_logarithmic_error}, {@code huber}, {@code log_cosh},
 * {@code cosine_similarity}), the probabilistic ones ({@code kl_divergence}, {@code poisson}) and
 * the hinges ({@code hinge}, {@code squared_hinge}, {@code categorical_hinge}).
 */
package io.tfbridge.losses;

/**
 * Keras's weight initializers: {@link io.tfbridge.initializers.VarianceScaling} and its presets
 * (Glorot, He and Lecun, normal and uniform), {@code RandomUniform}, {@code RandomNormal},
 * {@code TruncatedNormal}, {@code Orthogonal}, {@code Identity}, {@code Constant}, {@code Zeros} and
 * {@code Ones}. Values are drawn on the host from a seeded generator, so a seed makes a run repeatable;
 * they are not numpy's or TensorFlow's draws, but follow Keras's distributions, bounds and scales.
 */
package io.tfbridge.initializers;

/**
 * Keras's learning-rate schedules ({@code keras.optimizers.schedules}): the rate as a function of
 * the optimizer's step, computed in the graph with Keras's float32 arithmetic, read from and
 * written to Keras files: {@link io.tfbridge.optimizers.schedules.ExponentialDecay},
 * {@link io.tfbridge.optimizers.schedules.PiecewiseConstantDecay},
 * {@link io.tfbridge.optimizers.schedules.PolynomialDecay},
 * {@link io.tfbridge.optimizers.schedules.InverseTimeDecay},
 * {@link io.tfbridge.optimizers.schedules.CosineDecay} (with its linear warmup) and
 * {@link io.tfbridge.optimizers.schedules.CosineDecayRestarts}.
 */
package io.tfbridge.optimizers.schedules;

/**
 * Keras's learning-rate schedules ({@code keras.optimizers.schedules}): the rate as a function of
 * the optimizer's step, computed in the graph, read from and written to Keras files.
 */
package io.tfbridge.optimizers.schedules;

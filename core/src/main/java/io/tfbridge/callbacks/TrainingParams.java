package io.tfbridge.callbacks;

/**
 * What a callback learns about a run before it starts (Keras's {@code callback.params}).
 *
 * @param epochs the epoch training ends at (Keras's {@code epochs}; 1 for evaluate and predict)
 * @param steps the batches per epoch (or per evaluation/prediction)
 * @param verbose the run's verbosity: 0 silent, 1 progress bar, 2 one line per epoch
 */
public record TrainingParams(int epochs, int steps, int verbose) {}

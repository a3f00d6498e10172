package io.tfbridge.models;

/**
 * Where a fit loop's training batches come from: a fixed number per epoch, handed out in training
 * order; the caller closes each batch, and the source when the fit ends.
 */
interface TrainBatches extends AutoCloseable {
  /** The number of batches per epoch. */
  int steps();

  /** The next batch. */
  Batch next();

  @Override
  void close();
}

package io.tfbridge.interop.callbacks;

/**
 * When a saving callback saves: at each epoch's end, or every {@code n} training batches counted
 * across epochs (Keras's {@code save_freq} and its {@code _should_save_on_batch}).
 */
final class SaveFrequency {
  private final int batches;
  private int seenSinceSave;
  private int lastBatch = -1;

  /** {@code batches} batches between saves; 0 to save at epoch ends. */
  SaveFrequency(int batches) {
    this.batches = batches;
  }

  /** Whether saves happen at epoch ends. */
  boolean perEpoch() {
    return batches == 0;
  }

  /** Counts the training batch {@code batch} (from 0, restarting each epoch); true when it is time to save. */
  boolean batchEnded(int batch) {
    if (perEpoch()) {
      return false;
    }
    seenSinceSave += batch <= lastBatch ? batch + 1 : batch - lastBatch;
    lastBatch = batch;
    if (seenSinceSave >= batches) {
      seenSinceSave = 0;
      return true;
    }
    return false;
  }

  /** Keras's {@code save_freq} value as text: {@code epoch} or the number of batches. */
  @Override
  public String toString() {
    return perEpoch() ? "epoch" : Integer.toString(batches);
  }
}

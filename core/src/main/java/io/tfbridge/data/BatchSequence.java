package io.tfbridge.data;

/**
 * Batches by index, a fixed number per epoch: Keras's {@code PyDataset} (formerly
 * {@code keras.utils.Sequence}), which {@code model.fit} takes instead of arrays, as the lesson's
 * {@code model.fit(datagen.flow(x, y, batch_size=32))} does. The model asks for the batches of an epoch
 * in order, ahead of training on a background thread (up to {@link #maxQueueSize()} batches), and calls
 * {@link #onEpochEnd()} once the sequence has handed out its last batch of an epoch.
 *
 * <pre>{@code
 * BatchSequence halves = new BatchSequence() {   // x and y hold 10 samples
 *   public int size() { return 2; }
 *   public DataBatch get(int index) {
 *     var rows = Indices.range(5L * index, 5L * index + 5);
 *     return DataBatch.of(x.slice(rows), y.slice(rows));
 *   }
 * };
 * model.fit(halves, FitOptions.epochs(3));
 * }</pre>
 *
 * <p>{@link #get} is called from one background thread, one index at a time.
 */
public interface BatchSequence {
  /** The number of batches in an epoch (Keras's {@code __len__}). */
  int size();

  /** Batch {@code index}, {@code 0 <= index < size()} (Keras's {@code __getitem__}). */
  DataBatch get(int index);

  /** Called after the last batch of an epoch was taken, e.g. to reshuffle (Keras's {@code on_epoch_end}). */
  default void onEpochEnd() {}

  /**
   * How many batches may wait, made ahead of training (Keras's {@code max_queue_size}, default 10);
   * lower it when batches are large.
   */
  default int maxQueueSize() {
    return 10;
  }
}

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
 *
 * <p>Under a collective {@code MultiWorkerMirroredStrategy} every task trains on its own rows of each
 * batch, which it asks for with {@link #getShard} (Keras's auto-sharding by task index): by default
 * the whole batch is made and cut (Keras's {@code DATA} policy); a source that can make only some
 * rows overrides it ({@code flow_from_directory} reads only the files of the task's rows, as Keras's
 * {@code FILE} policy shards the file list).
 */
public interface BatchSequence {
  /** The number of batches in an epoch (Keras's {@code __len__}). */
  int size();

  /** Batch {@code index}, {@code 0 <= index < size()} (Keras's {@code __getitem__}). */
  DataBatch get(int index);

  /**
   * Shard {@code shardIndex} of {@code numShards} of batch {@code index}: its rows
   * {@link #share share(n, numShards, shardIndex)} of the batch's {@code n} (possibly none), exactly
   * as {@code get(index)} would hold them, and the sequence's state advanced as {@code get(index)}
   * advances it. By default {@code get(index)} cut to those rows; override it to make only them.
   *
   * <pre>{@code
   * DataBatch mine = sequence.getShard(3, 2, 1); // task 1 of 2: the second half of batch 3
   * }</pre>
   */
  default DataBatch getShard(int index, int numShards, int shardIndex) {
    DataBatch whole = get(index);
    int[] rows = share(whole.size(), numShards, shardIndex);
    return whole.rows(rows[0], rows[1]);
  }

  /**
   * The rows {@code [from, to)} of shard {@code shardIndex} of a batch of {@code rows}:
   * {@code from = rows*shardIndex/numShards}, {@code to = rows*(shardIndex+1)/numShards}, the
   * contiguous split of a mirrored model's replicas (a shard may get one row fewer than another, or
   * none).
   *
   * @throws IllegalArgumentException unless {@code 0 <= shardIndex < numShards}
   */
  static int[] share(long rows, int numShards, int shardIndex) {
    if (shardIndex < 0 || shardIndex >= numShards) {
      throw new IllegalArgumentException("Expected a shard index in 0.." + (numShards - 1)
          + ", found " + shardIndex);
    }
    return new int[] {(int) (rows * shardIndex / numShards), (int) (rows * (shardIndex + 1) / numShards)};
  }

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

package io.tfbridge.models;

import io.tfbridge.data.BatchSequence;
import io.tfbridge.data.DataBatch;
import io.tfbridge.distribute.CollectiveGroup;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Makes a {@link BatchSequence}'s batches into tensors on a background thread, ahead of training, in
 * order: the sequence's index runs on across epochs and wraps to 0 (calling {@code onEpochEnd}) when
 * the sequence is exhausted, as Keras's epoch iterator does with {@code steps_per_epoch}. At most
 * {@code maxQueueSize} batches wait. A failure of the sequence or of the data checks reaches the
 * training thread at the batch where it happened. Closing stops the thread and closes the batches
 * still waiting, so no tensor outlives the fit, even when a step throws. For a task of a collective
 * group, each batch is only the task's share of the sequence's batch
 * ({@link BatchSequence#getShard}), possibly no rows: every task runs the same steps.
 */
final class Prefetcher implements TrainBatches {
  private final BatchSequence sequence;
  private final DataAdapter adapter;
  private final CollectiveGroup shard;
  private final int steps;
  private final long total;
  private final BlockingQueue<Object> queue;
  private final Thread thread;
  private volatile boolean stopped;

  /** Starts making {@code epochs * steps} batches of {@code sequence}. */
  Prefetcher(BatchSequence sequence, DataAdapter adapter, int steps, int epochs) {
    this(sequence, adapter, steps, epochs, null);
  }

  /**
   * As {@link #Prefetcher(BatchSequence, DataAdapter, int, int)}, each batch task
   * {@code shard.task()}'s share of the sequence's ({@code shard} null: whole batches).
   */
  Prefetcher(BatchSequence sequence, DataAdapter adapter, int steps, int epochs,
      CollectiveGroup shard) {
    this.sequence = sequence;
    this.adapter = adapter;
    this.shard = shard;
    this.steps = steps;
    this.total = (long) steps * epochs;
    this.queue = new ArrayBlockingQueue<>(Math.max(1, sequence.maxQueueSize()));
    this.thread = new Thread(this::produce, "tfbridge-batches");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public int steps() {
    return steps;
  }

  /** The next batch, waiting for it; the caller closes it. */
  @Override
  public Batch next() {
    Object item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the next batch", e);
    }
    if (item instanceof Failure f) {
      throw f.rethrow();
    }
    return (Batch) item;
  }

  private void produce() {
    int index = 0;
    for (long made = 0; made < total && !stopped; made++) {
      Object item;
      try {
        item = batch(index);
      } catch (RuntimeException | Error e) {
        item = new Failure(index, e);
      }
      if (!offer(item) || item instanceof Failure) {
        return;
      }
      index = next(index);
    }
  }

  private Batch batch(int index) {
    DataBatch b = shard == null ? sequence.get(index)
        : sequence.getShard(index, shard.size(), shard.task());
    if (b == null) {
      throw new IllegalArgumentException("batch " + index + " of the sequence is null");
    }
    ArrayData data = adapt(b);
    int[] order = new int[data.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    return data.batch(order, 0, order.length);
  }

  /** The batch checked against the model; a task's share may have no rows. */
  private ArrayData adapt(DataBatch b) {
    boolean share = shard != null;
    if (b.targets().isEmpty()) {
      return new ArrayData(adapter.inputs(b.inputs(), share), adapter.dtypes(), java.util.List.of());
    }
    return share ? adapter.adaptShare(b.inputs(), b.targets()) : adapter.adapt(b.inputs(), b.targets());
  }

  /** The index after {@code index}, wrapping to 0 at the end of the sequence. */
  private int next(int index) {
    if (index + 1 < sequence.size()) {
      return index + 1;
    }
    sequence.onEpochEnd();
    return 0;
  }

  /** Queues {@code item}, waiting for room; false (the item closed) once the fit stopped. */
  private boolean offer(Object item) {
    try {
      while (!stopped) {
        if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (item instanceof Batch b) {
      b.close();
    }
    return false;
  }

  /** Stops the background thread and closes the batches it made that were not taken. */
  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Object item; (item = queue.poll()) != null; ) {
      if (item instanceof Batch b) {
        b.close();
      }
    }
  }

  /** A failure of the sequence at one index, rethrown on the training thread. */
  private record Failure(int index, Throwable cause) {
    RuntimeException rethrow() {
      if (cause instanceof Error e) {
        throw e;
      }
      RuntimeException e = (RuntimeException) cause;
      e.addSuppressed(new IllegalStateException("while making batch " + index + " of the sequence"));
      return e;
    }
  }
}

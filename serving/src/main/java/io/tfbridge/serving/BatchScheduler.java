package io.tfbridge.serving;

import io.tfbridge.inference.Predictor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.tensorflow.ndarray.NdArray;

/**
 * {@code --enable_batching}: coalesces concurrent {@code :predict} requests on one model version
 * and signature (one {@link Queue}) into one run, as TF Serving's shared batch scheduler: a batch
 * closes when it holds {@code max_batch_size} rows, and runs on one of {@code num_batch_threads}
 * threads when closed, or when its oldest request has waited {@code batch_timeout_micros} and a
 * thread is free. A request waits on no thread: it gets a future. Close to run what is queued and
 * stop.
 *
 * <pre>{@code
 * try (BatchScheduler batches = new BatchScheduler(BatchingParameters.defaults(), metrics)) {
 *   Map<String, NdArray<?>> mine = batches.schedule(queue, inputs, 1, deadline).join();
 * }
 * }</pre>
 */
final class BatchScheduler implements AutoCloseable {
  /** The requests waiting to run on one model version's signature. */
  static final class Queue {
    private final String model;
    private final Predictor signature;
    private Batch open;
    private final ArrayDeque<Batch> closed = new ArrayDeque<>();

    Queue(String model, Predictor signature) {
      this.model = model;
      this.signature = signature;
    }
  }

  private record Task(Map<String, NdArray<?>> inputs, long rows, long deadline,
      CompletableFuture<Map<String, NdArray<?>>> result) {}

  private static final class Batch {
    private final List<Task> tasks = new ArrayList<>();
    private final long since = System.nanoTime();
    private long rows;
  }

  private record Taken(Queue queue, Batch batch) {}

  private final BatchingParameters params;
  private final ServingMetrics metrics;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  /** The queues holding requests, the one served longest ago first. */
  private final LinkedHashSet<Queue> waiting = new LinkedHashSet<>();
  private final List<Thread> threads = new ArrayList<>();
  private boolean closed;

  BatchScheduler(BatchingParameters params, ServingMetrics metrics) {
    this.params = params;
    this.metrics = metrics;
    for (int i = 0; i < params.numBatchThreads(); i++) {
      Thread thread = new Thread(this::work, params.threadPoolName() + "-" + i);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
  }

  /**
   * Queues a request of {@code rows} rows; the future gives its rows of the outputs, or fails with
   * the batch's error, or with a 503 if its batch has not started by {@code deadline} (a
   * {@link System#nanoTime} instant).
   *
   * @throws ServingException 400 for more rows than {@code max_batch_size}, 503 when the queue
   *     holds {@code max_enqueued_batches} batches already or the server is closing
   */
  CompletableFuture<Map<String, NdArray<?>>> schedule(Queue queue, Map<String, NdArray<?>> inputs,
      long rows, long deadline) {
    if (rows > params.maxBatchSize()) {
      throw ServingException.badRequest("Task size " + rows + " is larger than maximum input "
          + "batch size " + params.maxBatchSize());
    }
    Task task = new Task(inputs, rows, deadline, new CompletableFuture<>());
    lock.lock();
    try {
      if (closed) {
        throw new ServingException(503, "The server is shutting down");
      }
      waiting.add(queue);
      enqueue(queue, task);
      work.signal();
    } finally {
      lock.unlock();
    }
    return task.result;
  }

  private void enqueue(Queue queue, Task task) {
    if (queue.open != null && queue.open.rows + task.rows > params.maxBatchSize()) {
      queue.closed.add(queue.open);
      queue.open = null;
    }
    if (queue.open == null) {
      if (queue.closed.size() >= params.maxEnqueuedBatches()) {
        throw new ServingException(503, "The batch scheduling queue to which this task was "
            + "submitted is full");
      }
      queue.open = new Batch();
    }
    queue.open.tasks.add(task);
    queue.open.rows += task.rows;
    if (queue.open.rows == params.maxBatchSize()) {
      queue.closed.add(queue.open);
      queue.open = null;
    }
  }

  private void work() {
    for (Taken taken = next(); taken != null; taken = next()) {
      run(taken.queue, taken.batch);
    }
  }

  /** The next batch to run, waiting for one; null once closed and drained. */
  private Taken next() {
    lock.lock();
    try {
      while (true) {
        long wait = Long.MAX_VALUE;
        for (Queue queue : waiting) {
          long due = queue.closed.isEmpty() && queue.open != null && !closed
              ? queue.open.since + params.batchTimeoutMicros() * 1000 - System.nanoTime() : 0;
          if (due <= 0) {
            return take(queue);
          }
          wait = Math.min(wait, due);
        }
        if (closed && waiting.isEmpty()) {
          return null;
        }
        work.awaitNanos(Math.min(wait, TimeUnit.SECONDS.toNanos(1)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      lock.unlock();
    }
  }

  /** Takes {@code queue}'s oldest batch; a queue with more goes last in line. */
  private Taken take(Queue queue) {
    Batch batch = queue.closed.poll();
    if (batch == null) {
      batch = queue.open;
      queue.open = null;
    }
    waiting.remove(queue);
    if (queue.open != null || !queue.closed.isEmpty()) {
      waiting.add(queue);
    }
    return new Taken(queue, batch);
  }

  private void run(Queue queue, Batch batch) {
    List<Task> tasks = unexpired(batch.tasks);
    if (tasks.isEmpty()) {
      return;
    }
    long rows = tasks.stream().mapToLong(Task::rows).sum();
    long size = padded(rows);
    metrics.batch(queue.model, rows);
    try {
      Map<String, NdArray<?>> outputs = RestApi.run(queue.signature, BatchTensors.concat(
          queue.signature.inputs(), tasks.stream().map(Task::inputs).toList(), size));
      long from = 0;
      for (Task task : tasks) {
        task.result.complete(BatchTensors.rowsOf(outputs, size, from, task.rows));
        from += task.rows;
      }
    } catch (RuntimeException | Error e) {
      tasks.forEach(task -> task.result.completeExceptionally(e));
      if (e instanceof Error error) {
        throw error;
      }
    }
  }

  /** The tasks whose deadline has not passed; the others are answered 503. */
  private static List<Task> unexpired(List<Task> tasks) {
    long now = System.nanoTime();
    List<Task> live = new ArrayList<>();
    for (Task task : tasks) {
      if (now - task.deadline > 0) {
        task.result.completeExceptionally(new ServingException(503, "The request timed out "
            + "waiting for its batch to run"));
      } else {
        live.add(task);
      }
    }
    return live;
  }

  /** The smallest allowed batch size of at least {@code rows} ({@code rows} if none are set). */
  private long padded(long rows) {
    return params.allowedBatchSizes().stream().filter(size -> size >= rows).findFirst()
        .orElse(rows);
  }

  /** Runs the batches queued, then stops the threads (waiting up to {@code timeoutMillis}). */
  void close(long timeoutMillis) {
    lock.lock();
    try {
      closed = true;
      work.signalAll();
    } finally {
      lock.unlock();
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    for (Thread thread : threads) {
      try {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    close(30_000);
  }
}

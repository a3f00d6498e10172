package io.tfbridge.serving;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormatParseInfoTree;
import java.nio.file.Path;
import java.util.List;

/**
 * How {@code --enable_batching} batches {@code :predict} requests, as TF Serving's
 * {@code BatchingParameters} ({@code --batching_parameters_file}), with its defaults: batches of
 * at most {@code max_batch_size} rows (1000), run when full or when their oldest request has waited
 * {@code batch_timeout_micros} (0: as soon as a batch thread is free), at most
 * {@code max_enqueued_batches} (10) waiting per model version and signature (more requests are
 * answered 503), run on {@code num_batch_threads} threads (the cores) named
 * {@code thread_pool_name}; {@code allowed_batch_sizes}, if any, pads each batch up to the next of
 * them (the last must be {@code max_batch_size}).
 *
 * <pre>{@code
 * BatchingParameters defaults = BatchingParameters.defaults();
 * BatchingParameters fromFile = BatchingParameters.read(Path.of("/models/batching.config"));
 * BatchingParameters custom = new BatchingParameters(32, 2000, 100, 2, "batch", List.of(8L, 32L));
 * }</pre>
 *
 * @param maxBatchSize the most rows a batch holds
 * @param batchTimeoutMicros how long a request may wait for its batch to fill
 * @param maxEnqueuedBatches the batches that may wait per model version and signature
 * @param numBatchThreads the threads running batches
 * @param threadPoolName the name of those threads
 * @param allowedBatchSizes the sizes a batch is padded up to (empty: no padding)
 */
public record BatchingParameters(long maxBatchSize, long batchTimeoutMicros,
    long maxEnqueuedBatches, long numBatchThreads, String threadPoolName,
    List<Long> allowedBatchSizes) {

  /** Checks the values as TF Serving does. */
  public BatchingParameters {
    allowedBatchSizes = List.copyOf(allowedBatchSizes);
    require(maxBatchSize > 0, "max_batch_size must be positive; was " + maxBatchSize);
    require(batchTimeoutMicros >= 0, "batch_timeout_micros must be non-negative; was "
        + batchTimeoutMicros);
    require(maxEnqueuedBatches > 0, "max_enqueued_batches must be positive; was "
        + maxEnqueuedBatches);
    require(numBatchThreads > 0, "num_batch_threads must be positive; was " + numBatchThreads);
    require(numBatchThreads <= 1024, "num_batch_threads must be at most 1024; was "
        + numBatchThreads);
    for (int i = 0; i < allowedBatchSizes.size(); i++) {
      require(allowedBatchSizes.get(i) > 0 && (i == 0
          || allowedBatchSizes.get(i) > allowedBatchSizes.get(i - 1)),
          "allowed_batch_sizes entries must be positive and monotonically increasing; were "
          + allowedBatchSizes);
    }
    require(allowedBatchSizes.isEmpty() || allowedBatchSizes.get(allowedBatchSizes.size() - 1)
        == maxBatchSize, "Last entry in allowed_batch_sizes must match max_batch_size; last "
        + "entry was " + (allowedBatchSizes.isEmpty() ? 0 : allowedBatchSizes
        .get(allowedBatchSizes.size() - 1)) + "; expected " + maxBatchSize);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** TF Serving's defaults ({@code --enable_batching} without a parameters file). */
  public static BatchingParameters defaults() {
    return new BatchingParameters(1000, 0, 10, Runtime.getRuntime().availableProcessors(),
        "model_server_batch_threads", List.of());
  }

  /**
   * The parameters TF Serving's {@code BatchingParameters} text file {@code file} sets, the
   * defaults for the others.
   *
   * @throws IllegalArgumentException naming the file (and line and column) for a file that cannot
   *     be read or does not parse, values out of range, or fields this server does not implement
   *     ({@code pad_variable_length_inputs}, {@code enable_large_batch_splitting},
   *     {@code max_execution_batch_size})
   */
  public static BatchingParameters read(Path file) {
    Message message = ProtoText.parse(file, "batching parameters file",
        BatchingParametersProto.BATCHING_PARAMETERS, BatchingParametersProto::find,
        TextFormatParseInfoTree.builder());
    try {
      refuse(message, "pad_variable_length_inputs", "inputs are batched only when their shapes "
          + "agree, so variable-length inputs are not padded");
      refuse(message, "enable_large_batch_splitting", "a request larger than max_batch_size is "
          + "refused");
      refuse(message, "max_execution_batch_size", "it needs enable_large_batch_splitting");
      return of(message);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("In batching parameters file '" + file + "': "
          + e.getMessage(), e);
    }
  }

  private static BatchingParameters of(Message message) {
    BatchingParameters d = defaults();
    @SuppressWarnings("unchecked")
    List<Long> allowed = (List<Long>) message.getField(field(message, "allowed_batch_sizes"));
    return new BatchingParameters(wrapped(message, "max_batch_size", d.maxBatchSize),
        wrapped(message, "batch_timeout_micros", d.batchTimeoutMicros),
        wrapped(message, "max_enqueued_batches", d.maxEnqueuedBatches),
        wrapped(message, "num_batch_threads", d.numBatchThreads),
        wrapped(message, "thread_pool_name", "batch_threads"), allowed);
  }

  /** Refuses field {@code name} when it is set to anything but its default. */
  private static void refuse(Message message, String name, String why) {
    FieldDescriptor field = field(message, name);
    boolean set = field.getType() == FieldDescriptor.Type.BOOL
        ? (Boolean) message.getField(field) : message.hasField(field)
        && !Boolean.FALSE.equals(unwrap(message, field));
    require(!set, name + " is not supported by this server: " + why);
  }

  @SuppressWarnings("unchecked")
  private static <T> T wrapped(Message message, String name, T otherwise) {
    FieldDescriptor field = field(message, name);
    return message.hasField(field) ? (T) unwrap(message, field) : otherwise;
  }

  private static Object unwrap(Message message, FieldDescriptor field) {
    Message wrapper = (Message) message.getField(field);
    return wrapper.getField(wrapper.getDescriptorForType().findFieldByName("value"));
  }

  private static FieldDescriptor field(Message message, String name) {
    return message.getDescriptorForType().findFieldByName(name);
  }
}

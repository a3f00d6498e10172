package io.tfbridge.callbacks;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A callback made of optional functions, as Keras's {@code keras.callbacks.LambdaCallback}: each
 * hook given to the {@link Builder} is called at its moment, the others do nothing. Hooks with an
 * index (epoch or batch, from 0) take {@code (index, logs)}, the others {@code logs}.
 *
 * <pre>{@code
 * List<Double> losses = new ArrayList<>();
 * LambdaCallback recorder = LambdaCallback.builder()
 *     .onEpochEnd((epoch, logs) -> losses.add(logs.get("loss")))
 *     .build();
 * }</pre>
 */
public final class LambdaCallback implements Callback {
  /** A hook with an epoch or batch index: {@code (index, logs)}. */
  public interface IndexedHook extends BiConsumer<Integer, Map<String, Double>> {}

  /** A hook with logs only. */
  public interface LogsHook extends Consumer<Map<String, Double>> {}

  private final Map<String, IndexedHook> indexed;
  private final Map<String, LogsHook> plain;

  private LambdaCallback(Builder builder) {
    this.indexed = Map.copyOf(builder.indexed);
    this.plain = Map.copyOf(builder.plain);
  }

  /** A builder with no hooks. */
  public static Builder builder() {
    return new Builder();
  }

  private void call(String hook, int index, Map<String, Double> logs) {
    IndexedHook f = indexed.get(hook);
    if (f != null) {
      f.accept(index, logs);
    }
  }

  private void call(String hook, Map<String, Double> logs) {
    LogsHook f = plain.get(hook);
    if (f != null) {
      f.accept(logs);
    }
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    call("on_train_begin", logs);
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    call("on_train_end", logs);
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    call("on_epoch_begin", epoch, logs);
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    call("on_epoch_end", epoch, logs);
  }

  @Override
  public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
    call("on_train_batch_begin", batch, logs);
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    call("on_train_batch_end", batch, logs);
  }

  @Override
  public void onTestBegin(Map<String, Double> logs) {
    call("on_test_begin", logs);
  }

  @Override
  public void onTestEnd(Map<String, Double> logs) {
    call("on_test_end", logs);
  }

  @Override
  public void onTestBatchBegin(int batch, Map<String, Double> logs) {
    call("on_test_batch_begin", batch, logs);
  }

  @Override
  public void onTestBatchEnd(int batch, Map<String, Double> logs) {
    call("on_test_batch_end", batch, logs);
  }

  @Override
  public void onPredictBegin(Map<String, Double> logs) {
    call("on_predict_begin", logs);
  }

  @Override
  public void onPredictEnd(Map<String, Double> logs) {
    call("on_predict_end", logs);
  }

  @Override
  public void onPredictBatchBegin(int batch, Map<String, Double> logs) {
    call("on_predict_batch_begin", batch, logs);
  }

  @Override
  public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
    call("on_predict_batch_end", batch, logs);
  }

  /** Collects the hooks; a hook given twice keeps the last. */
  public static final class Builder {
    private final Map<String, IndexedHook> indexed = new HashMap<>();
    private final Map<String, LogsHook> plain = new HashMap<>();

    private Builder() {}

    private Builder put(String hook, IndexedHook f) {
      indexed.put(hook, Objects.requireNonNull(f, hook + " is null"));
      return this;
    }

    private Builder put(String hook, LogsHook f) {
      plain.put(hook, Objects.requireNonNull(f, hook + " is null"));
      return this;
    }

    /** Keras's {@code on_train_begin}. */
    public Builder onTrainBegin(LogsHook f) {
      return put("on_train_begin", f);
    }

    /** Keras's {@code on_train_end}. */
    public Builder onTrainEnd(LogsHook f) {
      return put("on_train_end", f);
    }

    /** Keras's {@code on_epoch_begin}. */
    public Builder onEpochBegin(IndexedHook f) {
      return put("on_epoch_begin", f);
    }

    /** Keras's {@code on_epoch_end}. */
    public Builder onEpochEnd(IndexedHook f) {
      return put("on_epoch_end", f);
    }

    /** Keras's {@code on_train_batch_begin}. */
    public Builder onTrainBatchBegin(IndexedHook f) {
      return put("on_train_batch_begin", f);
    }

    /** Keras's {@code on_train_batch_end}. */
    public Builder onTrainBatchEnd(IndexedHook f) {
      return put("on_train_batch_end", f);
    }

    /** Keras's {@code on_test_begin}. */
    public Builder onTestBegin(LogsHook f) {
      return put("on_test_begin", f);
    }

    /** Keras's {@code on_test_end}. */
    public Builder onTestEnd(LogsHook f) {
      return put("on_test_end", f);
    }

    /** Keras's {@code on_test_batch_begin}. */
    public Builder onTestBatchBegin(IndexedHook f) {
      return put("on_test_batch_begin", f);
    }

    /** Keras's {@code on_test_batch_end}. */
    public Builder onTestBatchEnd(IndexedHook f) {
      return put("on_test_batch_end", f);
    }

    /** Keras's {@code on_predict_begin}. */
    public Builder onPredictBegin(LogsHook f) {
      return put("on_predict_begin", f);
    }

    /** Keras's {@code on_predict_end}. */
    public Builder onPredictEnd(LogsHook f) {
      return put("on_predict_end", f);
    }

    /** Keras's {@code on_predict_batch_begin}. */
    public Builder onPredictBatchBegin(IndexedHook f) {
      return put("on_predict_batch_begin", f);
    }

    /** Keras's {@code on_predict_batch_end}. */
    public Builder onPredictBatchEnd(IndexedHook f) {
      return put("on_predict_batch_end", f);
    }

    /** The callback with the hooks given so far. */
    public LambdaCallback build() {
      return new LambdaCallback(this);
    }
  }
}

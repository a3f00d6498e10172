package io.tfbridge.callbacks;

/**
 * The options of {@link TensorBoard}, Keras's keywords with Keras's defaults, validated as they are
 * set. What tfbridge cannot write ({@code write_images}, {@code profile_batch},
 * {@code embeddings_freq}) is refused when asked for.
 *
 * <pre>{@code
 * TensorBoardOptions options = TensorBoard.of(logDir).updateFreq("batch").options();
 * }</pre>
 *
 * @param histogramFreq weight histograms every so many epochs; 0 for none (Keras's default)
 * @param writeGraph whether to write the model's graph (default true)
 * @param writeStepsPerSecond whether to log the training steps per second (default false)
 * @param updateFreq batch figures every so many batches; 0 for Keras's {@code "epoch"} (default)
 */
public record TensorBoardOptions(int histogramFreq, boolean writeGraph,
    boolean writeStepsPerSecond, int updateFreq) {

  /** Keras's defaults. */
  public static final TensorBoardOptions DEFAULTS = new TensorBoardOptions(0, true, false, 0);

  /** Validates the options. */
  public TensorBoardOptions {
    if (histogramFreq < 0) {
      throw new IllegalArgumentException(
          "histogram_freq must be >= 0. Received: histogram_freq=" + histogramFreq);
    }
    if (updateFreq < 0) {
      throw new IllegalArgumentException("update_freq must be \"epoch\", \"batch\" or a positive "
          + "integer. Received: update_freq=" + updateFreq);
    }
  }

  TensorBoardOptions histogramFreq(int epochs) {
    return new TensorBoardOptions(epochs, writeGraph, writeStepsPerSecond, updateFreq);
  }

  TensorBoardOptions writeGraph(boolean write) {
    return new TensorBoardOptions(histogramFreq, write, writeStepsPerSecond, updateFreq);
  }

  TensorBoardOptions writeStepsPerSecond(boolean write) {
    return new TensorBoardOptions(histogramFreq, writeGraph, write, updateFreq);
  }

  TensorBoardOptions updateFreq(int batches) {
    if (batches < 1) {
      throw new IllegalArgumentException("update_freq must be \"epoch\", \"batch\" or a positive "
          + "integer. Received: update_freq=" + batches);
    }
    return new TensorBoardOptions(histogramFreq, writeGraph, writeStepsPerSecond, batches);
  }

  TensorBoardOptions updateFreq(String freq) {
    return switch (String.valueOf(freq)) {
      case "epoch" -> new TensorBoardOptions(histogramFreq, writeGraph, writeStepsPerSecond, 0);
      case "batch" -> updateFreq(1);
      default -> throw new IllegalArgumentException("update_freq must be \"epoch\", \"batch\" or "
          + "a positive integer. Received: update_freq=" + freq);
    };
  }

  TensorBoardOptions writeImages(boolean write) {
    return refuseUnless(!write, "write_images=true is not supported by tfbridge's TensorBoard: "
        + "weights are logged as histograms (histogram_freq), not images. Received: write_images="
        + write + " (must be false)");
  }

  TensorBoardOptions profileBatch(int batch) {
    if (batch < 0) {
      throw new IllegalArgumentException("profile_batch must be a non-negative integer or 2-tuple "
          + "of positive integers. A pair of positive integers signifies a range of batches to "
          + "profile. Found: " + batch);
    }
    return refuseUnless(batch == 0, "Profiling is not supported by tfbridge's TensorBoard (the "
        + "TensorFlow profiler is not available from TensorFlow Java). Received: profile_batch="
        + batch + " (must be 0)");
  }

  TensorBoardOptions embeddingsFreq(int epochs) {
    return refuseUnless(epochs == 0, "embeddings_freq is not supported by tfbridge's TensorBoard "
        + "(no embedding projector). Received: embeddings_freq=" + epochs + " (must be 0)");
  }

  private TensorBoardOptions refuseUnless(boolean supported, String message) {
    if (!supported) {
      throw new IllegalArgumentException(message);
    }
    return this;
  }

  @Override
  public String toString() {
    return "histogram_freq=" + histogramFreq + ", write_graph=" + writeGraph
        + ", write_steps_per_second=" + writeStepsPerSecond + ", update_freq="
        + (updateFreq == 0 ? "epoch" : updateFreq);
  }
}

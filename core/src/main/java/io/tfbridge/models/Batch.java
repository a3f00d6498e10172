package io.tfbridge.models;

import java.util.List;
import org.tensorflow.types.TFloat32;

/**
 * One batch as tensors: one per model input and the labels (null for predict). Closing it closes
 * them all, so a batch is freed even when its step throws.
 */
record Batch(List<TFloat32> inputs, TFloat32 labels) implements AutoCloseable {

  @Override
  public void close() {
    inputs.forEach(TFloat32::close);
    if (labels != null) {
      labels.close();
    }
  }
}

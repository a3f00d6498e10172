package io.tfbridge.models;

import java.util.List;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * One batch as tensors: one per model input and one label tensor per output (none for predict). Closing it closes
 * them all, so a batch is freed even when its step throws.
 */
record Batch(List<TType> inputs, List<TFloat32> labels) implements AutoCloseable {

  @Override
  public void close() {
    inputs.forEach(TType::close);
    labels.forEach(TFloat32::close);
  }
}

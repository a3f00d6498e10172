package io.tfbridge.models;

import java.util.List;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * One batch as tensors: one per model input, one label tensor per output (none for predict) and each
 * sample's loss weight (null when no weights are given). Closing it closes them all, so a batch is
 * freed even when its step throws.
 */
record Batch(List<TType> inputs, List<TFloat32> labels, TFloat32 sampleWeight)
    implements AutoCloseable {

  /** A batch without sample weights. */
  Batch(List<TType> inputs, List<TFloat32> labels) {
    this(inputs, labels, null);
  }

  @Override
  public void close() {
    inputs.forEach(TType::close);
    labels.forEach(TFloat32::close);
    if (sampleWeight != null) {
      sampleWeight.close();
    }
  }
}

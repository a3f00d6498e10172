package io.tfbridge.engine;

import org.tensorflow.ndarray.buffer.ByteDataBuffer;

/**
 * A weight's values, row-major, written straight into the tensor that assigns its variable, only when
 * the variables are first initialised: a file's arrays then reach the graph one at a time (a raw
 * float32 dataset is copied from the file in small chunks, never whole on the heap).
 *
 * <pre>{@code
 * graph.setWeightSources(Map.of("dense/kernel", WeightSource.of(kernel)));
 * }</pre>
 */
public interface WeightSource {
  /** The number of values. */
  long size();

  /** Writes the values as float32 in the platform's byte order into {@code target} ({@code 4 * size()} bytes). */
  void copyTo(ByteDataBuffer target);

  /** Values at hand. */
  static WeightSource of(float[] values) {
    return new WeightSource() {
      @Override
      public long size() {
        return values.length;
      }

      @Override
      public void copyTo(ByteDataBuffer target) {
        target.asFloats().write(values);
      }
    };
  }
}

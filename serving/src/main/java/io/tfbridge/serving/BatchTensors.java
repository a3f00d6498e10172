package io.tfbridge.serving;

import io.tfbridge.inference.TensorSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.index.Indices;

/**
 * The host-array side of batching: whether a request can join a batch (its rows), the batch's
 * inputs (requests' inputs concatenated along dimension 0, padded by repeating the first row) and
 * each request's rows of the outputs.
 */
final class BatchTensors {
  private BatchTensors() {}

  /**
   * The rows of {@code inputs} if they can join a batch of signature {@code specs}: every input has
   * the signature's rank, an unknown batch dimension, known other dimensions that it matches, and
   * all share one row count; else -1 (the request then runs alone, and the model names what is
   * wrong with it).
   */
  static long rows(List<TensorSpec> specs, Map<String, ? extends NdArray<?>> inputs) {
    long rows = -1;
    if (specs.isEmpty() || inputs.size() != specs.size()) {
      return -1;
    }
    for (TensorSpec spec : specs) {
      NdArray<?> input = inputs.get(spec.name());
      if (input == null || !fits(spec.shape(), input.shape())
          || (rows >= 0 && input.shape().get(0) != rows)) {
        return -1;
      }
      rows = input.shape().get(0);
    }
    return rows > 0 ? rows : -1;
  }

  private static boolean fits(Shape spec, Shape found) {
    if (spec.isUnknown() || spec.numDimensions() < 1 || spec.get(0) != Shape.UNKNOWN_SIZE
        || found.numDimensions() != spec.numDimensions()) {
      return false;
    }
    for (int i = 1; i < spec.numDimensions(); i++) {
      if (spec.get(i) == Shape.UNKNOWN_SIZE || spec.get(i) != found.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** The requests' inputs concatenated along dimension 0, padded to {@code size} rows. */
  static Map<String, NdArray<?>> concat(List<TensorSpec> specs,
      List<? extends Map<String, ? extends NdArray<?>>> requests, long size) {
    Map<String, NdArray<?>> batch = new LinkedHashMap<>();
    for (TensorSpec spec : specs) {
      long[] dims = requests.get(0).get(spec.name()).shape().asArray();
      dims[0] = size;
      NdArray<?> merged = JsonTensors.allocate(spec.dtype(), Shape.of(dims));
      long row = 0;
      for (Map<String, ? extends NdArray<?>> request : requests) {
        NdArray<?> part = request.get(spec.name());
        copy(part, merged, row);
        row += part.shape().get(0);
      }
      for (; row < size; row++) {
        copy(merged.slice(Indices.range(0, 1)), merged, row);
      }
      batch.put(spec.name(), merged);
    }
    return batch;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void copy(NdArray part, NdArray to, long row) {
    part.copyTo(to.slice(Indices.range(row, row + part.shape().get(0))));
  }

  /**
   * The rows {@code [from, from + rows)} of each output.
   *
   * @throws IllegalStateException if an output has no batch dimension of {@code size} rows
   */
  static Map<String, NdArray<?>> rowsOf(Map<String, NdArray<?>> outputs, long size, long from,
      long rows) {
    Map<String, NdArray<?>> mine = new LinkedHashMap<>();
    outputs.forEach((name, output) -> {
      if (output.shape().numDimensions() < 1 || output.shape().get(0) != size) {
        throw new IllegalStateException("Batched output tensor '" + name + "' has shape "
            + output.shape() + ": its 0th dimension does not equal the batch size " + size);
      }
      mine.put(name, output.slice(Indices.range(from, from + rows)));
    });
    return mine;
  }
}

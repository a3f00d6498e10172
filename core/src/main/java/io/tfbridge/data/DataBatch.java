package io.tfbridge.data;

import java.util.List;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.index.Indices;

/**
 * One batch of host data: one array per model input and one per output (the targets), the first axis
 * indexing the samples; no targets for prediction.
 *
 * <pre>{@code
 * DataBatch batch = DataBatch.of(images, labels);
 * }</pre>
 *
 * @param inputs one array per model input, in the model's input order
 * @param targets one array per model output, in the model's output order
 */
public record DataBatch(List<FloatNdArray> inputs, List<FloatNdArray> targets) {
  /** A batch; the lists are copied. */
  public DataBatch {
    inputs = List.copyOf(inputs);
    targets = List.copyOf(targets);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one input array");
    }
  }

  /** The number of samples: the first input's first axis. */
  public long size() {
    return inputs.get(0).shape().get(0);
  }

  /** Samples {@code [from, to)} of every array, as views (none for {@code from == to}). */
  public DataBatch rows(long from, long to) {
    return new DataBatch(inputs.stream().map(a -> rows(a, from, to)).toList(),
        targets.stream().map(a -> rows(a, from, to)).toList());
  }

  /** A view of rows {@code [from, to)}; no rows: a new array (ndarray 1.0 cannot copy an empty view). */
  private static FloatNdArray rows(FloatNdArray array, long from, long to) {
    return from == to ? NdArrays.ofFloats(array.shape().tail().prepend(0))
        : array.slice(Indices.range(from, to));
  }

  /** A batch of one input and one target array. */
  public static DataBatch of(FloatNdArray x, FloatNdArray y) {
    return new DataBatch(List.of(x), List.of(y));
  }
}

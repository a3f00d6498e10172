package io.tfbridge.preprocessing.image;

import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.index.Indices;

/** Small helpers between single images (H, W, C) and batches (N, H, W, C). */
final class Images {
  private Images() {
  }

  /** A batch holding a copy of one image. */
  static FloatNdArray batchOf(FloatNdArray image) {
    Shape shape = image.shape();
    if (shape.numDimensions() != 3) {
      throw new IllegalArgumentException("Input arrays must be multi-channel 2D images (height,"
          + " width, channels). Received: " + shape);
    }
    FloatNdArray batch = NdArrays.ofFloats(shape.prepend(1));
    batch.set(image, 0);
    return batch;
  }

  /** A copy of the rows {@code indices} of {@code x}, in that order. */
  static FloatNdArray rows(FloatNdArray x, int[] indices) {
    FloatNdArray out = NdArrays.ofFloats(Shape.of(indices.length).append(x.shape().tail()));
    for (int i = 0; i < indices.length; i++) {
      out.set(x.get(indices[i]), i);
    }
    return out;
  }

  /** A copy of rows {@code from} (inclusive) to {@code to} (exclusive). */
  static FloatNdArray slice(FloatNdArray x, long from, long to) {
    FloatNdArray out = NdArrays.ofFloats(x.shape().tail().prepend(to - from));
    x.slice(Indices.range(from, to)).copyTo(out);
    return out;
  }
}

package io.tfbridge.preprocessing.image;

import java.util.List;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * The compiled {@link BatchTransform} a flow reuses batch after batch, rebuilt only when the image
 * size or the options it depends on change (a last batch of another size keeps it: the batch axis
 * is free). Owned by a flow and closed with it; idempotent.
 */
final class TransformCache implements AutoCloseable {
  private BatchTransform current;
  private boolean closed;

  /**
   * The images {@code rows} of {@code source} transformed by {@code params} as {@code generator}'s
   * flows do (standardized too when {@code generator} has no preprocessing function).
   */
  synchronized FloatNdArray apply(FloatNdArray source, int[] rows, List<TransformParams> params,
      ImageDataGenerator generator) {
    if (closed) {
      throw new IllegalStateException("the flow is closed");
    }
    BatchTransform.Key key = BatchTransform.Key.flow(source.shape(), params, generator);
    if (current == null || !current.key().equals(key)) {
      close(current);
      current = null;
      current = new BatchTransform(key);
    }
    return current.run(source, rows, params);
  }

  private static void close(BatchTransform transform) {
    if (transform != null) {
      transform.close();
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    close(current);
    current = null;
  }
}

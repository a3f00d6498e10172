package io.tfbridge.layers;

import io.tfbridge.initializers.Initializer;
import org.tensorflow.ndarray.Shape;

/**
 * One weight a layer needs: its Keras name within the layer ({@code kernel}, {@code bias},
 * {@code recurrent_kernel}), shape, initializer and whether training updates it.
 */
public record WeightSpec(String name, Shape shape, Initializer initializer, boolean trainable) {

  /** A trainable weight. */
  public static WeightSpec trainable(String name, Shape shape, Initializer initializer) {
    return new WeightSpec(name, shape, initializer, true);
  }

  /** The number of scalars in this weight. */
  public long size() {
    return shape.size();
  }
}

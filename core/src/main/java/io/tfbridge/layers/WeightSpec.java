package io.tfbridge.layers;

import io.tfbridge.initializers.Initializer;
import org.tensorflow.ndarray.Shape;

/**
 * One weight a layer needs: its Keras name within the layer ({@code kernel}, {@code bias},
 * {@code recurrent_kernel}), shape, initializer, whether training updates it, and the sub-object of the
 * layer that owns it in Keras's object tree ({@code ""} for the layer itself, {@code "cell"} for a
 * recurrent layer's cell, {@code "query_dense"} for MultiHeadAttention's query projection): a
 * {@code .keras} file keeps each sub-object's variables in its own {@code vars} group.
 */
public record WeightSpec(String name, Shape shape, Initializer initializer, boolean trainable,
    String group) {

  /** A weight of the layer itself (group {@code ""}). */
  public WeightSpec(String name, Shape shape, Initializer initializer, boolean trainable) {
    this(name, shape, initializer, trainable, "");
  }

  /** A trainable weight. */
  public static WeightSpec trainable(String name, Shape shape, Initializer initializer) {
    return new WeightSpec(name, shape, initializer, true);
  }

  /** A weight training does not update through gradients (a moving statistic, a counter). */
  public static WeightSpec nonTrainable(String name, Shape shape, Initializer initializer) {
    return new WeightSpec(name, shape, initializer, false);
  }

  /** A copy owned by sub-object {@code group} of the layer ({@code "cell"}); nested groups join with '/'. */
  public WeightSpec inGroup(String group) {
    String joined = this.group.isEmpty() ? group : group + "/" + this.group;
    return new WeightSpec(name, shape, initializer, trainable, joined);
  }

  /** A copy named {@code prefix/name}, for a weight of a wrapped layer (Bidirectional's forward_lstm). */
  public WeightSpec prefixed(String prefix) {
    return new WeightSpec(prefix + "/" + name, shape, initializer, trainable, group);
  }

  /** A copy that training leaves alone (the weight of a frozen layer). */
  public WeightSpec frozen() {
    return new WeightSpec(name, shape, initializer, false, group);
  }

  /** The number of scalars in this weight. */
  public long size() {
    return shape.size();
  }
}

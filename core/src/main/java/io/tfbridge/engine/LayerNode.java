package io.tfbridge.engine;

import io.tfbridge.layers.Layer;
import io.tfbridge.layers.WeightSpec;
import java.util.List;
import org.tensorflow.ndarray.Shape;

/**
 * A layer placed in a model: its name (given or generated Keras's way), its spec, its input and output
 * shapes (batch first, {@code -1} unknown) and its weights.
 */
public record LayerNode(
    String name, Layer<?> layer, Shape inputShape, Shape outputShape, List<WeightSpec> weights) {

  /** Places {@code layer} under {@code name} on an input of {@code inputShape}, checking the shape. */
  public static LayerNode place(String name, Layer<?> layer, Shape inputShape) {
    Shape output = layer.outputShape(name, inputShape);
    return new LayerNode(name, layer, inputShape, output, List.copyOf(layer.weights(inputShape)));
  }

  /** The Keras path of one of this layer's weights: {@code dense/kernel}. */
  public String weightPath(WeightSpec weight) {
    return name + "/" + weight.name();
  }

  /** The number of scalars in this layer's weights. */
  public long parameterCount() {
    return weights.stream().mapToLong(WeightSpec::size).sum();
  }

  /** The number of scalars in this layer's trainable weights. */
  public long trainableParameterCount() {
    return weights.stream().filter(WeightSpec::trainable).mapToLong(WeightSpec::size).sum();
  }
}

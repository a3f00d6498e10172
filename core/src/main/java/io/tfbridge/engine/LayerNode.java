package io.tfbridge.engine;

import io.tfbridge.layers.Layer;
import io.tfbridge.layers.WeightSpec;
import java.util.List;
import org.tensorflow.ndarray.Shape;

/**
 * A layer placed in a model: its name (given or generated Keras's way), its spec, the names of the
 * tensors it is applied to (model inputs or earlier layers), their shapes and its output shape (batch
 * first, {@code -1} unknown) and its weights.
 */
public record LayerNode(String name, Layer<?> layer, List<String> inbound, List<Shape> inputShapes,
    Shape outputShape, List<WeightSpec> weights) {

  /** Places {@code layer} under {@code name}, applied to the tensors named {@code inbound}. */
  public static LayerNode place(String name, Layer<?> layer, List<String> inbound,
      List<Shape> inputShapes) {
    Shape output = layer.outputShape(name, inputShapes);
    return new LayerNode(name, layer, List.copyOf(inbound), List.copyOf(inputShapes), output,
        List.copyOf(layer.weights(inputShapes)));
  }

  /**
   * Places {@code layer} applied to one tensor, {@code inbound}, as in a Sequential model: a merge
   * layer, which takes a list, fails here.
   */
  public static LayerNode place(String name, Layer<?> layer, String inbound, Shape inputShape) {
    Shape output = layer.outputShape(name, inputShape);
    return new LayerNode(name, layer, List.of(inbound), List.of(inputShape), output,
        List.copyOf(layer.weights(inputShape)));
  }

  /** The shape of the first (for most layers the only) input. */
  public Shape inputShape() {
    return inputShapes.get(0);
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

package io.tfbridge.engine;

import io.tfbridge.layers.Layer;
import io.tfbridge.layers.WeightSpec;
import java.util.List;
import java.util.Map;
import org.tensorflow.ndarray.Shape;

/**
 * A layer placed in a model: its name (given or generated Keras's way), its spec, its calls (more than
 * one for a shared layer, all sharing its weights) and its weights, made for the first call's input
 * shapes (non-trainable when the layer is frozen).
 */
public record LayerNode(String name, Layer<?> layer, List<LayerCall> calls, List<WeightSpec> weights) {

  /** Copies the lists; a layer is called at least once. */
  public LayerNode {
    calls = List.copyOf(calls);
    weights = List.copyOf(weights);
    if (calls.isEmpty()) {
      throw new IllegalArgumentException("Layer \"" + name + "\" is never called");
    }
  }

  /**
   * Places {@code layer} under {@code name} with these calls, each given as its tensors, keyword
   * arguments and input shapes; the output shapes are computed (and checked) here, and a dtype policy
   * the layer cannot run is refused.
   */
  public static LayerNode place(String name, Layer<?> layer, List<Call> calls) {
    layer.checkDtypePolicy(name);
    List<LayerCall> placed = calls.stream().map(c -> new LayerCall(c.args(), c.kwargs(),
        c.inputShapes(), layer.outputShape(name, c.inputShapes(), c.kwargShapes()))).toList();
    List<WeightSpec> weights = layer.weights(calls.get(0).inputShapes());
    if (!layer.trainable()) {
      weights = weights.stream().map(WeightSpec::frozen).toList();
    }
    return new LayerNode(name, layer, placed, weights);
  }

  /** Places {@code layer} applied once to the first calls of the layers named {@code inbound}. */
  public static LayerNode place(String name, Layer<?> layer, List<String> inbound,
      List<Shape> inputShapes) {
    return place(name, layer, List.of(new Call(inbound.stream().map(TensorRef::of).toList(),
        Map.of(), inputShapes, Map.of())));
  }

  /**
   * Places {@code layer} applied to one tensor, {@code inbound}, as in a Sequential model: a merge
   * layer, which takes a list, fails here.
   */
  public static LayerNode place(String name, Layer<?> layer, String inbound, Shape inputShape) {
    layer.outputShape(name, inputShape);
    return place(name, layer, List.of(inbound), List.of(inputShape));
  }

  /**
   * A call to place: positional tensors, keyword arguments (tensors as {@link TensorRef}), the
   * positional tensors' shapes and the shapes of the keyword tensors by keyword.
   */
  public record Call(List<TensorRef> args, Map<String, Object> kwargs, List<Shape> inputShapes,
      Map<String, Shape> kwargShapes) {}

  /** The layers the first call reads its positional tensors from. */
  public List<String> inbound() {
    return calls.get(0).args().stream().map(TensorRef::layer).toList();
  }

  /** The shapes of the first call's positional inputs. */
  public List<Shape> inputShapes() {
    return calls.get(0).inputShapes();
  }

  /** The shape of the first (for most layers the only) input of the first call. */
  public Shape inputShape() {
    return inputShapes().get(0);
  }

  /** The output shape of the first call. */
  public Shape outputShape() {
    return calls.get(0).outputShape();
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

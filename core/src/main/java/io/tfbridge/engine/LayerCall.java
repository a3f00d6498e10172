package io.tfbridge.engine;

import java.util.List;
import java.util.Map;
import org.tensorflow.ndarray.Shape;

/**
 * One application of a placed layer (Keras's {@code Node}): the tensors it is called on, in order (a
 * merge layer's list, flattened), its keyword arguments (a {@link TensorRef} for a tensor, else a
 * constant such as {@code training=false}), the shapes of the positional tensors and its output shape
 * (batch first, {@code -1} unknown).
 */
public record LayerCall(List<TensorRef> args, Map<String, Object> kwargs, List<Shape> inputShapes,
    Shape outputShape) {

  /** Copies the lists and map (the map keeps its order and may hold nulls). */
  public LayerCall {
    args = List.copyOf(args);
    kwargs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kwargs));
    inputShapes = List.copyOf(inputShapes);
  }

  /** The tensors this call reads: the positional ones, then those passed by keyword. */
  public List<TensorRef> tensors() {
    List<TensorRef> all = new java.util.ArrayList<>(args);
    kwargs.values().stream().filter(v -> v instanceof TensorRef).map(v -> (TensorRef) v)
        .forEach(all::add);
    return all;
  }
}

package io.tfbridge.engine;

/**
 * One tensor of a model, as Keras's {@code keras_history} names it: output {@code index} of call
 * {@code node} of layer {@code layer} (a model input is its Input layer's call 0).
 */
public record TensorRef(String layer, int node, int index) {

  /** Output 0 of the first call of {@code layer}. */
  public static TensorRef of(String layer) {
    return new TensorRef(layer, 0, 0);
  }

  /** Output 0 of call {@code node} of {@code layer}. */
  public static TensorRef of(String layer, int node) {
    return new TensorRef(layer, node, 0);
  }

  /** As Keras's summary shows it: {@code dense[0][0]}. */
  @Override
  public String toString() {
    return layer + "[" + node + "][" + index + "]";
  }
}

package io.tfbridge.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.tensorflow.ndarray.Shape;

/**
 * A symbolic tensor of a functional model, as Keras's {@code KerasTensor}: the output of an
 * {@link Input} or of one call of a layer on other symbolic tensors, with its shape (batch first,
 * {@code -1} unknown). It holds no native state; {@code Functional.of(inputs, outputs)} turns the graph
 * of tensors into a model.
 *
 * <pre>{@code
 * KerasTensor a = Input.of(4).name("a").tensor();
 * KerasTensor out = Dense.of(3).activation("softmax").apply(a);
 * }</pre>
 *
 * <p>Tensors compare by identity. A layer spec applied to several tensors is one layer whose calls
 * share its weights, as in Keras.
 */
public final class KerasTensor {
  private static final AtomicLong CREATED = new AtomicLong();
  private final long order = CREATED.getAndIncrement();
  private final Layer<?> layer;
  private final List<KerasTensor> inbound;
  private final Map<String, Object> kwargs;
  private final Shape shape;

  private KerasTensor(Layer<?> layer, List<KerasTensor> inbound, Map<String, Object> kwargs,
      Shape shape) {
    this.layer = layer;
    this.inbound = inbound;
    this.kwargs = kwargs;
    this.shape = shape;
  }

  /** The tensor an {@link Input} declares. */
  static KerasTensor input(Input input) {
    Shape features = input.inputShape().orElseThrow();
    return new KerasTensor(input, List.of(), Map.of(), Shapes.withBatch(features));
  }

  /**
   * {@code layer} called on {@code inbound} with keyword arguments {@code kwargs} (tensors or
   * constants), its output shape checked now.
   */
  static KerasTensor of(Layer<?> layer, List<KerasTensor> inbound, Map<String, Object> kwargs) {
    String name = layer.name().orElse(layer.namePrefix());
    String where = "Layer \"" + name + "\" (" + layer.className() + ")";
    if (layer instanceof Input) {
      throw new IllegalArgumentException("An Input is not applied to tensors: use Input.of(...).tensor()");
    }
    if (inbound.isEmpty()) {
      throw new IllegalArgumentException(where + " was applied to no input tensors");
    }
    for (int i = 0; i < inbound.size(); i++) {
      if (inbound.get(i) == null) {
        throw new IllegalArgumentException(where + " input " + i + " is null");
      }
    }
    for (String key : kwargs.keySet()) {
      if (!layer.callKeywords().contains(key)) {
        throw new IllegalArgumentException(where + " got an unexpected keyword argument '" + key
            + "'; it takes " + layer.callKeywords());
      }
    }
    List<Shape> shapes = inbound.stream().map(KerasTensor::shape).toList();
    Map<String, Shape> kwargShapes = new LinkedHashMap<>();
    kwargs.forEach((k, v) -> {
      if (v instanceof KerasTensor t) {
        kwargShapes.put(k, t.shape());
      }
    });
    Shape out = layer.outputShape(name, shapes, kwargShapes);
    return new KerasTensor(layer, List.copyOf(inbound),
        Collections.unmodifiableMap(new LinkedHashMap<>(kwargs)), out);
  }

  /** The layer that makes this tensor (an {@link Input} for a model input). */
  public Layer<?> layer() {
    return layer;
  }

  /** The tensors the layer was applied to, positionally; empty for an input. */
  public List<KerasTensor> inbound() {
    return inbound;
  }

  /** The call's keyword arguments: tensors ({@link KerasTensor}) or constants. */
  public Map<String, Object> kwargs() {
    return kwargs;
  }

  /** Every tensor this one is computed from: the positional ones, then those passed by keyword. */
  public List<KerasTensor> sources() {
    List<KerasTensor> all = new ArrayList<>(inbound);
    kwargs.values().stream().filter(v -> v instanceof KerasTensor).map(v -> (KerasTensor) v)
        .forEach(all::add);
    return all;
  }

  /** The shape, batch dimension first ({@code -1}). */
  public Shape shape() {
    return shape;
  }

  /** When this tensor was made relative to others: Keras numbers unnamed layers in this order. */
  public long creationOrder() {
    return order;
  }

  /** Whether this is a model input. */
  public boolean isInput() {
    return layer instanceof Input;
  }

  @Override
  public String toString() {
    return "<KerasTensor shape=" + Shapes.format(shape) + ", made by "
        + layer.name().orElse(layer.namePrefix()) + " (" + layer.className() + ")>";
  }
}

package io.tfbridge.layers;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.tensorflow.ndarray.Shape;

/**
 * A symbolic tensor of a functional model, as Keras's {@code KerasTensor}: the output of an
 * {@link Input} or of a layer applied to other symbolic tensors, with its shape (batch first,
 * {@code -1} unknown). It holds no native state; {@code Functional.of(inputs, output)} turns the graph
 * of tensors into a model.
 *
 * <pre>{@code
 * KerasTensor a = Input.of(4).name("a").tensor();
 * KerasTensor out = Dense.of(3).activation("softmax").apply(a);
 * }</pre>
 *
 * <p>Tensors compare by identity: each {@code apply} makes a distinct layer.
 */
public final class KerasTensor {
  private static final AtomicLong CREATED = new AtomicLong();
  private final long order = CREATED.getAndIncrement();
  private final Layer<?> layer;
  private final List<KerasTensor> inbound;
  private final Shape shape;

  private KerasTensor(Layer<?> layer, List<KerasTensor> inbound, Shape shape) {
    this.layer = layer;
    this.inbound = inbound;
    this.shape = shape;
  }

  /** The tensor an {@link Input} declares. */
  static KerasTensor input(Input input) {
    Shape features = input.inputShape().orElseThrow();
    return new KerasTensor(input, List.of(), Shapes.withBatch(features));
  }

  /** {@code layer} applied to {@code inbound}, its output shape checked now. */
  static KerasTensor of(Layer<?> layer, List<KerasTensor> inbound) {
    String name = layer.name().orElse(layer.namePrefix());
    if (layer instanceof Input) {
      throw new IllegalArgumentException("An Input is not applied to tensors: use Input.of(...).tensor()");
    }
    if (inbound.isEmpty()) {
      throw new IllegalArgumentException("Layer \"" + name + "\" (" + layer.className()
          + ") was applied to no input tensors");
    }
    for (int i = 0; i < inbound.size(); i++) {
      if (inbound.get(i) == null) {
        throw new IllegalArgumentException("Layer \"" + name + "\" (" + layer.className()
            + ") input " + i + " is null");
      }
    }
    List<Shape> shapes = inbound.stream().map(KerasTensor::shape).toList();
    return new KerasTensor(layer, List.copyOf(inbound), layer.outputShape(name, shapes));
  }

  /** The layer that makes this tensor (an {@link Input} for a model input). */
  public Layer<?> layer() {
    return layer;
  }

  /** The tensors the layer was applied to; empty for an input. */
  public List<KerasTensor> inbound() {
    return inbound;
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

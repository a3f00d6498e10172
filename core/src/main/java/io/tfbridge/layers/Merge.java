package io.tfbridge.layers;

import java.util.List;
import java.util.stream.Collectors;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Keras's merge layers' base ({@code keras.layers.merging.base_merge.Merge}): a weightless layer
 * applied to a list of tensors in a functional model.
 *
 * @param <L> the concrete layer type
 */
public abstract class Merge<L extends Merge<L>> extends Layer<L> {

  /** The output shape for these input shapes (batch first); at least one input. */
  protected abstract Shape mergedShape(String layerName, List<Shape> inputs);

  /** The merged tensor. */
  protected abstract Operand<TFloat32> merge(Ops tf, List<Operand<TFloat32>> inputs);

  @Override
  public final Shape outputShape(String layerName, List<Shape> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("A `" + className() + "` layer should be called on a list "
          + "of at least 1 input. Received 0 inputs (layer \"" + layerName + "\")");
    }
    return mergedShape(layerName, inputs);
  }

  @Override
  public final Shape outputShape(String layerName, Shape input) {
    throw new IllegalArgumentException("A merge layer should be called on a list of inputs: layer \""
        + layerName + "\" (" + className() + ") received one input of shape " + Shapes.format(input)
        + "; use it in a functional model: " + className() + ".of().apply(a, b)");
  }

  @Override
  public final List<WeightSpec> weights(List<Shape> inputs) {
    return List.of();
  }

  @Override
  public final LayerOutput call(LayerContext context, List<Operand<TFloat32>> inputs) {
    return LayerOutput.of(merge(context.tf(), inputs));
  }

  @Override
  public final LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    return call(context, List.of(input));
  }

  @Override
  public boolean takesList() {
    return true;
  }

  /** The shapes as Keras prints them in an error: {@code [(None, 4), (None, 3, 2)]}. */
  static String format(List<Shape> shapes) {
    return shapes.stream().map(Shapes::format).collect(Collectors.joining(", ", "[", "]"));
  }

  /** Keras's {@code supports_masking}: merge layers combine their inputs' masks. */
  @Override
  public boolean supportsMasking() {
    return true;
  }

  /**
   * Keras's merge-layer mask: the OR of the inputs' masks, none when an input has none
   * ({@link Concatenate} joins them instead).
   */
  @Override
  public Operand<TBool> computeMask(LayerContext context, List<Operand<TFloat32>> inputs,
      List<Operand<TBool>> masks) {
    return Masks.or(context.tf(), masks);
  }
}

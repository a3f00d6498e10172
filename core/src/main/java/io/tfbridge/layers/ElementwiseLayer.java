package io.tfbridge.layers;

import org.tensorflow.ndarray.Shape;

/**
 * What Keras's weightless, shape-preserving layers share ({@link ReLU}, {@link LeakyReLU},
 * {@link ELU}, {@link Softmax}, {@link UnitNormalization}): the output has the input's shape, and
 * Keras builds them at construction, so their entries carry no {@code build_config}.
 *
 * @param <L> the concrete layer type, returned by the fluent methods
 */
public abstract class ElementwiseLayer<L extends ElementwiseLayer<L>> extends Layer<L> {

  ElementwiseLayer() {}

  @Override
  public Shape outputShape(String layerName, Shape input) {
    return input;
  }

  @Override
  public boolean hasBuildConfig() {
    return false;
  }
}

package io.tfbridge.initializers;

import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;

/**
 * Makes a weight's initial values on the host. Values are generated in Java from a seeded generator,
 * so a model compiled with the same seed starts from the same weights.
 */
public interface Initializer {

  /** The Keras class name, e.g. {@code "GlorotUniform"}. */
  String kerasName();

  /**
   * Returns {@code shape.size()} values in row-major order.
   *
   * @param shape the weight's full shape
   * @param random the generator to draw from
   */
  float[] generate(Shape shape, SplittableRandom random);

  /**
   * The one value every element gets, for an initializer that draws nothing (zeros, ones, a
   * constant): the graph fills such weights itself, with no host array. Empty for the others.
   */
  default java.util.OptionalDouble constantValue() {
    return java.util.OptionalDouble.empty();
  }

  /** Keras's {@code get_config()} of this initializer (its options; none by default). */
  default io.tfbridge.saving.Config getConfig() {
    return io.tfbridge.saving.Config.empty();
  }
}

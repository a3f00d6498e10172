package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Subtract}: the first of exactly two inputs minus the second, element-wise; shapes
 * broadcast as in Keras (see {@link ElementwiseMerge}).
 *
 * <pre>{@code
 * KerasTensor difference = Subtract.of().apply(a, b);
 * }</pre>
 */
public final class Subtract extends ElementwiseMerge<Subtract> {

  private Subtract() {}

  /** An element-wise difference of two inputs. */
  public static Subtract of() {
    return new Subtract();
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "Subtract";
  }

  @Override
  public String namePrefix() {
    return "subtract";
  }

  @Override
  protected Shape mergedShape(String layerName, List<Shape> inputs) {
    if (inputs.size() != 2) {
      throw new IllegalArgumentException("A `Subtract` layer should be called on exactly 2 inputs "
          + "(layer \"" + layerName + "\"). Received: input_shape=" + format(inputs));
    }
    return super.mergedShape(layerName, inputs);
  }

  @Override
  Operand<TFloat32> combine(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.math.sub(a, b);
  }

  /** Reads Keras's Subtract config (no options). */
  public static Subtract fromConfig(ConfigReader c) {
    return of();
  }
}

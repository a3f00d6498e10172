package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Concatenate(axis=-1)}: joins its inputs along {@code axis}; every other dimension
 * must match.
 *
 * <pre>{@code
 * KerasTensor merged = Concatenate.of().apply(a, b);
 * }</pre>
 */
public final class Concatenate extends Merge<Concatenate> {
  private int axis = -1;

  private Concatenate() {}

  /** A concatenation along the last axis. */
  public static Concatenate of() {
    return new Concatenate();
  }

  /** A copy joining along {@code axis} (Keras's {@code axis=}, default -1; 0 is the batch axis). */
  public Concatenate axis(int axis) {
    Concatenate copy = copy();
    copy.axis = axis;
    return copy;
  }

  /** The concatenation axis as given. */
  public int axis() {
    return axis;
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "Concatenate";
  }

  @Override
  public String namePrefix() {
    return "concatenate";
  }

  @Override
  protected Shape mergedShape(String layerName, List<Shape> inputs) {
    int rank = inputs.get(0).numDimensions();
    int a = axis < 0 ? axis + rank : axis;
    if (a <= 0 || a >= rank) {
      throw new IllegalArgumentException("Layer \"" + layerName + "\" (Concatenate): axis=" + axis
          + " is out of range for inputs of rank " + rank + " (axis 0 is the batch axis); received: "
          + "input_shape=" + format(inputs));
    }
    long[] dims = inputs.get(0).asArray();
    dims[a] = 0;
    for (Shape s : inputs) {
      if (!matchesExceptAxis(inputs.get(0), s, a)) {
        throw new IllegalArgumentException("A `Concatenate` layer (\"" + layerName + "\") requires "
            + "inputs with matching shapes except for the concatenation axis. Received: input_shape="
            + format(inputs));
      }
      dims[a] = dims[a] < 0 || s.get(a) < 0 ? -1 : dims[a] + s.get(a);
    }
    return Shape.of(dims);
  }

  private static boolean matchesExceptAxis(Shape first, Shape other, int axis) {
    if (other.numDimensions() != first.numDimensions()) {
      return false;
    }
    for (int i = 1; i < first.numDimensions(); i++) {
      if (i != axis && first.get(i) >= 0 && other.get(i) >= 0 && first.get(i) != other.get(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  protected Operand<TFloat32> merge(Ops tf, List<Operand<TFloat32>> inputs) {
    int rank = inputs.get(0).shape().numDimensions();
    return tf.concat(inputs, tf.constant(axis < 0 ? axis + rank : axis));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("axis", axis).build();
  }

  /** Reads Keras's Concatenate config. */
  public static Concatenate fromConfig(ConfigReader c) {
    return of().axis(c.getInt("axis", -1));
  }

  /**
   * Keras's Concatenate mask: each input's mask (all true where it has none) broadcast over the input,
   * joined along the axis and reduced with ANY over the last axis.
   */
  @Override
  public Operand<TBool> computeMask(LayerContext context, List<Operand<TFloat32>> inputs,
      List<Operand<TBool>> masks) {
    return Masks.concatenate(context.tf(), inputs, masks, axis);
  }
}

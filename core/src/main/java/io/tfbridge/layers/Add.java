package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Add}: the element-wise sum of its inputs (a residual connection); a dimension of 1
 * broadcasts, as in Keras.
 *
 * <pre>{@code
 * KerasTensor residual = Add.of().apply(x, Dense.of(8).apply(x));
 * }</pre>
 */
public final class Add extends Merge<Add> {

  private Add() {}

  /** An element-wise sum. */
  public static Add of() {
    return new Add();
  }

  @Override
  public String className() {
    return "Add";
  }

  @Override
  public String namePrefix() {
    return "add";
  }

  @Override
  protected Shape mergedShape(String layerName, List<Shape> inputs) {
    Shape out = inputs.get(0);
    for (Shape s : inputs.subList(1, inputs.size())) {
      out = broadcast(layerName, out, s);
    }
    return out;
  }

  private static Shape broadcast(String layerName, Shape a, Shape b) {
    if (a.numDimensions() != b.numDimensions()) {
      throw incompatible(layerName, a, b);
    }
    long[] dims = new long[a.numDimensions()];
    dims[0] = -1;
    for (int i = 1; i < dims.length; i++) {
      long x = a.get(i);
      long y = b.get(i);
      if (x == 1 || x == y) {
        dims[i] = y;
      } else if (y == 1) {
        dims[i] = x;
      } else if (x < 0 || y < 0) {
        dims[i] = -1;
      } else {
        throw incompatible(layerName, a, b);
      }
    }
    return Shape.of(dims);
  }

  private static IllegalArgumentException incompatible(String layerName, Shape a, Shape b) {
    return new IllegalArgumentException("Layer \"" + layerName + "\" (Add): inputs have incompatible "
        + "shapes. Received shapes " + Shapes.format(a) + " and " + Shapes.format(b));
  }

  @Override
  protected Operand<TFloat32> merge(Ops tf, List<Operand<TFloat32>> inputs) {
    Operand<TFloat32> sum = inputs.get(0);
    for (Operand<TFloat32> x : inputs.subList(1, inputs.size())) {
      sum = tf.math.add(sum, x);
    }
    return sum;
  }

  @Override
  public Config getConfig() {
    return Config.empty();
  }

  /** Reads Keras's Add config (no options). */
  public static Add fromConfig(ConfigReader c) {
    return of();
  }
}

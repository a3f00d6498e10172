package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The base of Keras's element-wise merge layers ({@link Add}, {@link Subtract}, {@link Multiply},
 * {@link Average}, {@link Maximum}, {@link Minimum}): their inputs combined pairwise, in order,
 * with Keras's broadcasting: shapes are aligned at their last axes, a dimension of 1 stretches to
 * the other, and an input of lower rank gains length-1 axes after the batch axis.
 *
 * @param <L> the concrete layer type
 */
public abstract class ElementwiseMerge<L extends ElementwiseMerge<L>> extends Merge<L> {

  /** {@code a} combined with {@code b}, element-wise with broadcasting. */
  abstract Operand<TFloat32> combine(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b);

  /** The combination of all {@code count} inputs; Average divides it by the count. */
  Operand<TFloat32> finish(Ops tf, Operand<TFloat32> combined, int count) {
    return combined;
  }

  @Override
  protected Shape mergedShape(String layerName, List<Shape> inputs) {
    Shape out = Shapes.features(inputs.get(0));
    for (Shape s : inputs.subList(1, inputs.size())) {
      Shape next = broadcast(out, Shapes.features(s));
      if (next == null) {
        Shape[] pair = out.numDimensions() < s.numDimensions() - 1
            ? new Shape[] {Shapes.features(s), out} : new Shape[] {out, Shapes.features(s)};
        throw new IllegalArgumentException("Layer \"" + layerName + "\" (" + className() + "): "
            + "Inputs have incompatible shapes. Received shapes " + Shapes.format(pair[0]) + " and "
            + Shapes.format(pair[1]) + " (full input shapes: " + format(inputs) + ")");
      }
      out = next;
    }
    return Shapes.withBatch(out);
  }

  /** Keras's broadcast of two shapes without the batch axis, aligned at the end; null if they clash. */
  private static Shape broadcast(Shape a, Shape b) {
    if (a.numDimensions() < b.numDimensions()) {
      return broadcast(b, a);
    }
    int offset = a.numDimensions() - b.numDimensions();
    long[] dims = a.asArray();
    for (int i = 0; i < b.numDimensions(); i++) {
      long x = a.get(offset + i);
      long y = b.get(i);
      if (x < 0 || y < 0) {
        dims[offset + i] = -1;
      } else if (x == 1 || y == 1 || x == y) {
        dims[offset + i] = x == 1 ? y : x;
      } else {
        return null;
      }
    }
    return Shape.of(dims);
  }

  @Override
  protected Operand<TFloat32> merge(Ops tf, List<Operand<TFloat32>> inputs) {
    List<Operand<TFloat32>> aligned = sameRank(tf, inputs);
    Operand<TFloat32> out = aligned.get(0);
    for (Operand<TFloat32> x : aligned.subList(1, aligned.size())) {
      out = combine(tf, out, x);
    }
    return finish(tf, out, inputs.size());
  }

  /** The inputs, those of lower rank with length-1 axes inserted after the batch axis (as Keras). */
  private static List<Operand<TFloat32>> sameRank(Ops tf, List<Operand<TFloat32>> inputs) {
    int rank = inputs.stream().mapToInt(x -> x.shape().numDimensions()).max().orElseThrow();
    List<Operand<TFloat32>> out = new ArrayList<>();
    for (Operand<TFloat32> x : inputs) {
      Operand<TFloat32> y = x;
      for (int r = x.shape().numDimensions(); r < rank; r++) {
        y = tf.expandDims(y, tf.constant(1));
      }
      out.add(y);
    }
    return out;
  }

  @Override
  public Config getConfig() {
    return Config.empty();
  }
}

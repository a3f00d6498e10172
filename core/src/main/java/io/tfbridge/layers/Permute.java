package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Permute}: reorders the non-batch axes; {@code dims} numbers them from 1, e.g.
 * {@code Permute.of(2, 1)} swaps the two axes of {@code (batch, steps, features)}.
 *
 * <pre>{@code
 * Permute permute = Permute.of(2, 1);
 * }</pre>
 */
public final class Permute extends Layer<Permute> {
  private final int[] dims;

  private Permute(int[] dims) {
    int[] sorted = dims.clone();
    Arrays.sort(sorted);
    if (!Arrays.equals(sorted, IntStream.rangeClosed(1, dims.length).toArray())) {
      throw new IllegalArgumentException("Invalid permutation argument `dims` for Permute Layer. "
          + "The set of indices in `dims` must be consecutive and start from 1. Received dims="
          + Shapes.tuple(dims));
    }
    this.dims = dims.clone();
  }

  /** The permutation of the non-batch axes, numbered from 1 (Keras's {@code dims}). */
  public static Permute of(int... dims) {
    return new Permute(dims);
  }

  /** The permutation. */
  public int[] dims() {
    return dims.clone();
  }

  @Override
  public String className() {
    return "Permute";
  }

  @Override
  public String namePrefix() {
    return "permute";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, dims.length + 1, dims.length + 1);
    long[] out = new long[dims.length + 1];
    out[0] = input.get(0);
    for (int i = 0; i < dims.length; i++) {
      out[i + 1] = input.get(dims[i]);
    }
    return Shape.of(out);
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    int[] perm = IntStream.concat(IntStream.of(0), IntStream.of(dims)).toArray();
    return LayerOutput.of(tf.linalg.transpose(input, tf.constant(perm)));
  }

  @Override
  public Config getConfig() {
    return Config.builder().putInts("dims", dims).build();
  }

  /** Reads Keras's Permute config. */
  public static Permute fromConfig(ConfigReader c) {
    java.util.List<?> dims = c.getList("dims");
    if (!dims.stream().allMatch(d -> d instanceof Integer || d instanceof Long)) {
      throw c.error("option dims must be a list of integers, found " + dims);
    }
    return of(dims.stream().mapToInt(d -> ((Number) d).intValue()).toArray());
  }
}

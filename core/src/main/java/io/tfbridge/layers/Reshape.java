package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Reshape}: {@code (batch, ...)} to {@code (batch, target_shape...)}, row-major; one
 * target dimension may be {@code -1}, inferred from the input's size.
 *
 * <pre>{@code
 * Reshape reshape = Reshape.of(4, -1);
 * }</pre>
 */
public final class Reshape extends Layer<Reshape> {
  private final long[] targetShape;

  private Reshape(long[] targetShape) {
    long unknown = Arrays.stream(targetShape).filter(d -> d == -1).count();
    if (targetShape.length == 0 || unknown > 1
        || Arrays.stream(targetShape).anyMatch(d -> d == 0 || d < -1)) {
      throw new IllegalArgumentException("The `target_shape` argument must be a tuple of positive "
          + "integers with at most one -1 (an unknown dimension). Received: target_shape="
          + Shapes.format(targetShape).replace("None", "-1"));
    }
    this.targetShape = targetShape.clone();
  }

  /** Reshapes each sample to {@code targetShape} (Keras's {@code target_shape}, batch excluded). */
  public static Reshape of(long... targetShape) {
    return new Reshape(targetShape);
  }

  /** The target shape as given, {@code -1} for the inferred dimension. */
  public long[] targetShape() {
    return targetShape.clone();
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "Reshape";
  }

  @Override
  public String namePrefix() {
    return "reshape";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, 2, Integer.MAX_VALUE);
    Shape features = input.tail();
    if (features.hasUnknownDimension()) {
      throw Shapes.incompatible(layerName, "all non-batch dimensions defined", input);
    }
    long size = features.size();
    long known = 1;
    int unknownAt = -1;
    for (int i = 0; i < targetShape.length; i++) {
      if (targetShape[i] == -1) {
        unknownAt = i;
      } else {
        known *= targetShape[i];
      }
    }
    long[] out = targetShape.clone();
    if (unknownAt < 0 ? known != size : size % known != 0) {
      throw new IllegalArgumentException("Layer \"" + layerName + "\": the total size of the tensor "
          + "must be unchanged. Received: input_shape=" + Shapes.format(features) + ", target_shape="
          + Shapes.format(targetShape).replace("None", "-1"));
    }
    if (unknownAt >= 0) {
      out[unknownAt] = size / known;
    }
    return Shape.of(input.get(0)).append(Shape.of(out));
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    Shape out = outputShape("reshape", input.shape());
    long[] dims = out.asArray();
    dims[0] = -1;
    return LayerOutput.of(tf.reshape(input, tf.constant(dims)));
  }

  @Override
  public Config getConfig() {
    return Config.builder().putLongs("target_shape", targetShape).build();
  }

  @Override
  public boolean hasBuildConfig() {
    return false;
  }

  /** Reads Keras's Reshape config. */
  public static Reshape fromConfig(ConfigReader c) {
    java.util.List<?> dims = c.getList("target_shape");
    if (dims.isEmpty() || !dims.stream().allMatch(d -> d instanceof Integer || d instanceof Long)) {
      throw c.error("option target_shape must be a list of integers, found " + c.get("target_shape"));
    }
    return of(dims.stream().mapToLong(d -> ((Number) d).longValue()).toArray());
  }
}

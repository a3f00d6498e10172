package io.tfbridge.layers;

import io.tfbridge.initializers.Initializer;
import io.tfbridge.initializers.Initializers;
import io.tfbridge.initializers.Zeros;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code PReLU}: {@code x} for {@code x >= 0}, {@code alpha * x} otherwise, with a learned
 * {@code alpha} of the input's feature shape; {@code shared_axes} (counted with the batch axis as 0)
 * share one alpha along those axes, e.g. {@code sharedAxes(1, 2)} for one alpha per channel of an image.
 *
 * <pre>{@code
 * PReLU perChannel = PReLU.of().sharedAxes(1, 2);
 * }</pre>
 */
public final class PReLU extends Layer<PReLU> {
  private Initializer alphaInitializer = Zeros.of();
  private int[] sharedAxes;

  private PReLU() {}

  /** A PReLU with alpha initialized to zeros and no shared axes. */
  public static PReLU of() {
    return new PReLU();
  }

  /** A copy with this alpha initializer (default zeros). */
  public PReLU alphaInitializer(Initializer initializer) {
    PReLU copy = copy();
    copy.alphaInitializer = java.util.Objects.requireNonNull(initializer, "initializer");
    return copy;
  }

  /** A copy sharing alpha along these axes (each >= 1: the batch axis is 0). */
  public PReLU sharedAxes(int... axes) {
    for (int axis : axes) {
      if (axis < 1) {
        throw new IllegalArgumentException("PReLU shared_axes must be positive (the batch axis is "
            + "0), found " + Arrays.toString(axes));
      }
    }
    PReLU copy = copy();
    copy.sharedAxes = axes.clone();
    return copy;
  }

  /** The alpha initializer. */
  public Initializer alphaInitializer() {
    return alphaInitializer;
  }

  /** The shared axes, or null for none. */
  public int[] sharedAxes() {
    return sharedAxes == null ? null : sharedAxes.clone();
  }

  @Override
  public String className() {
    return "PReLU";
  }

  @Override
  public String namePrefix() {
    return "p_re_lu";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, 2, Integer.MAX_VALUE);
    alphaShape(layerName, input);
    return input;
  }

  @Override
  public List<WeightSpec> weights(Shape input) {
    return List.of(WeightSpec.trainable("alpha", alphaShape(className(), input), alphaInitializer));
  }

  /** The input's feature shape with 1 along the shared axes; every other axis must be known. */
  private Shape alphaShape(String layerName, Shape input) {
    long[] dims = input.tail().asArray();
    if (sharedAxes != null) {
      for (int axis : sharedAxes) {
        if (axis >= input.numDimensions()) {
          throw Shapes.incompatible(layerName, "a rank above " + axis + " (shared_axes="
              + Arrays.toString(sharedAxes) + ")", input);
        }
        dims[axis - 1] = 1;
      }
    }
    if (Arrays.stream(dims).anyMatch(d -> d < 0)) {
      throw Shapes.incompatible(layerName, "defined dimensions on every axis not in shared_axes",
          input);
    }
    return Shape.of(dims);
  }

  /** Keras's {@code relu(x) + (-alpha) * relu(-x)}. */
  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    Operand<TFloat32> negative = tf.math.mul(tf.math.neg(context.weight("alpha")),
        tf.nn.relu(tf.math.neg(input)));
    return LayerOutput.of(tf.math.add(tf.nn.relu(input), negative));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("alpha_initializer", Initializers.serialize(alphaInitializer))
        .putNull("alpha_regularizer", "alpha_constraint")
        .put("shared_axes", sharedAxes == null ? null : Arrays.stream(sharedAxes).boxed().toList())
        .build();
  }

  /** Reads Keras's PReLU config ({@code shared_axes}: null, an integer or a list). */
  public static PReLU fromConfig(ConfigReader c) {
    PReLU prelu = of().alphaInitializer(c.initializer("alpha_initializer", Zeros.of()));
    Axes shared = Axes.read(c, "shared_axes", null);
    return shared == null ? prelu : prelu.sharedAxes(shared.values());
  }
}

package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras's {@code GroupNormalization}: the channels along {@code axis} (default -1) are split into
 * {@code groups} (default 32; -1 means one per channel, instance normalization), and each sample is
 * normalised per group over the group's channels and every other non-batch axis, then scaled by
 * gamma and offset by beta, one per channel.
 *
 * <pre>{@code
 * GroupNormalization gn = GroupNormalization.of(4);
 * GroupNormalization instanceNorm = GroupNormalization.of(-1);
 * }</pre>
 */
public final class GroupNormalization extends CenterScaleLayer<GroupNormalization> {
  private final int groups;
  private int axis = -1;

  private GroupNormalization(int groups) {
    if (groups <= 0 && groups != -1) {
      throw new IllegalArgumentException("Received an invalid value for argument `groups`, expected "
          + "a positive integer (or `-1` for instance normalization). Received: groups=" + groups);
    }
    this.groups = groups;
  }

  /** Group normalization with {@code groups} groups (-1: one per channel). */
  public static GroupNormalization of(int groups) {
    return new GroupNormalization(groups);
  }

  /** Keras's default: 32 groups. */
  public static GroupNormalization of() {
    return new GroupNormalization(32);
  }

  /** A copy with the channels on this axis (default -1). */
  public GroupNormalization axis(int axis) {
    GroupNormalization copy = copy();
    copy.axis = axis;
    return copy;
  }

  /** The number of groups as given (-1: one per channel). */
  public int groups() {
    return groups;
  }

  /** The channel axis as given. */
  public int axis() {
    return axis;
  }

  @Override
  public String className() {
    return "GroupNormalization";
  }

  @Override
  public String namePrefix() {
    return "group_normalization";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, 2, Integer.MAX_VALUE);
    groupsFor(layerName, input, channelAxis(layerName, input));
    return input;
  }

  @Override
  public List<WeightSpec> weights(Shape input) {
    Shape channels = Shape.of(input.get(channelAxis(className(), input)));
    return gammaBeta(channels, scale, center);
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    Ops tf = context.tf();
    Shape shape = input.shape();
    int p = channelAxis(className(), shape);
    int g = groupsFor(className(), shape, p);
    int rank = shape.numDimensions();
    long[] groupShape = new long[rank + 1];
    java.util.Arrays.fill(groupShape, 1);
    groupShape[p] = g;
    groupShape[p + 1] = shape.get(p) / g;
    Operand<TFloat32> grouped = tf.reshape(input, groupedShape(tf, input, p, g));
    int[] reduce = IntStream.rangeClosed(1, rank).filter(a -> a != p).toArray();
    Operand<TFloat32> gamma = scale
        ? tf.reshape(context.weight("gamma"), tf.constant(groupShape)) : null;
    Operand<TFloat32> beta = center
        ? tf.reshape(context.weight("beta"), tf.constant(groupShape)) : null;
    Operand<TFloat32> out = Moments.of(tf, grouped, reduce).normalize(tf, grouped, epsilon, gamma, beta);
    return LayerOutput.of(tf.reshape(out, tf.shape(input)));
  }

  /**
   * The input's shape with the channel axis split into {@code (groups, channels / groups)}: constant
   * when every non-batch size is known, else read from the input at run time.
   */
  private static Operand<TInt32> groupedShape(Ops tf, Operand<TFloat32> input, int p, int g) {
    Shape shape = input.shape();
    int rank = shape.numDimensions();
    int perGroup = (int) (shape.get(p) / g);
    if (!shape.tail().hasUnknownDimension()) {
      int[] dims = new int[rank + 1];
      for (int a = 0, i = 0; a < rank; a++) {
        if (a == p) {
          dims[i++] = g;
        }
        dims[i++] = a == 0 ? -1 : a == p ? perGroup : (int) shape.get(a);
      }
      return tf.constant(dims);
    }
    Operand<TInt32> dynamic = tf.shape(input);
    return tf.concat(List.of(tf.stridedSlice(dynamic, Indices.slice(0, p)),
        tf.constant(new int[] {g, perGroup}), tf.stridedSlice(dynamic, Indices.slice(p + 1, rank))),
        tf.constant(0));
  }

  /** The channel axis, non-negative, of known size. */
  private int channelAxis(String layerName, Shape input) {
    return Axes.of(axis).resolveKnown(layerName, input)[0];
  }

  /** The number of groups for this input, with Keras's errors. */
  private int groupsFor(String layerName, Shape input, int p) {
    long channels = input.get(p);
    int g = groups == -1 ? (int) channels : groups;
    if (channels < g) {
      throw new IllegalArgumentException("Layer \"" + layerName + "\": Number of groups (" + g
          + ") cannot be more than the number of channels (" + channels + ").");
    }
    if (channels % g != 0) {
      throw new IllegalArgumentException("Layer \"" + layerName + "\": Number of groups (" + g
          + ") must be a multiple of the number of channels (" + channels + ").");
    }
    return g;
  }

  @Override
  public Config getConfig() {
    Config.Builder b = Config.builder().put("groups", groups).put("axis", axis);
    return putInitializers(putEpsilonCenterScale(b)).build();
  }

  /** Reads Keras's GroupNormalization config. */
  public static GroupNormalization fromConfig(ConfigReader c) {
    return of(c.getInt("groups", 32)).axis(c.getInt("axis", -1)).withCenterScale(c);
  }
}

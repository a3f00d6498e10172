package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * Keras's {@code TimeDistributed} wrapper: one layer applied to every timestep of a
 * {@code (batch, timesteps, ...)} input with the same weights, {@code (batch, timesteps, ...)} out.
 * The steps are folded into the batch ({@code (batch * timesteps, ...)}), which gives Keras's
 * step-by-step results for layers that treat samples independently. The input's mask passes on.
 *
 * <p>Weights: the wrapped layer's, in the {@code .keras} group {@code layer}, as Keras keeps them.
 * BatchNormalization cannot be wrapped (Keras normalizes each step with its own batch statistics).
 *
 * <pre>{@code
 * TimeDistributed perStep = TimeDistributed.of(Dense.of(4).activation("relu"));
 * }</pre>
 */
public final class TimeDistributed extends Layer<TimeDistributed> {
  private final Layer<?> layer;

  private TimeDistributed(Layer<?> layer) {
    this.layer = Objects.requireNonNull(layer, "layer");
    if (layer instanceof BatchNormalization || layer instanceof TimeDistributed
        || layer instanceof Merge<?>) {
      throw new IllegalArgumentException("TimeDistributed(" + layer.className() + ") is not "
          + "supported by tfbridge (it applies a per-sample layer to each timestep)");
    }
  }

  /** {@code layer} applied to every timestep. */
  public static TimeDistributed of(Layer<?> layer) {
    return new TimeDistributed(layer);
  }

  /** The wrapped layer. */
  public Layer<?> layer() {
    return layer;
  }

  /** Refuses a mixed policy on the wrapped layer too: it runs inside this layer's call. */
  @Override
  public void checkDtypePolicy(String layerName) {
    super.checkDtypePolicy(layerName);
    MixedPrecision.checkWrapped(layerName, this, layer);
  }

  @Override
  public String className() {
    return "TimeDistributed";
  }

  @Override
  public String namePrefix() {
    return "time_distributed";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    if (input.numDimensions() < 3) {
      throw new IllegalArgumentException("`TimeDistributed` Layer should be passed an `input_shape` "
          + "with at least 3 dimensions, received: " + Shapes.format(input) + " (layer \""
          + layerName + "\")");
    }
    Shape child = layer.outputShape(layerName, childShape(input));
    long[] dims = new long[child.numDimensions() + 1];
    dims[0] = input.get(0);
    dims[1] = input.get(1);
    System.arraycopy(child.asArray(), 1, dims, 2, child.numDimensions() - 1);
    return Shape.of(dims);
  }

  /** {@code (batch, steps, rest...)} to {@code (batch, rest...)}. */
  private static Shape childShape(Shape input) {
    long[] dims = input.asArray();
    long[] child = new long[dims.length - 1];
    child[0] = dims[0];
    System.arraycopy(dims, 2, child, 1, dims.length - 2);
    return Shape.of(child);
  }

  @Override
  public List<WeightSpec> weights(Shape input) {
    return layer.weights(childShape(input)).stream().map(w -> w.inGroup("layer")).toList();
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    Ops tf = context.tf();
    long steps = input.shape().get(1);
    Shape child = childShape(input.shape());
    Operand<TFloat32> folded = fold(tf, input, child);
    List<Operand<?>> raw = List.of(fold(tf, context.rawInput(0), child));
    List<Operand<TBool>> masks = new ArrayList<>();
    masks.add(null);
    LayerOutput out = layer.call(new WrappedContext(context, "", Wrapped.nameOf(layer), raw, masks, 1),
        folded);
    return new LayerOutput(unfold(tf, out.value(), steps), unfold(tf, out.preActivation(), steps),
        out.activation());
  }

  private static <T extends TType> Operand<T> fold(Ops tf, Operand<T> x, Shape child) {
    long[] dims = child.asArray();
    dims[0] = -1;
    return tf.reshape(x, tf.constant(dims));
  }

  private static Operand<TFloat32> unfold(Ops tf, Operand<TFloat32> y, long steps) {
    long[] dims = y.shape().asArray();
    long[] out = new long[dims.length + 1];
    out[0] = -1;
    out[1] = steps;
    System.arraycopy(dims, 1, out, 2, dims.length - 1);
    return tf.reshape(y, tf.constant(out));
  }

  /** Keras's {@code supports_masking}: the input's mask passes through. */
  @Override
  public boolean supportsMasking() {
    return true;
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("layer", Wrapped.serialize(layer, Wrapped.nameOf(layer))).build();
  }

  /** Reads Keras's TimeDistributed config. */
  public static TimeDistributed fromConfig(ConfigReader c) {
    Layer<?> layer = Wrapped.read(c, "layer");
    if (layer == null) {
      throw c.error("the config has no `layer`");
    }
    try {
      return of(layer);
    } catch (IllegalArgumentException e) {
      throw c.unsupported("layer=" + layer.className() + " (" + e.getMessage() + ")");
    }
  }
}

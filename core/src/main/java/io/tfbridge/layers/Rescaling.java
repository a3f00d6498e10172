package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Rescaling}: {@code x * scale + offset}, where scale and offset are numbers or arrays
 * that broadcast against the input from the right (a list of one value per channel, channels last).
 *
 * <pre>{@code
 * Rescaling pixels = Rescaling.of(1 / 127.5).offset(-1);
 * Rescaling perChannel = Rescaling.of(new double[] {0.5, 1.0, 2.0});
 * }</pre>
 */
public final class Rescaling extends Layer<Rescaling> {
  private final ConstantArray scale;
  private ConstantArray offset = ConstantArray.scalar(0.0);

  private Rescaling(ConstantArray scale) {
    this.scale = scale;
  }

  /** Multiplies by {@code scale}, offset 0. */
  public static Rescaling of(double scale) {
    return new Rescaling(ConstantArray.scalar(scale));
  }

  /** Multiplies by one scale per channel (the last axis). */
  public static Rescaling of(double[] scale) {
    return new Rescaling(ConstantArray.vector(scale));
  }

  /** A copy that adds {@code offset} after scaling (default 0). */
  public Rescaling offset(double offset) {
    return withOffset(ConstantArray.scalar(offset));
  }

  /** A copy that adds one offset per channel after scaling. */
  public Rescaling offset(double[] offset) {
    return withOffset(ConstantArray.vector(offset));
  }

  private Rescaling withOffset(ConstantArray offset) {
    Rescaling copy = copy();
    copy.offset = offset;
    return copy;
  }

  /** The scale, as Keras writes it: a number or a (nested) list. */
  public Object scale() {
    return scale.configValue();
  }

  /** The offset, as Keras writes it. */
  public Object offset() {
    return offset.configValue();
  }

  @Override
  public String className() {
    return "Rescaling";
  }

  @Override
  public String namePrefix() {
    return "rescaling";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    requireBroadcast(layerName, input, "scale", scale);
    requireBroadcast(layerName, input, "offset", offset);
    return input;
  }

  /** The output keeps the input's shape: the constant must broadcast against it from the right. */
  private static void requireBroadcast(String layerName, Shape input, String what, ConstantArray c) {
    long[] dims = c.shape();
    int rank = input.numDimensions();
    boolean ok = dims.length < rank;
    for (int i = 1; ok && i <= dims.length; i++) {
      long d = dims[dims.length - i];
      long in = input.get(rank - i);
      ok = d == 1 || d == in;
    }
    if (!ok) {
      throw Shapes.incompatible(layerName, "a shape that " + what + " of shape "
          + Shapes.format(dims) + " broadcasts against", input);
    }
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    return LayerOutput.of(tf.math.add(tf.math.mul(input, scale.constant(tf)), offset.constant(tf)));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("scale", scale.configValue()).put("offset", offset.configValue())
        .build();
  }

  /** Reads Keras's Rescaling config: numbers, lists or serialized numpy arrays. */
  public static Rescaling fromConfig(ConfigReader c) {
    ConstantArray scale = ConstantArray.read(c, "scale");
    if (scale == null) {
      throw c.error("option scale is required");
    }
    ConstantArray offset = ConstantArray.read(c, "offset");
    return new Rescaling(scale).withOffset(offset == null ? ConstantArray.scalar(0.0) : offset);
  }
}

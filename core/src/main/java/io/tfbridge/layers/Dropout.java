package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras's {@code Dropout}: while training, zeroes each input with probability {@code rate} and scales
 * the rest by {@code 1 / (1 - rate)}; the identity otherwise. With a {@code noise_shape} one draw is
 * shared along the axes where it is 1 (EfficientNet drops whole samples: {@code (None, 1, 1, 1)}).
 *
 * <pre>{@code
 * Dropout dropout = Dropout.of(0.5);
 * Dropout perSample = Dropout.of(0.2).noiseShape(-1, 1, 1, 1);
 * }</pre>
 */
public final class Dropout extends Layer<Dropout> {
  private final double rate;
  private long[] noiseShape;

  private Dropout(double rate) {
    this.rate = Noise.checkedRate(rate);
  }

  /** Dropout of the given rate, in {@code [0, 1]}. */
  public static Dropout of(double rate) {
    return new Dropout(rate);
  }

  /**
   * A copy drawing its mask in this shape (batch axis included), broadcast over the input; -1 (Keras's
   * None) takes the input's dimension on that axis.
   */
  public Dropout noiseShape(long... dims) {
    for (long d : dims) {
      if (d < -1 || d == 0) {
        throw new IllegalArgumentException("Dropout noise_shape dimensions must be positive or -1 "
            + "(None), found " + Shapes.format(dims));
      }
    }
    Dropout copy = copy();
    copy.noiseShape = dims.clone();
    return copy;
  }

  /** The noise shape (-1 for the input's dimension), or null for one draw per input value. */
  public long[] noiseShape() {
    return noiseShape == null ? null : noiseShape.clone();
  }

  /** The fraction of inputs dropped while training. */
  public double rate() {
    return rate;
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.FLOAT32_INSIDE;
  }

  @Override
  public String className() {
    return "Dropout";
  }

  @Override
  public String namePrefix() {
    return "dropout";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    if (noiseShape != null) {
      boolean fits = noiseShape.length == input.numDimensions();
      for (int i = 0; fits && i < noiseShape.length; i++) {
        long d = input.get(i);
        fits = noiseShape[i] == -1 || noiseShape[i] == 1 || d < 0 || noiseShape[i] == d;
      }
      if (!fits) {
        throw Shapes.incompatible(layerName, "a shape the noise_shape " + Shapes.format(noiseShape)
            + " broadcasts to", input);
      }
    }
    return input;
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    return LayerOutput.of(Noise.dropout(context, input, rate, maskShape(context, input)));
  }

  /** The input's shape, or the noise shape with the input's dimensions where it has -1. */
  private Operand<TInt32> maskShape(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    Operand<TInt32> shape = tf.shape(input);
    if (noiseShape == null) {
      return shape;
    }
    int[] fromInput = new int[noiseShape.length];
    int[] fixed = new int[noiseShape.length];
    for (int i = 0; i < noiseShape.length; i++) {
      fromInput[i] = noiseShape[i] == -1 ? 1 : 0;
      fixed[i] = noiseShape[i] == -1 ? 0 : (int) noiseShape[i];
    }
    return tf.math.add(tf.math.mul(shape, tf.constant(fromInput)), tf.constant(fixed));
  }

  @Override
  public Config getConfig() {
    List<Long> shape = null;
    if (noiseShape != null) {
      shape = new ArrayList<>();
      for (long d : noiseShape) {
        shape.add(d == -1 ? null : d);
      }
    }
    return Config.builder().put("rate", rate).putNull("seed").put("noise_shape", shape).build();
  }

  @Override
  public boolean hasBuildConfig() {
    return false;
  }

  /**
   * Reads Keras's Dropout config (its seed is dropped: tfbridge draws from the model's seed;
   * {@code noise_shape} a list of positive integers and nulls).
   */
  public static Dropout fromConfig(ConfigReader c) {
    c.ignore("seed");
    Dropout dropout = of(c.getDouble("rate"));
    List<?> shape = c.getList("noise_shape");
    if (shape.isEmpty()) {
      return dropout;
    }
    long[] dims = new long[shape.size()];
    for (int i = 0; i < dims.length; i++) {
      Object d = shape.get(i);
      if (d != null && !(d instanceof Integer || d instanceof Long)) {
        throw c.error("option noise_shape must hold integers and nulls, found " + shape);
      }
      dims[i] = d == null ? -1 : ((Number) d).longValue();
    }
    try {
      return dropout.noiseShape(dims);
    } catch (IllegalArgumentException e) {
      throw c.error(e.getMessage());
    }
  }

  /** Keras's {@code supports_masking}: the input's mask passes through. */
  @Override
  public boolean supportsMasking() {
    return true;
  }
}

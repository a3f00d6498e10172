package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Any;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Masking}: marks the timesteps of a {@code (batch, timesteps, features)} input whose
 * features all equal {@code mask_value} as padding. The mask is {@code any(x != mask_value, axis=-1)};
 * the output is {@code x * mask}, so masked steps become 0 whatever the mask value. The layers after
 * it (recurrent layers, GlobalAveragePooling1D) skip the masked steps.
 *
 * <pre>{@code
 * Sequential model = Sequential.of(Masking.of(0.0).inputShape(12, 4), LSTM.of(8), Dense.of(1));
 * }</pre>
 */
public final class Masking extends Layer<Masking> {
  private final double maskValue;

  private Masking(double maskValue) {
    this.maskValue = maskValue;
  }

  /** A masking layer for steps whose features all equal {@code maskValue}. */
  public static Masking of(double maskValue) {
    return new Masking(maskValue);
  }

  /** A masking layer for all-zero steps (Keras's default {@code mask_value=0.0}). */
  public static Masking of() {
    return new Masking(0.0);
  }

  /** The value that marks padding. */
  public double maskValue() {
    return maskValue;
  }

  @Override
  public String className() {
    return "Masking";
  }

  @Override
  public String namePrefix() {
    return "masking";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, 2, Integer.MAX_VALUE);
    return input;
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    Ops tf = context.tf();
    Operand<TBool> keep = tf.any(tf.math.notEqual(input, tf.constant((float) maskValue)),
        tf.constant(-1), Any.keepDims(true));
    return LayerOutput.of(tf.math.mul(input, tf.dtypes.cast(keep, TFloat32.class)));
  }

  @Override
  public boolean supportsMasking() {
    return true;
  }

  /** {@code any(x != mask_value, axis=-1)}: true where a step holds data. */
  @Override
  public Operand<TBool> computeMask(LayerContext context, List<Operand<TFloat32>> inputs,
      List<Operand<TBool>> masks) {
    Ops tf = context.tf();
    return tf.any(tf.math.notEqual(inputs.get(0), tf.constant((float) maskValue)),
        tf.constant(-1), Any.keepDims(false));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("mask_value", maskValue).build();
  }

  @Override
  public boolean hasBuildConfig() {
    return false;
  }

  /** Reads Keras's Masking config. */
  public static Masking fromConfig(ConfigReader c) {
    return of(c.getDouble("mask_value", 0.0));
  }
}

package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras's {@code GlobalAveragePooling1D} on channels-last inputs: the mean over the steps of each
 * feature, {@code (batch, steps, features)} to {@code (batch, features)}, or with {@code keepdims}
 * to {@code (batch, 1, features)}.
 *
 * <pre>{@code
 * GlobalAveragePooling1D pool = GlobalAveragePooling1D.of().keepdims(true);
 * }</pre>
 */
public final class GlobalAveragePooling1D extends GlobalPooling<GlobalAveragePooling1D> {

  private GlobalAveragePooling1D() {
    super(3, PoolingMode.AVERAGE);
  }

  /** The pooling layer, without kept dimensions (Keras's default). */
  public static GlobalAveragePooling1D of() {
    return new GlobalAveragePooling1D();
  }

  @Override
  public String className() {
    return "GlobalAveragePooling1D";
  }

  @Override
  public String namePrefix() {
    return "global_average_pooling1d";
  }

  /** Reads Keras's GlobalAveragePooling1D config. */
  public static GlobalAveragePooling1D fromConfig(ConfigReader c) {
    return withPoolingOptions(c, of());
  }

  /**
   * With a mask, Keras's masked mean: {@code sum(x * mask) / sum(mask)} over the steps (NaN for a row
   * whose steps are all masked, as in Keras); without one, the plain mean.
   */
  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    Operand<TBool> mask = context.mask();
    if (mask == null) {
      return super.call(context, input);
    }
    Ops tf = context.tf();
    Operand<TFloat32> weights = Masks.weights(tf, mask);
    Operand<TInt32> steps = tf.constant(new int[] {1});
    return LayerOutput.of(tf.math.div(
        tf.sum(tf.math.mul(input, weights), steps, Sum.keepDims(keepdims())),
        tf.sum(weights, steps, Sum.keepDims(keepdims()))));
  }

  /** Keras's {@code supports_masking}: the pooling reads the mask and ends it. */
  @Override
  public boolean supportsMasking() {
    return true;
  }

  @Override
  public Operand<TBool> computeMask(LayerContext context, List<Operand<TFloat32>> inputs,
      List<Operand<TBool>> masks) {
    return null;
  }
}

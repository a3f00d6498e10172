package io.tfbridge.layers;

import io.tfbridge.initializers.Initializer;
import io.tfbridge.initializers.Initializers;
import io.tfbridge.initializers.Ones;
import io.tfbridge.initializers.Zeros;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras's {@code BatchNormalization} over the last axis:
 * {@code (x - mean) * rsqrt(variance + epsilon) * gamma + beta}.
 *
 * <p>While training, mean and variance are the batch's (the biased, population variance over every
 * axis but the last), and each training step moves the moving statistics towards them:
 * {@code moving = moving * momentum + batch * (1 - momentum)}. At inference the moving statistics are
 * used. Both branches are computed and mixed by the training flag ({@code 1 * train + 0 * inference},
 * exact in float32), since gradients through If ops abort the process in TF Java.
 *
 * <p>Weights, in Keras's order: gamma (with {@code scale}), beta (with {@code center}), then the
 * non-trainable moving_mean and moving_variance, each {@code (features,)}.
 *
 * <pre>{@code
 * BatchNormalization bn = BatchNormalization.of().momentum(0.9);
 * }</pre>
 */
public final class BatchNormalization extends CenterScaleLayer<BatchNormalization> {
  private int axis = -1;
  private double momentum = 0.99;
  private Initializer movingMeanInitializer = Zeros.of();
  private Initializer movingVarianceInitializer = Ones.of();

  private BatchNormalization() {}

  /** Batch normalization with Keras's defaults: axis -1, momentum 0.99, epsilon 0.001. */
  public static BatchNormalization of() {
    return new BatchNormalization();
  }

  /**
   * A copy normalising over this axis; only the last (features) axis is supported: {@code -1}, or
   * its index counted with the batch dimension.
   */
  public BatchNormalization axis(int axis) {
    BatchNormalization copy = copy();
    copy.axis = axis;
    return copy;
  }

  /** A copy with this momentum of the moving statistics (default 0.99). */
  public BatchNormalization momentum(double momentum) {
    BatchNormalization copy = copy();
    copy.momentum = momentum;
    return copy;
  }

  /** A copy with this moving-mean initializer (default zeros). */
  public BatchNormalization movingMeanInitializer(Initializer initializer) {
    BatchNormalization copy = copy();
    copy.movingMeanInitializer = initializer;
    return copy;
  }

  /** A copy with this moving-variance initializer (default ones). */
  public BatchNormalization movingVarianceInitializer(Initializer initializer) {
    BatchNormalization copy = copy();
    copy.movingVarianceInitializer = initializer;
    return copy;
  }

  /** The normalised axis as given ({@code -1} by default). */
  public int axis() {
    return axis;
  }

  /** The momentum of the moving statistics. */
  public double momentum() {
    return momentum;
  }

  /** The moving-mean initializer. */
  public Initializer movingMeanInitializer() {
    return movingMeanInitializer;
  }

  /** The moving-variance initializer. */
  public Initializer movingVarianceInitializer() {
    return movingVarianceInitializer;
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.FLOAT32_INSIDE;
  }

  @Override
  public String className() {
    return "BatchNormalization";
  }

  @Override
  public String namePrefix() {
    return "batch_normalization";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, 2, Integer.MAX_VALUE);
    int rank = input.numDimensions();
    if (axis != -1 && axis != rank - 1) {
      throw new IllegalArgumentException("Layer \"" + layerName + "\": BatchNormalization supports only "
          + "the last axis (axis=-1 or " + (rank - 1) + "), found axis=" + axis + " for input shape "
          + Shapes.format(input));
    }
    Shapes.knownLastAxis(layerName, input);
    return input;
  }

  @Override
  public List<WeightSpec> weights(Shape input) {
    Shape features = Shape.of(input.get(input.numDimensions() - 1));
    List<WeightSpec> specs = gammaBeta(features, scale, center);
    specs.add(WeightSpec.nonTrainable("moving_mean", features, movingMeanInitializer));
    specs.add(WeightSpec.nonTrainable("moving_variance", features, movingVarianceInitializer));
    return specs;
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    Ops tf = context.tf();
    if (!trainable()) {
      // Keras: a frozen BatchNormalization runs in inference mode and leaves its moving statistics
      // alone
      return LayerOutput.of(normalize(context, input, context.weight("moving_mean"),
          context.weight("moving_variance")));
    }
    int[] reduction = new int[input.shape().numDimensions() - 1];
    for (int i = 0; i < reduction.length; i++) {
      reduction[i] = i;
    }
    // int32 axes: the Mean gradient fails to build on int64 reduction indices
    Operand<TInt32> axes = tf.constant(reduction);
    Operand<TFloat32> mean = tf.math.mean(input, axes);
    Operand<TFloat32> variance = tf.math.mean(tf.math.square(tf.math.sub(input, mean)), axes);
    Operand<TFloat32> movingMean = context.weight("moving_mean");
    Operand<TFloat32> movingVariance = context.weight("moving_variance");
    Operand<TFloat32> flag = context.trainingFlag();
    Operand<TFloat32> training = normalize(context, input, mean, variance);
    Operand<TFloat32> inference = normalize(context, input, movingMean, movingVariance);
    Operand<TFloat32> output = tf.math.add(tf.math.mul(flag, training),
        tf.math.mul(tf.math.sub(tf.constant(1f), flag), inference));
    context.addUpdate("moving_mean", moved(tf, movingMean, mean));
    context.addUpdate("moving_variance", moved(tf, movingVariance, variance));
    return LayerOutput.of(output);
  }

  /** {@code moving * momentum + batch * (1 - momentum)}, as Keras computes it. */
  private Operand<TFloat32> moved(Ops tf, Operand<TFloat32> moving, Operand<TFloat32> batch) {
    return tf.math.add(tf.math.mul(moving, tf.constant((float) momentum)),
        tf.math.mul(batch, tf.constant((float) (1.0 - momentum))));
  }

  /** TensorFlow's {@code tf.nn.batch_normalization}, op for op. */
  private Operand<TFloat32> normalize(LayerContext context, Operand<TFloat32> x,
      Operand<TFloat32> mean, Operand<TFloat32> variance) {
    Ops tf = context.tf();
    Operand<TFloat32> inv = tf.math.rsqrt(tf.math.add(variance, tf.constant((float) epsilon)));
    if (scale) {
      inv = tf.math.mul(inv, context.weight("gamma"));
    }
    Operand<TFloat32> shift = center
        ? tf.math.sub(context.weight("beta"), tf.math.mul(mean, inv))
        : tf.math.neg(tf.math.mul(mean, inv));
    return tf.math.add(tf.math.mul(x, inv), shift);
  }

  @Override
  public Config getConfig() {
    Config.Builder b = putEpsilonCenterScale(Config.builder().put("axis", axis)
        .put("momentum", momentum));
    return putInitializers(b)
        .put("moving_mean_initializer", Initializers.serialize(movingMeanInitializer))
        .put("moving_variance_initializer", Initializers.serialize(movingVarianceInitializer))
        .put("synchronized", false).put("renorm", false).putNull("renorm_clipping")
        .put("renorm_momentum", 0.99).build();
  }

  /**
   * Reads Keras's BatchNormalization config: one axis (an integer or a list of one); renorm must be
   * off; {@code synchronized} is moot (mirrored replicas average their statistics' updates).
   */
  public static BatchNormalization fromConfig(ConfigReader c) {
    c.requireDefault("renorm", false);
    c.ignore("synchronized", "renorm_momentum");
    Object axis = c.get("axis");
    if (axis instanceof java.util.List<?> list && list.size() == 1) {
      axis = list.get(0);
    }
    if (axis != null && !(axis instanceof Integer)) {
      throw c.unsupported("axis=" + axis + " (one axis is supported)");
    }
    return of().axis(axis == null ? -1 : (Integer) axis)
        .momentum(c.getDouble("momentum", 0.99))
        .withCenterScale(c)
        .movingMeanInitializer(c.initializer("moving_mean_initializer", Zeros.of()))
        .movingVarianceInitializer(c.initializer("moving_variance_initializer", Ones.of()));
  }

  /**
   * Keras's {@code supports_masking}: the input's mask passes through. (Keras also leaves masked steps
   * out of the batch statistics while training; tfbridge does not yet.)
   */
  @Override
  public boolean supportsMasking() {
    return true;
  }
}

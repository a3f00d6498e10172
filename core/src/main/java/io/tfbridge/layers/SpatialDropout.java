package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The base of Keras's {@code SpatialDropout1D/2D/3D} on channels-last inputs: while training, each
 * channel of each sample is dropped whole with probability {@code rate} (every spatial position at
 * once) and the kept channels are scaled by {@code 1 / (1 - rate)}; the identity otherwise.
 *
 * @param <L> the concrete layer type
 */
public abstract class SpatialDropout<L extends SpatialDropout<L>> extends Layer<L> {
  private final int rank;
  private final double rate;

  SpatialDropout(int rank, double rate) {
    this.rank = rank;
    this.rate = Noise.checkedRate(rate);
  }

  /** The fraction of channels dropped while training. */
  public double rate() {
    return rate;
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, rank, rank);
    return input;
  }

  /** One draw per sample and channel: the mask's shape is {@code (batch, 1, ..., 1, channels)}. */
  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    Operand<TInt32> ends = tf.gather(tf.shape(input), tf.constant(new int[] {0, rank - 1}),
        tf.constant(0));
    int[] ones = new int[rank - 2];
    java.util.Arrays.fill(ones, 1);
    Operand<TInt32> noiseShape = tf.concat(List.of(tf.slice(ends, tf.constant(new int[] {0}),
        tf.constant(new int[] {1})), tf.constant(ones), tf.slice(ends, tf.constant(new int[] {1}),
        tf.constant(new int[] {1}))), tf.constant(0));
    return LayerOutput.of(Noise.dropout(context, input, rate, noiseShape));
  }

  @Override
  public Config getConfig() {
    Config.Builder b = Config.builder().put("rate", rate).putNull("seed");
    return rank == 3 ? b.build() : b.put("data_format", "channels_last").build();
  }

  @Override
  public boolean hasBuildConfig() {
    return false;
  }

  /** Keras's SpatialDropout configs have no trainable (its constructor refuses one). */
  @Override
  public boolean configHasTrainable() {
    return false;
  }

  /** Reads rate and data_format (channels_last); the seed is dropped (tfbridge uses the model's seed). */
  static double readRate(ConfigReader c) {
    c.ignore("seed");
    c.requireDefault("data_format", "channels_last");
    return c.getDouble("rate");
  }
}

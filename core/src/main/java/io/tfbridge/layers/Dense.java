package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Dense}: {@code activation(dot(input, kernel) + bias)} over the input's last axis.
 *
 * <pre>{@code
 * Dense hidden = Dense.of(10).activation("relu").inputShape(4);
 * }</pre>
 */
public final class Dense extends KernelLayer<Dense> {
  private final int units;

  private Dense(int units) {
    if (units <= 0) {
      throw new IllegalArgumentException(
          "Received an invalid value for `units`, expected a positive integer. Received: units=" + units);
    }
    this.units = units;
  }

  /** A dense layer of {@code units} outputs, linear, with a bias (Keras's defaults). */
  public static Dense of(int units) {
    return new Dense(units);
  }

  /** The number of output units. */
  public int units() {
    return units;
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "Dense";
  }

  @Override
  public String namePrefix() {
    return "dense";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, 2, Integer.MAX_VALUE);
    Shapes.knownLastAxis(layerName, input);
    return input.take(input.numDimensions() - 1).append(units);
  }

  @Override
  public List<WeightSpec> weights(Shape input) {
    long in = input.get(input.numDimensions() - 1);
    List<WeightSpec> specs = new ArrayList<>();
    specs.add(WeightSpec.trainable("kernel", Shape.of(in, units), kernelInitializer));
    if (useBias) {
      specs.add(WeightSpec.trainable("bias", Shape.of(units), biasInitializer));
    }
    return specs;
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    Shape shape = input.shape();
    Operand<TFloat32> x = input;
    if (shape.numDimensions() > 2) {
      x = tf.reshape(input, tf.constant(new long[] {-1, shape.get(shape.numDimensions() - 1)}));
    }
    Operand<TFloat32> y = tf.linalg.matMul(x, context.weight("kernel"));
    if (useBias) {
      y = tf.nn.biasAdd(y, context.weight("bias"));
    }
    if (shape.numDimensions() > 2) {
      y = tf.reshape(y, tf.constant(shape.take(shape.numDimensions() - 1).append(units).asArray()));
    }
    return LayerOutput.activate(context, y, activation);
  }

  @Override
  public Config getConfig() {
    Config.Builder b = Config.builder().put("units", units);
    putInitializers(putActivation(b));
    return b.putNull("kernel_regularizer", "bias_regularizer", "kernel_constraint",
        "bias_constraint", "quantization_config").build();
  }

  /** Reads Keras's Dense config. */
  public static Dense fromConfig(ConfigReader c) {
    return of(c.getInt("units")).withKernelOptions(c, io.tfbridge.activations.Activation.LINEAR);
  }

  /** Keras's {@code supports_masking}: the input's mask passes through. */
  @Override
  public boolean supportsMasking() {
    return true;
  }
}

package io.tfbridge.layers;

import io.tfbridge.activations.Activation;
import io.tfbridge.initializers.GlorotUniform;
import io.tfbridge.initializers.Initializer;
import io.tfbridge.initializers.Zeros;
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
public final class Dense extends Layer<Dense> {
  private final int units;
  private Activation activation = Activation.LINEAR;
  private boolean useBias = true;
  private Initializer kernelInitializer = GlorotUniform.of();
  private Initializer biasInitializer = Zeros.of();

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

  /** A copy with the activation of this Keras name ({@code "relu"}, {@code "softmax"}, ...). */
  public Dense activation(String name) {
    return activation(Activation.get(name));
  }

  /** A copy with this activation. */
  public Dense activation(Activation activation) {
    Dense copy = copy();
    copy.activation = activation;
    return copy;
  }

  /** A copy with or without a bias (Keras's {@code use_bias}, default true). */
  public Dense useBias(boolean useBias) {
    Dense copy = copy();
    copy.useBias = useBias;
    return copy;
  }

  /** A copy with this kernel initializer. */
  public Dense kernelInitializer(Initializer initializer) {
    Dense copy = copy();
    copy.kernelInitializer = initializer;
    return copy;
  }

  /** A copy with this bias initializer (default zeros). */
  public Dense biasInitializer(Initializer initializer) {
    Dense copy = copy();
    copy.biasInitializer = initializer;
    return copy;
  }

  /** The kernel initializer. */
  public Initializer kernelInitializer() {
    return kernelInitializer;
  }

  /** The bias initializer. */
  public Initializer biasInitializer() {
    return biasInitializer;
  }

  /** The number of output units. */
  public int units() {
    return units;
  }

  /** The activation. */
  public Activation activation() {
    return activation;
  }

  /** Whether the layer adds a bias. */
  public boolean useBias() {
    return useBias;
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
}

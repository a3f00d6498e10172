package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Input(shape=...)}: declares a model's input shape, without the batch dimension.
 *
 * <pre>{@code
 * Sequential model = Sequential.of(Input.of(4), Dense.of(3).activation("softmax"));
 * }</pre>
 */
public final class Input extends Layer<Input> {

  private Input() {}

  /** An input of the given feature shape, e.g. {@code Input.of(28, 28, 1)}. */
  public static Input of(long... shape) {
    return new Input().inputShape(shape);
  }

  /**
   * The symbolic tensor of this input, for a functional model (Keras's {@code keras.Input(...)}).
   *
   * <pre>{@code
   * KerasTensor a = Input.of(4).name("a").tensor();
   * }</pre>
   */
  public KerasTensor tensor() {
    return KerasTensor.input(this);
  }

  @Override
  public String className() {
    return "InputLayer";
  }

  @Override
  public String namePrefix() {
    return "input_layer";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    return input;
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    return LayerOutput.of(input);
  }

  @Override
  public Config getConfig() {
    return Config.empty();
  }
}

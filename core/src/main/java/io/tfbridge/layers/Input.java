package io.tfbridge.layers;

import io.tfbridge.inference.DType;
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
  private static final java.util.List<DType> SUPPORTED =
      java.util.List.of(DType.FLOAT32, DType.INT32, DType.INT64, DType.UINT8);
  private DType dtype = DType.FLOAT32;

  private Input() {}

  /**
   * A copy whose elements have this numpy type (Keras's {@code dtype=}, default {@code "float32"}):
   * {@code "int32"} or {@code "int64"} token ids for an Embedding, {@code "uint8"} pixels. Layers
   * compute in float32, as Keras's do; an Embedding reads the ids as given.
   *
   * <pre>{@code
   * KerasTensor ids = Input.of(12).dtype("int32").name("tokens").tensor();
   * }</pre>
   */
  public Input dtype(String dtype) {
    DType type = DType.of(dtype);
    if (!SUPPORTED.contains(type)) {
      throw new IllegalArgumentException("Input dtype " + dtype + " is not supported by tfbridge; "
          + "supported: float32, int32, int64, uint8");
    }
    Input copy = copy();
    copy.dtype = type;
    return copy;
  }

  /** The element type. */
  public DType dtype() {
    return dtype;
  }

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
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
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

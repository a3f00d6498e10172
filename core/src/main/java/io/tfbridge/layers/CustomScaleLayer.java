package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * InceptionResNetV2's {@code CustomScaleLayer} ({@code keras.src.applications.inception_resnet_v2},
 * registered as {@code "CustomScaleLayer"}): applied to a list of two tensors, the shortcut and the
 * residual, it returns {@code inputs[0] + inputs[1] * scale} (shapes broadcast as NumPy's). It has
 * no weights.
 *
 * <pre>{@code
 * KerasTensor block = CustomScaleLayer.of(0.17).apply(shortcut, residual);
 * }</pre>
 */
public final class CustomScaleLayer extends Layer<CustomScaleLayer> {
  private final double scale;

  private CustomScaleLayer(double scale) {
    this.scale = scale;
  }

  /** {@code inputs[0] + inputs[1] * scale}. */
  public static CustomScaleLayer of(double scale) {
    return new CustomScaleLayer(scale);
  }

  /** The factor of the second input. */
  public double scale() {
    return scale;
  }

  @Override
  public String className() {
    return "CustomScaleLayer";
  }

  @Override
  public String namePrefix() {
    return "custom_scale_layer";
  }

  @Override
  public String module() {
    return "keras.src.applications.inception_resnet_v2";
  }

  @Override
  public String registeredName() {
    return "CustomScaleLayer";
  }

  @Override
  public boolean takesList() {
    return true;
  }

  @Override
  public Shape outputShape(String layerName, List<Shape> inputs) {
    if (inputs.size() != 2) {
      throw new IllegalArgumentException("Layer \"" + layerName + "\" (CustomScaleLayer) should be "
          + "called on a list of 2 inputs (shortcut, residual), but it received " + inputs.size()
          + ": " + Merge.format(inputs));
    }
    return Shapes.broadcast(layerName, inputs.get(0), inputs.get(1));
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    return outputShape(layerName, List.of(input));
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    return List.of();
  }

  @Override
  public LayerOutput call(LayerContext context, List<Operand<TFloat32>> inputs) {
    var tf = context.tf();
    Operand<TFloat32> scaled = tf.math.mul(inputs.get(1), tf.constant((float) scale));
    return LayerOutput.of(tf.math.add(inputs.get(0), scaled));
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    return call(context, List.of(input));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("scale", scale).build();
  }

  /** Reads InceptionResNetV2's CustomScaleLayer config (scale, required). */
  public static CustomScaleLayer fromConfig(ConfigReader c) {
    return of(c.getDouble("scale"));
  }
}

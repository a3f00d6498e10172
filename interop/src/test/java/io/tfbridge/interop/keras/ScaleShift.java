package io.tfbridge.interop.keras;

import io.tfbridge.initializers.Ones;
import io.tfbridge.initializers.Zeros;
import io.tfbridge.layers.KerasLayers;
import io.tfbridge.layers.Layer;
import io.tfbridge.layers.LayerContext;
import io.tfbridge.layers.LayerOutput;
import io.tfbridge.layers.WeightSpec;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A user's own layer, as a Java team writes one to load a Python colleague's custom class
 * ({@code models/python/layer_cases/custom.py}): {@code x * scale + shift + offset}, registered under
 * the name Keras saved it with.
 *
 * <pre>{@code
 * KerasLayers.register(ScaleShift.REGISTERED_NAME, ScaleShift::fromConfig);
 * }</pre>
 */
final class ScaleShift extends Layer<ScaleShift> {
  static final String REGISTERED_NAME = "tfbridge_test>ScaleShift";
  private final double offset;

  private ScaleShift(double offset) {
    this.offset = offset;
  }

  /** Registers the class once, as Python's {@code custom_objects} would. */
  static void register() {
    KerasLayers.register(REGISTERED_NAME, ScaleShift::fromConfig);
  }

  static ScaleShift fromConfig(ConfigReader c) {
    return new ScaleShift(c.getDouble("offset", 0.0));
  }

  @Override
  public String className() {
    return "ScaleShift";
  }

  @Override
  public String namePrefix() {
    return "scale_shift";
  }

  @Override
  public String module() {
    return "layer_cases.custom";
  }

  @Override
  public String registeredName() {
    return REGISTERED_NAME;
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("offset", offset).build();
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    return input;
  }

  @Override
  public List<WeightSpec> weights(Shape input) {
    Shape features = Shape.of(input.get(input.numDimensions() - 1));
    return List.of(WeightSpec.trainable("scale", features, Ones.of()),
        WeightSpec.trainable("shift", features, Zeros.of()));
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    Ops tf = context.tf();
    Operand<TFloat32> scaled = tf.math.mul(input, context.weight("scale"));
    return LayerOutput.of(tf.math.add(tf.math.add(scaled, context.weight("shift")),
        tf.constant((float) offset)));
  }
}

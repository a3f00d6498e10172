package io.tfbridge.layers;

import io.tfbridge.initializers.Constant;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * ConvNeXt's {@code LayerScale} ({@code keras.src.applications.convnext}, registered as
 * {@code "LayerScale"}): its input times a learned per-channel scale {@code gamma} of length
 * {@code projection_dim} (the input's last axis), initialized to {@code init_values}. ConvNeXt scales
 * each residual branch with it before the residual addition.
 *
 * <pre>{@code
 * KerasTensor branch = Dense.of(96).apply(x);
 * KerasTensor scaled = LayerScale.of(1e-6, 96).apply(branch);
 * }</pre>
 */
public final class LayerScale extends Layer<LayerScale> {
  private final double initValues;
  private final int projectionDim;

  private LayerScale(double initValues, int projectionDim) {
    if (projectionDim <= 0) {
      throw new IllegalArgumentException("LayerScale projection_dim must be positive, found "
          + projectionDim);
    }
    this.initValues = initValues;
    this.projectionDim = projectionDim;
  }

  /** A scale of {@code projectionDim} channels, every one initialized to {@code initValues}. */
  public static LayerScale of(double initValues, int projectionDim) {
    return new LayerScale(initValues, projectionDim);
  }

  /** The initial value of every scale. */
  public double initValues() {
    return initValues;
  }

  /** The number of channels (the input's last axis). */
  public int projectionDim() {
    return projectionDim;
  }

  @Override
  public String className() {
    return "LayerScale";
  }

  @Override
  public String namePrefix() {
    return "layer_scale";
  }

  @Override
  public String module() {
    return "keras.src.applications.convnext";
  }

  @Override
  public String registeredName() {
    return "LayerScale";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, 1, Integer.MAX_VALUE);
    long channels = input.get(input.numDimensions() - 1);
    if (channels != projectionDim) {
      throw Shapes.incompatible(layerName, "a last axis of " + projectionDim + " (projection_dim)",
          input);
    }
    return input;
  }

  @Override
  public List<WeightSpec> weights(Shape input) {
    return List.of(WeightSpec.trainable("gamma", Shape.of(projectionDim), Constant.of(initValues)));
  }

  /** {@code x * gamma}, gamma broadcast along the last axis. */
  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    return LayerOutput.of(context.tf().math.mul(input, context.weight("gamma")));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("init_values", initValues).put("projection_dim", projectionDim)
        .build();
  }

  /** Reads ConvNeXt's LayerScale config (init_values and projection_dim, both required). */
  public static LayerScale fromConfig(ConfigReader c) {
    try {
      return of(c.getDouble("init_values"), c.getInt("projection_dim"));
    } catch (IllegalArgumentException e) {
      throw c.error(e.getMessage());
    }
  }
}

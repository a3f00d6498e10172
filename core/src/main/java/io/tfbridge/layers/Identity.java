package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Identity}: returns its input unchanged (a placeholder layer).
 *
 * <pre>{@code
 * Identity identity = Identity.of();
 * }</pre>
 */
public final class Identity extends Layer<Identity> {

  private Identity() {}

  /** The identity layer. */
  public static Identity of() {
    return new Identity();
  }

  @Override
  public String className() {
    return "Identity";
  }

  @Override
  public String namePrefix() {
    return "identity";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    return input;
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    return LayerOutput.of(context.tf().identity(input));
  }

  @Override
  public Config getConfig() {
    return Config.empty();
  }

  @Override
  public boolean hasBuildConfig() {
    return false;
  }

  /** Reads Keras's Identity config (no options). */
  public static Identity fromConfig(ConfigReader c) {
    return of();
  }
}

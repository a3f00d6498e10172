package io.tfbridge.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The {@link LayerContext} a wrapper ({@link Bidirectional}, {@link TimeDistributed}) hands the layer
 * it wraps: ops under a sub-scope, the wrapper's weights under the wrapped layer's prefix
 * ({@code forward_lstm/kernel}), the inputs and masks the wrapper chose, no keyword arguments.
 */
final class WrappedContext implements LayerContext {
  private final LayerContext outer;
  private final String prefix;
  private final String scopeName;
  private final Ops ops;
  private final List<Operand<?>> rawInputs;
  private final List<Operand<TBool>> masks;
  private final long seedOffset;

  /**
   * @param prefix the wrapped layer's weight-name prefix, {@code ""} for none
   * @param scope the sub-scope of its ops
   * @param rawInputs its inputs as fed (what {@link #rawInput(int)} returns)
   * @param masks its input masks (null entries for none)
   * @param seedOffset distinguishes the random ops of two wrapped layers
   */
  WrappedContext(LayerContext outer, String prefix, String scope, List<Operand<?>> rawInputs,
      List<Operand<TBool>> masks, long seedOffset) {
    this.outer = outer;
    this.prefix = prefix;
    this.scopeName = scope;
    this.ops = outer.scope(scope);
    this.rawInputs = rawInputs;
    this.masks = masks;
    this.seedOffset = seedOffset;
  }

  private String path(String name) {
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  @Override
  public Ops tf() {
    return ops;
  }

  @Override
  public Operand<TFloat32> weight(String name) {
    return outer.weight(path(name));
  }

  @Override
  public Operand<TFloat32> trainingFlag() {
    return outer.trainingFlag();
  }

  @Override
  public long seed() {
    return outer.seed() * 31 + seedOffset;
  }

  @Override
  public void addUpdate(String name, Operand<TFloat32> newValue) {
    outer.addUpdate(path(name), newValue);
  }

  @Override
  public List<Operand<TBool>> inputMasks() {
    return masks;
  }

  @Override
  public Object argument(String name) {
    return null;
  }

  @Override
  public Operand<?> rawInput(int index) {
    return rawInputs.get(index);
  }

  @Override
  public void addLoss(Operand<TFloat32> loss) {
    outer.addLoss(loss);
  }

  @Override
  public Ops scope(String name) {
    return outer.scope(scopeName + "/" + name);
  }
}

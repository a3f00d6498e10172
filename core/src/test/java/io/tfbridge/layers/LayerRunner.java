package io.tfbridge.layers;

import io.tfbridge.data.HostArrays;
import io.tfbridge.saving.Config;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Runs a weightless layer's forward pass on constant inputs in a graph of its own, in training or
 * inference mode, for tests of what it computes; and round-trips a layer through its Keras config.
 */
final class LayerRunner {
  private LayerRunner() {}

  /** The layer's output for {@code inputs}, with the training flag set to {@code training}. */
  static FloatNdArray run(Layer<?> layer, boolean training, long seed, FloatNdArray... inputs) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      List<Operand<TFloat32>> in = new ArrayList<>();
      for (FloatNdArray x : inputs) {
        in.add(tf.constant(x));
      }
      LayerContext context = new Context(tf, tf.constant(training ? 1f : 0f), seed);
      Operand<TFloat32> out = layer.call(context, in).value();
      try (TFloat32 y = (TFloat32) s.runner().fetch(out).run().get(0)) {
        FloatNdArray copy = NdArrays.ofFloats(y.shape());
        y.copyTo(copy);
        return copy;
      }
    }
  }

  /** An array of {@code shape} filled with {@code value}. */
  static FloatNdArray filled(float value, long... shape) {
    FloatNdArray x = NdArrays.ofFloats(Shape.of(shape));
    x.scalars().forEach(v -> v.setFloat(value));
    return x;
  }

  /** An array of {@code shape} holding 0, 1, 2, ... in row-major order. */
  static FloatNdArray counting(long... shape) {
    float[] data = new float[(int) Shape.of(shape).size()];
    for (int i = 0; i < data.length; i++) {
      data[i] = i;
    }
    return HostArrays.of(data, shape);
  }

  /** The layer read back from its own Keras config by the reader registered for its class. */
  static Layer<?> roundTrip(Layer<?> layer) {
    Config config = layer.getConfig();
    return KerasLayers.deserialize(layer.className(), config, "copy");
  }

  private record Context(Ops tf, Operand<TFloat32> trainingFlag, long seed) implements LayerContext {
    @Override
    public Operand<TFloat32> weight(String name) {
      throw new IllegalStateException("weightless layer asked for " + name);
    }

    @Override
    public void addUpdate(String name, Operand<TFloat32> newValue) {
      throw new IllegalStateException("weightless layer updates " + name);
    }

    @Override
    public java.util.List<Operand<org.tensorflow.types.TBool>> inputMasks() {
      return java.util.List.of();
    }

    @Override
    public Object argument(String name) {
      return null;
    }

    @Override
    public Operand<?> rawInput(int index) {
      throw new IllegalStateException("the runner feeds float inputs only");
    }

    @Override
    public void addLoss(Operand<TFloat32> loss) {
      throw new IllegalStateException("the runner keeps no losses");
    }

    @Override
    public org.tensorflow.op.Ops scope(String name) {
      return tf().withSubScope(name);
    }
  }
}

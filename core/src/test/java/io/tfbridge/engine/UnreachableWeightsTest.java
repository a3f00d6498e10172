package io.tfbridge.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.Layer;
import io.tfbridge.layers.LayerContext;
import io.tfbridge.layers.LayerOutput;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.saving.Config;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A weight the loss cannot reach (its layer's output passes a stop-gradient) trains as Keras leaves
 * it: unchanged, with Keras's warning, while the reachable weights train; TensorFlow's
 * {@code addGradients} alone would throw "unreachable from the output node(s)".
 */
class UnreachableWeightsTest {
  /** The identity, without a gradient (as a preprocessing layer's random draws are). */
  static final class StopGradient extends Layer<StopGradient> {
    @Override
    public String className() {
      return "StopGradient";
    }

    @Override
    public String namePrefix() {
      return "stop_gradient";
    }

    @Override
    public Shape outputShape(String layerName, Shape input) {
      return input;
    }

    @Override
    public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
      return LayerOutput.of(context.tf().stopGradient(input));
    }

    @Override
    public Config getConfig() {
      return Config.empty();
    }
  }

  @Test
  void unreachableWeightsStayAndTheOthersTrain() {
    FloatNdArray x = HostArrays.of(new float[] {0.1f, -0.4f, 0.3f, 0.9f, 0.5f, -0.2f, 0.7f, 0.1f}, 2,
        4);
    FloatNdArray y = HostArrays.of(new float[] {0.5f, -1f, 1f, 0.2f}, 2, 2);
    try (Model model = Sequential.of(Input.of(4), Dense.of(3), new StopGradient(), Dense.of(2))
        .seed(3).compile("adam", "mean_squared_error")) {
      List<float[]> before = model.getWeights();
      double loss = model.fit(x, y, FitOptions.epochs(3).verbose(0)).get("loss").get(2);
      List<float[]> after = model.getWeights();
      assertArrayEquals(before.get(0), after.get(0), 0f, "the first Dense's kernel");
      assertArrayEquals(before.get(1), after.get(1), 0f, "the first Dense's bias");
      assertNotEquals(before.get(2)[0], after.get(2)[0], "the second Dense trains");
      assertTrue(Double.isFinite(loss));
    }
  }
}

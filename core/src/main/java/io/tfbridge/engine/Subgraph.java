package io.tfbridge.engine;

import io.tfbridge.layers.LayerContext;
import io.tfbridge.layers.LayerOutput;
import io.tfbridge.layers.WeightSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Runs a model's layers inside one layer's call: how a model used as a layer (a nested Sequential or
 * Functional) adds its forward pass. The inner layers' weights are the outer layer's, named
 * {@code <inner layer>/<weight>}; their updates and added losses go to the outer layer's context.
 */
public final class Subgraph {
  private Subgraph() {}

  /**
   * The outputs of {@code layers} (placed in the inner model, in Keras's order) on {@code inputs}, one
   * per inner input name, within the outer layer's {@code context}.
   */
  public static List<LayerOutput> call(LayerContext context, List<String> inputNames,
      List<LayerNode> layers, List<TensorRef> outputs, List<Operand<TFloat32>> inputs) {
    Map<String, Operand<?>> feeds = new LinkedHashMap<>();
    for (int i = 0; i < inputNames.size(); i++) {
      feeds.put(inputNames.get(i), inputs.get(i));
    }
    Forward.Host host = new Forward.Host() {
      @Override
      public Operand<TFloat32> weight(LayerNode node, WeightSpec w) {
        return context.weight(node.weightPath(w));
      }

      @Override
      public void update(LayerNode node, WeightSpec w, Operand<TFloat32> value) {
        context.addUpdate(node.weightPath(w), value);
      }

      @Override
      public void addLoss(Operand<TFloat32> loss) {
        context.addLoss(loss);
      }
    };
    return Forward.run(context::scope, layers, outputs, feeds, host, context.trainingFlag(),
        context.seed());
  }
}

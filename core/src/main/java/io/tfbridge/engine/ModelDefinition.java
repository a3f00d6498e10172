package io.tfbridge.engine;

import io.tfbridge.losses.Loss;
import io.tfbridge.metrics.Metric;
import io.tfbridge.optimizers.Optimizer;
import java.util.List;
import org.tensorflow.ndarray.Shape;

/**
 * What {@code compile} fixes: the model's and its input's names, the placed layers, the input and label shapes (batch first), the loss,
 * the metrics, the optimizer and the seed.
 */
public record ModelDefinition(String name, String inputName, List<LayerNode> layers, Shape inputShape, Shape labelShape,
    Loss loss, List<Metric> metrics, Optimizer optimizer, long seed) {

  /** The output shape of the last layer. */
  public Shape outputShape() {
    return layers.isEmpty() ? inputShape : layers.get(layers.size() - 1).outputShape();
  }

  /** The first layer's name, which input errors name. */
  public String firstLayerName() {
    return layers.isEmpty() ? name : layers.get(0).name();
  }
}

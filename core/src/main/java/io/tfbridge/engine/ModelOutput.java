package io.tfbridge.engine;

import io.tfbridge.losses.Loss;
import io.tfbridge.metrics.Metric;
import java.util.List;
import org.tensorflow.ndarray.Shape;

/**
 * One output of a compiled model: its name (the layer that makes it, as Keras names outputs in logs
 * and dict losses), the tensor, its shape (batch first), the loss it is trained with, the loss's weight
 * in the total ({@code loss_weights}, default 1) and its metrics.
 */
public record ModelOutput(String name, TensorRef tensor, Shape shape, Loss loss, double lossWeight,
    List<Metric> metrics) {

  /** Copies the metrics. */
  public ModelOutput {
    metrics = List.copyOf(metrics);
  }

  /** The shape labels for this output must have (batch first). */
  public Shape labelShape() {
    return loss.labelShape(shape);
  }
}

package io.tfbridge.metrics;

import io.tfbridge.layers.LayerOutput;
import io.tfbridge.losses.Loss;
import io.tfbridge.losses.Losses;
import io.tfbridge.saving.Config;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's crossentropy metrics ({@code BinaryCrossentropy}, {@code CategoricalCrossentropy},
 * {@code SparseCategoricalCrossentropy}) with their defaults: the mean of the loss of that name over
 * the samples seen, taken from the logits after a sigmoid or softmax output as Keras's TensorFlow
 * backend does.
 *
 * <pre>{@code
 * Metric bce = CrossentropyMetric.of("binary_crossentropy");
 * }</pre>
 */
public final class CrossentropyMetric extends MeanMetricWrapper {
  private static final List<String> LOSSES = List.of("binary_crossentropy",
      "categorical_crossentropy", "sparse_categorical_crossentropy");
  private final String loss;

  private CrossentropyMetric(String name, String identifier, String loss) {
    super(name, identifier);
    if (!LOSSES.contains(loss)) {
      throw new IllegalArgumentException("Unknown crossentropy: '" + loss + "'. Expected one of: "
          + String.join(", ", LOSSES));
    }
    this.loss = loss;
  }

  /** The metric of the loss {@code loss} under its name, e.g. {@code "binary_crossentropy"}. */
  public static CrossentropyMetric of(String loss) {
    return new CrossentropyMetric(loss, null, loss);
  }

  static CrossentropyMetric byName(String identifier, String loss) {
    return new CrossentropyMetric(identifier, identifier, loss);
  }

  /** A copy reported under {@code name}. */
  public CrossentropyMetric name(String name) {
    return new CrossentropyMetric(name, null, loss);
  }

  @Override
  public String className() {
    return switch (loss) {
      case "binary_crossentropy" -> "BinaryCrossentropy";
      case "categorical_crossentropy" -> "CategoricalCrossentropy";
      default -> "SparseCategoricalCrossentropy";
    };
  }

  @Override
  public Config config() {
    Config.Builder c = configHead().put("from_logits", false);
    return switch (loss) {
      case "binary_crossentropy" -> c.put("label_smoothing", 0).build();
      case "categorical_crossentropy" -> c.put("label_smoothing", 0).put("axis", -1).build();
      default -> c.putNull("ignore_class").put("axis", -1).build();
    };
  }

  /** The loss of the output itself, so that a sigmoid or softmax output's logits are used. */
  @Override
  public List<Operand<TFloat32>> update(Ops tf, Operand<TFloat32> yTrue, LayerOutput yPred) {
    return sumAndCount(tf, lossOf().call(tf, yTrue, yPred));
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    return lossOf().call(tf, yTrue, LayerOutput.of(yPred));
  }

  private Loss lossOf() {
    return Losses.get(loss);
  }

  /** Lower is better, as Keras's {@code _direction = "down"}. */
  @Override
  public java.util.Optional<Direction> direction() {
    return java.util.Optional.of(Direction.DOWN);
  }
}

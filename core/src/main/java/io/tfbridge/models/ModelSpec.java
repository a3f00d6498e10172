package io.tfbridge.models;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.engine.ModelInput;
import io.tfbridge.engine.TensorRef;
import io.tfbridge.losses.Loss;
import io.tfbridge.losses.Losses;
import io.tfbridge.metrics.Metric;
import io.tfbridge.metrics.Metrics;
import io.tfbridge.optimizers.Optimizer;
import io.tfbridge.optimizers.Optimizers;
import java.security.SecureRandom;
import java.util.List;
import java.util.OptionalLong;

/**
 * An architecture that compiles into a {@link Model}: {@link Sequential} or {@link Functional}. It is
 * immutable and owns no native state.
 */
public interface ModelSpec {

  /** The model's name. */
  String name();

  /** The seed of the initial weights, dropout masks and shuffling, if one was given. */
  OptionalLong seed();

  /** The model's inputs with their shapes (batch first). */
  List<ModelInput> inputs();

  /**
   * Places the layers in topological order, the output layer last: names them Keras's way and
   * computes every shape, so that an incompatible layer fails here, naming itself and the shape it
   * received.
   */
  List<LayerNode> build();

  /** The model's outputs: which layer call makes each, in the order the model returns them. */
  List<TensorRef> outputs();

  /**
   * A copy whose named layers are frozen (Keras's {@code layer.trainable = False} before compile):
   * their weights are left alone by training, a frozen BatchNormalization runs in inference mode, a
   * frozen nested model freezes every layer in it. A pattern is a layer name or a prefix ending in
   * {@code *}.
   *
   * <pre>{@code
   * ModelSpec tuned = KerasFiles.readSpec(path).freeze("conv2d", "block1_*");
   * }</pre>
   *
   * @throws IllegalArgumentException if a pattern matches no layer, listing the layers
   */
  default ModelSpec freeze(String... layers) {
    return new FrozenLayers(this, List.of(layers), false);
  }

  /** A copy whose named layers train again (Keras's {@code layer.trainable = True}). */
  default ModelSpec unfreeze(String... layers) {
    return new FrozenLayers(this, List.of(layers), true);
  }

  /** Keras's summary table of this model. */
  default String summary() {
    return Summary.of(name(), inputs(), build());
  }

  /**
   * Builds the graph, opens a session and initialises the weights: Keras's {@code compile}, by names.
   *
   * @param optimizer e.g. {@code "adam"}
   * @param loss e.g. {@code "sparse_categorical_crossentropy"}
   * @param metrics e.g. {@code "accuracy"}
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  default Model compile(String optimizer, String loss, String... metrics) {
    return compile(Optimizers.get(optimizer), Losses.get(loss), metrics);
  }

  /** Keras's {@code compile} with optimizer and loss objects, e.g. {@code Adam.of().learningRate(0.01)}. */
  default Model compile(Optimizer optimizer, Loss loss, String... metrics) {
    return compile(optimizer, List.of(loss), null, List.of(metrics));
  }

  /**
   * Keras's {@code compile} for a model with several outputs: one loss per output in output order (or
   * one for all), their weights in the total loss ({@code loss_weights}; null for 1 each), and
   * metrics computed for every output.
   *
   * <pre>{@code
   * Model model = spec.compile(Adam.of(), List.of(Losses.get("mse"), Losses.get("binary_crossentropy")),
   *     List.of(1.0, 0.5), List.of("accuracy"));
   * }</pre>
   */
  default Model compile(Optimizer optimizer, List<Loss> losses, List<Double> lossWeights,
      List<String> metrics) {
    return compile(optimizer, losses, lossWeights, metrics.stream().map(Metrics::get)
        .toArray(Metric[]::new));
  }

  /**
   * Keras's {@code compile} with metric objects (and names through {@link Metrics#get(String)}),
   * computed for every output.
   *
   * <pre>{@code
   * Model model = spec.compile(Adam.of(), List.of(Losses.get("binary_crossentropy")), null,
   *     AUC.of(), Precision.of().thresholds(0.3), Metrics.get("accuracy"));
   * }</pre>
   */
  default Model compile(Optimizer optimizer, List<Loss> losses, List<Double> lossWeights,
      Metric... metrics) {
    if (seed().isEmpty() && io.tfbridge.distribute.Strategy.current().replicas().isCollective()) {
      throw new IllegalStateException("Every task of a collective MultiWorkerMirroredStrategy must "
          + "shuffle its data alike: give the model the same seed on every task (e.g. "
          + "Sequential.of(...).seed(42)); found no seed");
    }
    long s = seed().orElseGet(() -> new SecureRandom().nextLong());
    return ModelCompiler.compile(this, optimizer, losses, lossWeights, List.of(metrics), s);
  }

  /** Keras's {@code compile} with an optimizer object and a loss name. */
  default Model compile(Optimizer optimizer, String loss, String... metrics) {
    return compile(optimizer, Losses.get(loss), metrics);
  }
}

package io.tfbridge.models;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.engine.ModelInput;
import io.tfbridge.engine.TensorRef;
import io.tfbridge.layers.WeightSpec;
import java.util.List;
import java.util.OptionalLong;

/**
 * A model spec with some layers frozen or unfrozen by name ({@link ModelSpec#freeze},
 * {@link ModelSpec#unfreeze}): Keras's {@code layer.trainable = False} before {@code compile}. A
 * pattern is a layer name, or a prefix ending in {@code *} ({@code "block1_*"}).
 */
final class FrozenLayers implements ModelSpec {
  private final ModelSpec inner;
  private final List<String> patterns;
  private final boolean trainable;

  FrozenLayers(ModelSpec inner, List<String> patterns, boolean trainable) {
    this.inner = inner;
    this.patterns = List.copyOf(patterns);
    this.trainable = trainable;
    List<String> names = inner.build().stream().map(LayerNode::name).toList();
    for (String p : patterns) {
      if (names.stream().noneMatch(n -> matches(p, n))) {
        throw new IllegalArgumentException("No layer of model \"" + inner.name() + "\" matches '"
            + p + "'; its layers: " + names);
      }
    }
  }

  private static boolean matches(String pattern, String name) {
    return pattern.endsWith("*") ? name.startsWith(pattern.substring(0, pattern.length() - 1))
        : name.equals(pattern);
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public OptionalLong seed() {
    return inner.seed();
  }

  @Override
  public List<ModelInput> inputs() {
    return inner.inputs();
  }

  @Override
  public List<TensorRef> outputs() {
    return inner.outputs();
  }

  @Override
  public List<LayerNode> build() {
    return inner.build().stream().map(this::apply).toList();
  }

  private LayerNode apply(LayerNode node) {
    if (patterns.stream().noneMatch(p -> matches(p, node.name()))) {
      return node;
    }
    var layer = node.layer().trainable(trainable);
    List<WeightSpec> weights = layer.weights(node.inputShapes());
    if (!trainable) {
      weights = weights.stream().map(WeightSpec::frozen).toList();
    }
    return new LayerNode(node.name(), layer, node.calls(), weights);
  }
}

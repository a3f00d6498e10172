package io.tfbridge.models;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.engine.ModelDefinition;
import io.tfbridge.engine.ModelInput;
import io.tfbridge.engine.ModelOutput;
import io.tfbridge.engine.Subgraph;
import io.tfbridge.engine.TensorRef;
import io.tfbridge.layers.Layer;
import io.tfbridge.layers.LayerContext;
import io.tfbridge.layers.LayerOutput;
import io.tfbridge.layers.MixedPrecision;
import io.tfbridge.layers.Shapes;
import io.tfbridge.layers.WeightSpec;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.KerasObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A model used as a layer of another model, as Keras allows: a pretrained backbone applied to a new
 * input, or the small Sequential blocks ConvNeXt is built of. Its weights are the inner layers',
 * named {@code <inner layer>/<weight>} under its own name; freezing it freezes every inner layer
 * (BatchNormalization then runs in inference mode), as {@code model.trainable = False} does in Keras.
 *
 * <pre>{@code
 * NestedModel backbone = NestedModel.of(KerasFiles.readSpec(path)).trainable(false);
 * KerasTensor features = backbone.apply(Input.of(28, 28, 1).tensor());
 * }</pre>
 */
public final class NestedModel extends Layer<NestedModel> {
  private final ModelSpec spec;

  private NestedModel(ModelSpec spec) {
    this.spec = spec;
  }

  /** {@code spec} as a layer, named as the model. */
  public static NestedModel of(ModelSpec spec) {
    if (spec.outputs().size() != 1) {
      throw new IllegalArgumentException("Model \"" + spec.name() + "\" has "
          + spec.outputs().size() + " outputs; tfbridge nests models with one output");
    }
    return new NestedModel(spec).name(spec.name());
  }

  /** The inner model. */
  public ModelSpec spec() {
    return spec;
  }

  /** The inner layers, placed; each frozen when this layer is. */
  public List<LayerNode> innerLayers() {
    List<LayerNode> nodes = spec.build();
    if (trainable()) {
      return nodes;
    }
    return nodes.stream().map(n -> new LayerNode(n.name(), n.layer().trainable(false), n.calls(),
        n.weights().stream().map(WeightSpec::frozen).toList())).toList();
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.PASS_THROUGH;
  }

  @Override
  public String className() {
    return spec instanceof Sequential ? "Sequential" : "Functional";
  }

  @Override
  public String namePrefix() {
    return spec instanceof Sequential ? "sequential" : "functional";
  }

  @Override
  public String module() {
    return spec instanceof Sequential ? "keras" : "keras.src.models.functional";
  }

  @Override
  public String registeredName() {
    return spec instanceof Sequential ? null : "Functional";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    return outputShape(layerName, List.of(input));
  }

  @Override
  public Shape outputShape(String layerName, List<Shape> inputs) {
    List<ModelInput> expected = spec.inputs();
    if (inputs.size() != expected.size()) {
      throw new IllegalArgumentException("Model \"" + layerName + "\" used as a layer expects "
          + expected.size() + " input(s), received " + inputs.size());
    }
    for (int i = 0; i < inputs.size(); i++) {
      if (!Shapes.features(inputs.get(i)).equals(Shapes.features(expected.get(i).shape()))) {
        throw Shapes.incompatible(layerName, "input " + i + " of shape "
            + Shapes.format(expected.get(i).shape()), inputs.get(i));
      }
    }
    return definition().outputShape();
  }

  /**
   * The inner layers' weights, named {@code <inner layer>/<weight>}, each in the group
   * {@code layers/<class stem>} a .keras file keeps it in.
   */
  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    List<WeightSpec> all = new ArrayList<>();
    Map<String, Integer> used = new HashMap<>();
    for (LayerNode node : innerLayers()) {
      String stem = node.layer().namePrefix();
      int n = used.merge(stem, 1, Integer::sum) - 1;
      String group = "layers/" + (n == 0 ? stem : stem + "_" + n);
      node.weights().forEach(w -> all.add(w.prefixed(node.name()).inGroup(group)));
    }
    return all;
  }

  /** The inner layers' names and their own parts': the scopes the inner forward pass opens. */
  @Override
  public List<String> scopeNames() {
    List<String> names = new ArrayList<>();
    for (LayerNode node : spec.build()) {
      names.add(node.name());
      node.layer().scopeNames().forEach(s -> names.add(node.name() + "/" + s));
    }
    return names;
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    return call(context, List.of(input));
  }

  @Override
  public LayerOutput call(LayerContext context, List<Operand<TFloat32>> inputs) {
    List<String> names = spec.inputs().stream().map(ModelInput::name).toList();
    return Subgraph.call(context, names, innerLayers(), spec.outputs(), inputs).get(0);
  }

  /** The inner model's config without name, trainable and dtype, which the layer entry writes. */
  @Override
  public Config getConfig() {
    KerasObject model = spec instanceof Sequential ? SequentialConfig.write(definition())
        : FunctionalConfig.write(definition());
    Config.Builder b = Config.builder();
    model.options().asMap().forEach((k, v) -> {
      if (!List.of("name", "trainable", "dtype").contains(k)) {
        b.put(k, v);
      }
    });
    return b.build();
  }

  /** The inner model as a definition without losses (what a config writer needs). */
  private ModelDefinition definition() {
    List<LayerNode> nodes = innerLayers();
    ModelDefinition shapes = new ModelDefinition(spec.name(), spec.inputs(), nodes, List.of(), null,
        0, null);
    TensorRef out = spec.outputs().get(0);
    ModelOutput output = new ModelOutput(out.layer(), out, shapes.shapeOf(out), null, 1.0, List.of());
    return new ModelDefinition(spec.name(), spec.inputs(), nodes, List.of(output), null, 0, null);
  }
}

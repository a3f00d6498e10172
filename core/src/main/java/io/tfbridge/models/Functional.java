package io.tfbridge.models;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.engine.ModelInput;
import io.tfbridge.engine.TensorRef;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.KerasTensor;
import io.tfbridge.layers.Layer;
import io.tfbridge.layers.Shapes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.tensorflow.ndarray.Shape;

/**
 * Keras's functional model, {@code keras.Model(inputs, outputs)}: a graph of layers applied to
 * symbolic {@link KerasTensor}s, with one or more inputs and one output. Immutable; it owns no native
 * state until {@link #compile} builds a {@link Model}.
 *
 * <pre>{@code
 * KerasTensor a = Input.of(4).name("a").tensor();
 * KerasTensor b = Input.of(3).name("b").tensor();
 * KerasTensor merged = Concatenate.of().apply(a, b);
 * KerasTensor out = Dense.of(2).activation("softmax").apply(merged);
 * Functional spec = Functional.of(List.of(a, b), out).name("two_inputs").seed(7);
 * }</pre>
 *
 * <p>Layers are ordered as Keras orders them (farthest from the output first, ties in the order they
 * were applied), which is the order of {@code get_weights()}; unnamed layers are named in the order
 * they were applied, as Keras does.
 */
public final class Functional implements ModelSpec {
  private final List<KerasTensor> inputs;
  private final List<KerasTensor> outputs;
  private final String name;
  private final Long seed;

  private Functional(List<KerasTensor> inputs, List<KerasTensor> outputs, String name, Long seed) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.name = name;
    this.seed = seed;
  }

  /**
   * A model from its input tensors (each made by {@code Input.of(...).tensor()}) to its outputs.
   *
   * @throws IllegalArgumentException if an input is not an Input's tensor, appears twice, or an output
   *     depends on an input that is not listed
   */
  public static Functional of(List<KerasTensor> inputs, List<KerasTensor> outputs) {
    Functional model = new Functional(List.copyOf(inputs), List.copyOf(outputs), "functional", null);
    model.check();
    return model;
  }

  /** {@link #of(List, List)} with one output. */
  public static Functional of(List<KerasTensor> inputs, KerasTensor output) {
    return of(inputs, java.util.Collections.singletonList(output));
  }

  /** {@link #of(List, List)} for one input and one output. */
  public static Functional of(KerasTensor input, KerasTensor output) {
    return of(List.of(input), output);
  }

  /** A copy named {@code name} (default {@code "functional"}). */
  public Functional name(String name) {
    return new Functional(inputs, outputs, name, seed);
  }

  /** A copy whose initial weights, dropout masks and shuffling derive from {@code seed}. */
  public Functional seed(long seed) {
    return new Functional(inputs, outputs, name, seed);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public OptionalLong seed() {
    return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
  }

  /** The input tensors, in the order the model takes them. */
  public List<KerasTensor> inputTensors() {
    return inputs;
  }

  /** The one output tensor; use {@link #outputTensors()} for a model with several. */
  public KerasTensor output() {
    if (outputs.size() != 1) {
      throw new IllegalStateException("Model \"" + name + "\" has " + outputs.size() + " outputs");
    }
    return outputs.get(0);
  }

  /** The output tensors, in the order the model returns them. */
  public List<KerasTensor> outputTensors() {
    return outputs;
  }

  @Override
  public List<ModelInput> inputs() {
    Map<Layer<?>, String> names = names();
    return inputs.stream().map(t -> new ModelInput(names.get(t.layer()), t.shape(),
        ((Input) t.layer()).dtype())).toList();
  }

  @Override
  public List<TensorRef> outputs() {
    Map<Layer<?>, String> names = names();
    Map<Layer<?>, List<KerasTensor>> calls = FunctionalGraph.of(outputs).layers();
    return outputs.stream().map(t -> ref(t, names, calls)).toList();
  }

  @Override
  public List<LayerNode> build() {
    Map<Layer<?>, String> names = names();
    Map<Layer<?>, List<KerasTensor>> calls = FunctionalGraph.of(outputs).layers();
    List<LayerNode> nodes = new ArrayList<>();
    calls.forEach((layer, tensors) -> nodes.add(LayerNode.place(names.get(layer), layer,
        tensors.stream().map(t -> call(t, names, calls)).toList())));
    return nodes;
  }

  private static LayerNode.Call call(KerasTensor t, Map<Layer<?>, String> names,
      Map<Layer<?>, List<KerasTensor>> calls) {
    List<TensorRef> args = t.inbound().stream().map(in -> ref(in, names, calls)).toList();
    Map<String, Object> kwargs = new LinkedHashMap<>();
    Map<String, Shape> kwargShapes = new LinkedHashMap<>();
    t.kwargs().forEach((k, v) -> {
      if (v instanceof KerasTensor kt) {
        kwargs.put(k, ref(kt, names, calls));
        kwargShapes.put(k, kt.shape());
      } else {
        kwargs.put(k, v);
      }
    });
    return new LayerNode.Call(args, kwargs, t.inbound().stream().map(KerasTensor::shape).toList(),
        kwargShapes);
  }

  /** The reference of a tensor: its layer's name and which of the layer's calls made it. */
  private static TensorRef ref(KerasTensor t, Map<Layer<?>, String> names,
      Map<Layer<?>, List<KerasTensor>> calls) {
    int node = t.isInput() ? 0 : calls.get(t.layer()).indexOf(t);
    return TensorRef.of(names.get(t.layer()), node);
  }

  /** Every layer's name, given or generated in the order the layers were first applied. */
  private Map<Layer<?>, String> names() {
    List<KerasTensor> all = new ArrayList<>(inputs);
    FunctionalGraph.of(outputs).layers().values().forEach(calls -> all.add(calls.get(0)));
    all.sort(Comparator.comparingLong(KerasTensor::creationOrder));
    LayerNames taken = new LayerNames("Functional");
    Map<Layer<?>, String> names = new IdentityHashMap<>();
    for (KerasTensor t : all) {
      names.put(t.layer(), taken.take(t.layer().name(), t.layer().namePrefix()));
    }
    return names;
  }

  private void check() {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("A functional model needs at least one input");
    }
    for (int i = 0; i < inputs.size(); i++) {
      KerasTensor t = inputs.get(i);
      if (t == null || !t.isInput()) {
        throw new IllegalArgumentException("Functional model input " + i + " must be the tensor of "
            + "an Input (Input.of(...).tensor()), found " + t);
      }
      if (inputs.indexOf(t) != i) {
        throw new IllegalArgumentException("Functional model input " + i + " is listed twice: " + t);
      }
    }
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("A functional model needs at least one output");
    }
    for (KerasTensor output : outputs) {
      if (output == null || output.isInput()) {
        throw new IllegalArgumentException("The output of a functional model must be a layer's "
            + "output (layer.apply(...)), found " + output);
      }
    }
    for (KerasTensor used : FunctionalGraph.of(outputs).inputs()) {
      if (inputs.stream().noneMatch(t -> t == used)) {
        throw new IllegalArgumentException("The output of the functional model depends on an input "
            + "of shape " + Shapes.format(used.shape()) + " (" + used.layer().name().orElse("unnamed")
            + ") that is not among the model's inputs");
      }
    }
  }
}

package io.tfbridge.models;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.engine.ModelInput;
import io.tfbridge.layers.KerasTensor;
import io.tfbridge.layers.Shapes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

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
  private final KerasTensor output;
  private final String name;
  private final Long seed;

  private Functional(List<KerasTensor> inputs, KerasTensor output, String name, Long seed) {
    this.inputs = inputs;
    this.output = output;
    this.name = name;
    this.seed = seed;
  }

  /**
   * A model from its input tensors (each made by {@code Input.of(...).tensor()}) to {@code output}.
   *
   * @throws IllegalArgumentException if an input is not an Input's tensor, appears twice, or the output
   *     depends on an input that is not listed
   */
  public static Functional of(List<KerasTensor> inputs, KerasTensor output) {
    Functional model = new Functional(List.copyOf(inputs), output, "functional", null);
    model.check();
    return model;
  }

  /** {@link #of(List, KerasTensor)} for one input. */
  public static Functional of(KerasTensor input, KerasTensor output) {
    return of(List.of(input), output);
  }

  /** A copy named {@code name} (default {@code "functional"}). */
  public Functional name(String name) {
    return new Functional(inputs, output, name, seed);
  }

  /** A copy whose initial weights, dropout masks and shuffling derive from {@code seed}. */
  public Functional seed(long seed) {
    return new Functional(inputs, output, name, seed);
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

  /** The output tensor. */
  public KerasTensor output() {
    return output;
  }

  @Override
  public List<ModelInput> inputs() {
    Map<KerasTensor, String> names = names();
    return inputs.stream().map(t -> new ModelInput(names.get(t), t.shape())).toList();
  }

  @Override
  public List<LayerNode> build() {
    Map<KerasTensor, String> names = names();
    List<LayerNode> nodes = new ArrayList<>();
    for (KerasTensor t : FunctionalGraph.layersInKerasOrder(output)) {
      List<String> inbound = t.inbound().stream().map(names::get).toList();
      List<org.tensorflow.ndarray.Shape> shapes = t.inbound().stream().map(KerasTensor::shape).toList();
      nodes.add(LayerNode.place(names.get(t), t.layer(), inbound, shapes));
    }
    return nodes;
  }

  /** Every tensor's layer name, given or generated in the order the layers were applied. */
  private Map<KerasTensor, String> names() {
    List<KerasTensor> all = new ArrayList<>(inputs);
    all.addAll(FunctionalGraph.layersInKerasOrder(output));
    all.sort(Comparator.comparingLong(KerasTensor::creationOrder));
    LayerNames taken = new LayerNames("Functional");
    Map<KerasTensor, String> names = new IdentityHashMap<>();
    for (KerasTensor t : all) {
      names.put(t, taken.take(t.layer().name(), t.layer().namePrefix()));
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
    if (output == null || output.isInput()) {
      throw new IllegalArgumentException("The output of a functional model must be a layer's output "
          + "(layer.apply(...)), found " + output);
    }
    for (KerasTensor used : FunctionalGraph.inputsOf(output)) {
      if (inputs.stream().noneMatch(t -> t == used)) {
        throw new IllegalArgumentException("The output of the functional model depends on an input "
            + "of shape " + Shapes.format(used.shape()) + " (" + used.layer().name().orElse("unnamed")
            + ") that is not among the model's inputs");
      }
    }
  }
}

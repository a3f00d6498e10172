package io.tfbridge.engine;

import io.tfbridge.initializers.Initializer;
import io.tfbridge.initializers.Constant;
import io.tfbridge.initializers.Zeros;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The model's VariableV2 variables, keyed by Keras path ({@code dense/kernel},
 * {@code adam/dense_kernel_momentum}), each with an assign-from-placeholder op, so that values are set
 * from the host: initial values from seeded initializers, or weights loaded from a file.
 */
public final class VariableStore {
  private final Names names;
  /** The most bytes of host values one assigning run carries. */
  private static final long CHUNK_BYTES = 32L << 20;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final List<Op> pendingSlots = new ArrayList<>();
  /** Set by {@link #initialize}: variables made afterwards (the optimizer's) wait for {@link #initializeSlots}. */
  private boolean initialized;
  /** The step count to give the counter when it is made or first initialised. */
  private long initialIterations;
  private boolean iterationsPending;
  private Variable<TInt64> iterations;
  private String iterationsPath;
  private Placeholder<TInt64> iterationsValue;
  private Op assignIterations;

  /**
   * One float variable, the placeholder and assign op that set it, how to initialise it, and, for an
   * initializer that draws nothing, the op that fills it in the graph (else null).
   */
  private record Entry(Variable<TFloat32> variable, Placeholder<TFloat32> value, Op assign,
      Initializer initializer, boolean trainable, Op fill, boolean slot) {}

  VariableStore(Ops tf) {
    this.names = new Names(tf);
  }

  /** Creates a float variable at {@code path}, initialised by {@code initializer}. */
  Variable<TFloat32> create(String path, Shape shape, Initializer initializer, boolean trainable) {
    return create(path, shape, initializer, trainable, false);
  }

  private Variable<TFloat32> create(String path, Shape shape, Initializer initializer,
      boolean trainable, boolean slot) {
    if (entries.containsKey(path)) {
      throw new IllegalArgumentException("Two weights share the path '" + path + "'");
    }
    Variable<TFloat32> variable = names.scoped(path).variable(shape, TFloat32.class);
    Placeholder<TFloat32> value = names.scoped("assign/" + path)
        .placeholder(TFloat32.class, Placeholder.shape(shape));
    Op assign = names.scoped("assign/" + path + "_op").assign(variable, value);
    Op fill = null;
    if (initializer.constantValue().isPresent()) {
      Ops ops = names.scoped("assign/" + path + "_fill");
      fill = ops.assign(variable, ops.fill(ops.constant(shape.asArray()),
          ops.constant((float) initializer.constantValue().getAsDouble())));
    }
    entries.put(path, new Entry(variable, value, assign, initializer, trainable, fill, slot));
    if (initialized) {
      if (fill == null) {
        throw new IllegalStateException("Variable '" + path + "' was made after initialisation "
            + "with initializer " + initializer.kerasName() + "; only filled ones may be");
      }
      pendingSlots.add(fill);
    }
    return variable;
  }

  /**
   * Opens the variable scope {@code path} before other ops claim its name: the optimizer's slots
   * ({@code adam/...}) are made after its update ops, which would otherwise take {@code adam}.
   */
  void reserveScope(String path) {
    names.scope(path);
  }

  /** The graph's root ops (the scopes' root). */
  Ops root() {
    return names.root();
  }

  /** Ops under scope {@code path}, opened once ({@link Names}). */
  Ops scope(String path) {
    return names.scope(path);
  }

  /** A zero-initialised, non-trainable variable (an optimizer slot). */
  Variable<TFloat32> zeros(String path, Shape shape) {
    return filled(path, shape, 0);
  }

  /** A non-trainable variable filled with {@code value} (an optimizer slot). */
  Variable<TFloat32> filled(String path, Shape shape, double value) {
    return create(path, shape, value == 0 ? Zeros.of() : Constant.of(value), false, true);
  }

  /** The optimizer's int64 step counter at {@code path}, created on first use. */
  Operand<TInt64> iterations(String path) {
    if (iterations == null) {
      iterationsPending = initialized;
      iterations = names.scoped(path).variable(Shape.scalar(), TInt64.class);
      iterationsPath = path;
      iterationsValue = names.scoped("assign/" + path)
          .placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
      assignIterations = names.scoped("assign/" + path + "_op").assign(iterations, iterationsValue);
    }
    return iterations;
  }

  /** The optimizer's int64 step counter, or null if the optimizer keeps none (or has not made it). */
  Variable<TInt64> iterationsVariable() {
    return iterations;
  }

  /** Sets the optimizer's step counter, if the optimizer keeps one. */
  void assignIterations(Session session, long value) {
    initialIterations = value;
    if (iterations != null && !iterationsPending) {
      try (TInt64 t = TInt64.scalarOf(value)) {
        ByName.target(ByName.feed(session.runner(), iterationsValue, t), assignIterations).run();
      }
    }
  }

  /** The optimizer's step counter, or 0 if the optimizer keeps none. */
  long readIterations(Session session) {
    if (iterations == null || iterationsPending) {
      return initialIterations;
    }
    try (var result = ByName.fetch(session.runner(), iterations).run()) {
      return ((TInt64) result.get(0)).getLong();
    }
  }

  /** The variable at {@code path}. */
  Variable<TFloat32> variable(String path) {
    Entry slot = entries.get(path);
    if (slot == null) {
      throw new IllegalArgumentException("No variable at '" + path + "'; known: " + entries.keySet());
    }
    return slot.variable();
  }

  /**
   * Sets every variable but the optimizer's slots in one run: those in {@code given} to their values,
   * the others from their initializers (each drawn from its own split of the seed's generator, in path
   * order, so a seed gives the same weights whatever is given), and the step counter to
   * {@code iterations}. Slots not given wait for {@link #initializeSlots}: a model that only predicts
   * never allocates them.
   */
  void initialize(Session session, long seed, Map<String, WeightSource> given, long iterations) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, WeightSource> values = new LinkedHashMap<>();
    List<Op> fills = new ArrayList<>();
    entries.forEach((path, slot) -> {
      SplittableRandom own = random.split();
      WeightSource value = given.get(path);
      if (value != null) {
        values.put(path, value);
      } else if (slot.slot()) {
        pendingSlots.add(slot.fill());
      } else if (slot.fill() != null) {
        fills.add(slot.fill());
      } else {
        values.put(path, WeightSource.of(slot.initializer().generate(slot.variable().shape(), own)));
      }
    });
    assign(session, values, fills);
    assignIterations(session, iterations);
    initialized = true;
  }

  /**
   * Fills the optimizer's slots that {@link #initialize} left or that were made since (the training
   * part of the graph is built at the first training step), and gives a counter made since its step
   * count.
   */
  void initializeSlots(Session session) {
    if (!pendingSlots.isEmpty()) {
      Session.Runner runner = session.runner();
      pendingSlots.forEach(f -> ByName.target(runner, f));
      runner.run();
      pendingSlots.clear();
    }
    if (iterationsPending) {
      iterationsPending = false;
      assignIterations(session, initialIterations);
    }
  }

  /** Whether a variable is at {@code path}. */
  boolean has(String path) {
    return entries.containsKey(path);
  }

  /** Assigns the given values (row-major) to the variables at their paths, in one run. */
  void assign(Session session, Map<String, float[]> values) {
    Map<String, WeightSource> sources = new LinkedHashMap<>();
    values.forEach((path, data) -> sources.put(path, WeightSource.of(data)));
    assign(session, sources, List.of());
    pendingSlots.removeAll(values.keySet().stream().map(p -> entries.get(p).fill()).toList());
  }

  /**
   * Assigns the given values and runs the {@code fills}, in runs of at most {@link #CHUNK_BYTES} (32 MB) of
   * values each, so that the tensors that carry them never take much memory at once; each source is
   * read as its tensor is made.
   *
   * @throws IllegalArgumentException if a source's values do not fill its variable, naming the path
   */
  private void assign(Session session, Map<String, WeightSource> values, List<Op> fills) {
    Map<String, WeightSource> chunk = new LinkedHashMap<>();
    List<Op> first = fills;
    long bytes = 0;
    for (Map.Entry<String, WeightSource> e : values.entrySet()) {
      chunk.put(e.getKey(), e.getValue());
      bytes += 4 * e.getValue().size();
      if (bytes >= CHUNK_BYTES) {
        runAssign(session, chunk, first);
        chunk.clear();
        first = List.of();
        bytes = 0;
      }
    }
    if (!chunk.isEmpty() || !first.isEmpty()) {
      runAssign(session, chunk, first);
    }
  }

  private void runAssign(Session session, Map<String, WeightSource> values, List<Op> fills) {
    List<Tensor> tensors = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      values.forEach((path, source) -> {
        Entry slot = entries.get(path);
        if (source.size() != slot.variable().shape().size()) {
          throw new IllegalArgumentException("Weight " + path + " has shape "
              + io.tfbridge.layers.Shapes.format(slot.variable().shape()) + " ("
              + slot.variable().shape().size() + " values), found " + source.size() + " values");
        }
        TFloat32 t = TFloat32.tensorOf(slot.variable().shape());
        tensors.add(t);
        source.copyTo(t.asRawTensor().data());
        ByName.target(ByName.feed(runner, slot.value(), t), slot.assign());
      });
      fills.forEach(f -> ByName.target(runner, f));
      runner.run();
    } finally {
      tensors.forEach(Tensor::close);
    }
  }

  /** The current values of the variables at {@code paths}, row-major. */
  List<float[]> read(Session session, List<String> paths) {
    if (paths.isEmpty()) {
      return List.of();
    }
    Session.Runner runner = session.runner();
    paths.forEach(p -> ByName.fetch(runner, variable(p)));
    List<float[]> values = new ArrayList<>();
    try (var result = runner.run()) {
      for (int i = 0; i < paths.size(); i++) {
        TFloat32 t = (TFloat32) result.get(i);
        float[] data = new float[Math.toIntExact(t.size())];
        t.asRawTensor().data().asFloats().read(data);
        values.add(data);
      }
    }
    return values;
  }

  /** The paths of the trainable variables, in creation order. */
  List<String> trainablePaths() {
    return entries.entrySet().stream().filter(e -> e.getValue().trainable()).map(Map.Entry::getKey).toList();
  }

  /** Every float variable's path, in creation order. */
  List<String> paths() {
    return List.copyOf(entries.keySet());
  }

  /**
   * The graph op name of every variable by path: the float variables in creation order, then the
   * step counter if there is one. Each is its path ({@link Names} opens each scope once).
   */
  Map<String, String> opNames() {
    Map<String, String> names = new LinkedHashMap<>();
    entries.forEach((path, entry) -> names.put(path, entry.variable().op().name()));
    if (iterations != null) {
      names.put(iterationsPath, iterations.op().name());
    }
    return names;
  }

  /** The shape of the variable at {@code path}. */
  Shape shape(String path) {
    return variable(path).shape();
  }
}

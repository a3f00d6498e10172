package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import io.tfbridge.saving.KerasObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A Keras op applied to symbolic tensors in a functional model ({@code keras.src.ops.numpy}): Keras
 * records {@code x + 3.0}, {@code x * y} and the mask of {@code Embedding(mask_zero=True)}
 * ({@code not_equal(ids, 0)}, {@code any(x != v, axis=-1)} for Masking, {@code logical_or} for the
 * masks a merge layer joins) as op nodes. Constant arguments are part of the op; comparisons give
 * 1.0/0.0 floats, which masks read as true/false.
 *
 * <pre>{@code
 * KerasTensor shifted = NumpyOp.of("Add").withArguments(Arrays.asList(null, 3.0)).apply(x);
 * }</pre>
 */
public final class NumpyOp extends Layer<NumpyOp> {
  /** The module Keras names op nodes with. */
  public static final String MODULE = "keras.src.ops.numpy";
  /** The module of Keras's core ops ({@code convert_to_tensor}, which Attention's mask goes through). */
  static final String CORE_MODULE = "keras.src.ops.core";
  private static final List<String> OPS = List.of("Add", "Subtract", "Multiply", "Divide",
      "TrueDivide", "Maximum", "Minimum", "NotEqual", "Equal", "Greater", "Less", "Any", "All",
      "LogicalOr", "LogicalAnd", "ConvertToTensor");
  private final String op;
  private List<Object> arguments = Arrays.asList(null, null);
  private Integer axis;
  private boolean keepdims;

  private NumpyOp(String op) {
    if (!OPS.contains(op)) {
      throw new IllegalArgumentException("Keras op " + op + " is not supported by tfbridge; "
          + "supported ops: " + String.join(", ", OPS));
    }
    this.op = op;
    if (reduces() || op.equals("ConvertToTensor")) {
      this.arguments = Arrays.asList((Object) null); // one tensor
    }
  }

  /** The op of this Keras class name ({@code "Add"}, {@code "NotEqual"}, ...). */
  public static NumpyOp of(String op) {
    return new NumpyOp(op);
  }

  /**
   * A copy whose positional arguments are these: {@code null} for each tensor (filled in order by
   * the tensors the op is applied to), constants as themselves.
   */
  public NumpyOp withArguments(List<Object> arguments) {
    NumpyOp copy = copy();
    copy.arguments = java.util.Collections.unmodifiableList(new ArrayList<>(arguments));
    return copy;
  }

  /** The positional arguments: null for a tensor, else the constant. */
  public List<Object> arguments() {
    return arguments;
  }

  /** Whether a config entry is an op node: Keras 3 names the module; legacy .h5 configs do not. */
  public static boolean isOp(KerasObject entry) {
    if (MODULE.equals(entry.module()) || CORE_MODULE.equals(entry.module())) {
      return true;
    }
    if (entry.module() != null || !OPS.contains(entry.className())) {
      return false;
    }
    // legacy .h5 has no module: a merge layer takes one list argument, an op separate ones
    Object nodes = entry.extras().get("inbound_nodes");
    if (nodes instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Config node
        && node.get("args") instanceof List<?> args) {
      return !(args.size() == 1 && args.get(0) instanceof List<?>);
    }
    return !List.of("Add", "Subtract", "Multiply", "Maximum", "Minimum").contains(entry.className());
  }

  /** The op of a config entry. */
  public static NumpyOp read(KerasObject entry, String name) {
    ConfigReader c = new ConfigReader(entry.options(), "layer '" + name + "' (" + entry.className() + ")");
    c.ignore("name");
    if (entry.className().equals("ConvertToTensor")) {
      c.ignore("dtype", "sparse", "ragged"); // a mask as is: no dtype, sparse or ragged conversion
    }
    NumpyOp op;
    try {
      op = of(entry.className());
    } catch (IllegalArgumentException e) {
      throw c.error(e.getMessage());
    }
    if (op.reduces()) {
      op.axis = c.has("axis") ? c.getInt("axis") : null;
      op.keepdims = c.getBool("keepdims", false);
    }
    c.finish();
    return op.name(name);
  }

  private boolean reduces() {
    return op.equals("Any") || op.equals("All");
  }

  @Override
  public String className() {
    return op;
  }

  @Override
  public String namePrefix() {
    return op.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  @Override
  public String module() {
    return op.equals("ConvertToTensor") ? CORE_MODULE : MODULE;
  }

  @Override
  public String registeredName() {
    return op;
  }

  @Override
  public boolean hasBuildConfig() {
    return false;
  }

  @Override
  public boolean configHasTrainable() {
    return false;
  }

  @Override
  public boolean configHasDtype() {
    return false;
  }

  @Override
  public Config getConfig() {
    Config.Builder b = Config.builder();
    if (reduces()) {
      b.put("axis", axis).put("keepdims", keepdims);
    }
    return b.build();
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    return outputShape(layerName, List.of(input));
  }

  @Override
  public Shape outputShape(String layerName, List<Shape> inputs) {
    long tensors = arguments.stream().filter(a -> a == null).count();
    if (inputs.size() != tensors) {
      throw new IllegalArgumentException("Op \"" + layerName + "\" (" + op + ") takes " + tensors
          + " tensor(s), received " + inputs.size());
    }
    Shape shape = inputs.get(0);
    for (Shape s : inputs.subList(1, inputs.size())) {
      shape = Shapes.broadcast(layerName, shape, s);
    }
    return reduces() ? reduced(shape) : shape;
  }

  private Shape reduced(Shape shape) {
    long[] dims = shape.asArray();
    List<Long> out = new ArrayList<>();
    int a = axis == null ? -1 : (axis < 0 ? axis + dims.length : axis);
    for (int i = 0; i < dims.length; i++) {
      if (axis != null && i != a) {
        out.add(dims[i]);
      } else if (keepdims) {
        out.add(1L);
      }
    }
    return Shape.of(out.stream().mapToLong(Long::longValue).toArray());
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    return call(context, List.of(input));
  }

  @Override
  public LayerOutput call(LayerContext context, List<Operand<TFloat32>> inputs) {
    Ops tf = context.tf();
    List<Operand<TFloat32>> operands = new ArrayList<>();
    int next = 0;
    for (Object a : arguments) {
      operands.add(a == null ? inputs.get(next++) : tf.constant(((Number) a).floatValue()));
    }
    return LayerOutput.of(apply(tf, operands));
  }

  private Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x) {
    return switch (op) {
      case "Add" -> tf.math.add(x.get(0), x.get(1));
      case "Subtract" -> tf.math.sub(x.get(0), x.get(1));
      case "Multiply" -> tf.math.mul(x.get(0), x.get(1));
      case "Divide", "TrueDivide" -> tf.math.div(x.get(0), x.get(1));
      case "Maximum" -> tf.math.maximum(x.get(0), x.get(1));
      case "Minimum" -> tf.math.minimum(x.get(0), x.get(1));
      case "NotEqual" -> bool(tf, tf.math.notEqual(x.get(0), x.get(1)));
      case "Equal" -> bool(tf, tf.math.equal(x.get(0), x.get(1)));
      case "Greater" -> bool(tf, tf.math.greater(x.get(0), x.get(1)));
      case "Less" -> bool(tf, tf.math.less(x.get(0), x.get(1)));
      case "ConvertToTensor" -> x.get(0); // Attention's output mask: the query's, as is
      case "LogicalOr" -> bool(tf, tf.math.logicalOr(truth(tf, x.get(0)), truth(tf, x.get(1))));
      case "LogicalAnd" -> bool(tf, tf.math.logicalAnd(truth(tf, x.get(0)), truth(tf, x.get(1))));
      default -> reduce(tf, x.get(0));
    };
  }

  private static Operand<TFloat32> bool(Ops tf, Operand<org.tensorflow.types.TBool> b) {
    return tf.dtypes.cast(b, TFloat32.class);
  }

  /** A 1/0 tensor (a mask) as booleans. */
  private static Operand<org.tensorflow.types.TBool> truth(Ops tf, Operand<TFloat32> x) {
    return tf.math.notEqual(x, tf.constant(0f));
  }

  private Operand<TFloat32> reduce(Ops tf, Operand<TFloat32> x) {
    int rank = x.shape().numDimensions();
    int[] axes = axis == null ? java.util.stream.IntStream.range(0, rank).toArray()
        : new int[] {axis < 0 ? axis + rank : axis};
    var flags = tf.dtypes.cast(tf.math.notEqual(x, tf.constant(0f)), TFloat32.class);
    var reduceAxes = tf.constant(axes);
    return op.equals("Any")
        ? tf.max(flags, reduceAxes, org.tensorflow.op.core.Max.keepDims(keepdims))
        : tf.min(flags, reduceAxes, org.tensorflow.op.core.Min.keepDims(keepdims));
  }

  /** Op nodes take no keyword arguments. */
  @Override
  public java.util.Set<String> callKeywords() {
    return java.util.Set.of();
  }
}

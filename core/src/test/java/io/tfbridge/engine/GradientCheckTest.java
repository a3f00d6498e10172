package io.tfbridge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tfbridge.layers.AveragePooling2D;
import io.tfbridge.layers.Conv1D;
import io.tfbridge.layers.Conv2D;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Dropout;
import io.tfbridge.layers.Embedding;
import io.tfbridge.layers.Flatten;
import io.tfbridge.layers.GlobalAveragePooling1D;
import io.tfbridge.layers.GlobalAveragePooling2D;
import io.tfbridge.layers.GlobalMaxPooling2D;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.MaxPooling2D;
import io.tfbridge.layers.Reshape;
import io.tfbridge.layers.SimpleRNN;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Gradient checks: the analytic gradients {@link CompiledGraph#gradients} fetches (the ones the
 * optimizers apply) against central finite differences of the mean loss, for every layer, every
 * activation and every loss, through both the logits and the probability paths of the
 * cross-entropies.
 *
 * <p>Each weight element (at most {@value #MAX_ELEMENTS} of them, sampled, for a large weight) is set
 * to {@code w + eps} and {@code w - eps} with {@code setWeights}, and the mean loss
 * ({@code lossSum / lossCount} from {@code testStep}, inference mode) is read at both points. The
 * numeric slope divides by the perturbation actually stored in float32, not the nominal eps.
 *
 * <p>Tolerance {@code |num - ana| <= 2e-3 + 2e-2 * |num|}: the graph computes in float32, so one loss
 * value (about 1) carries a rounding error of a few 1e-7, which the difference quotient amplifies by
 * {@code 1 / (2 eps)} to a few 1e-5; the central difference's truncation error is
 * {@code eps^2 f''' / 6}, about 1e-5 with the small weights and inputs used here. The bound is two
 * orders of magnitude above both, and far below the errors a wrong gradient makes (a missing factor,
 * a transposed kernel, a dropped term: the negative control below scales the gradient by 1.1 and must
 * fail). Non-smooth points (relu at 0, max-pool ties, probability clipping) are kept away from: inputs
 * are continuous random values, max-pool inputs are distinct and well separated, and probabilities
 * stay far inside (1e-7, 1 - 1e-7).
 */
class GradientCheckTest {
  static final double EPS = 3e-3;
  static final double ABS_TOL = 2e-3;
  static final double REL_TOL = 2e-2;
  static final int MAX_ELEMENTS = 40;
  static final int BATCH = 4;

  /** One check: a model, its loss, how to set its weights and inputs. */
  record Case(Sequential spec, String loss, WeightInit weights, InputInit inputs, boolean training) {
    Case(Sequential spec, String loss) {
      this(spec, loss, WeightInit.UNIFORM, InputInit.UNIFORM, false);
    }

    Case withWeights(WeightInit w) {
      return new Case(spec, loss, w, inputs, training);
    }

    Case withInputs(InputInit i) {
      return new Case(spec, loss, weights, i, training);
    }

    /** Gradients and losses with the layers in training mode (BatchNormalization's batch statistics). */
    Case inTrainingMode() {
      return new Case(spec, loss, weights, inputs, true);
    }
  }

  /** Sets the weights before checking (values row-major, by Keras path). */
  interface WeightInit {
    /** Uniform in [-0.5, 0.5]: small, so tanh/sigmoid/softmax stay away from saturation. */
    WeightInit UNIFORM = (path, shape, r) -> uniform(r, shape.size(), -0.5, 0.5);

    float[] values(String path, Shape shape, SplittableRandom random);
  }

  /** Makes the input batch (row-major) for a batch-first input shape. */
  interface InputInit {
    /** Uniform in [-1, 1]. */
    InputInit UNIFORM = (shape, r) -> uniform(r, shape.size(), -1, 1);

    float[] values(Shape shape, SplittableRandom random);
  }

  static Stream<Arguments> cases() {
    Map<String, Case> c = new LinkedHashMap<>();
    // Dense with each activation (hidden), and with and without bias
    for (String activation : List.of("linear", "relu", "sigmoid", "tanh", "softmax")) {
      c.put("dense_" + activation, new Case(Sequential.of(Input.of(5),
          Dense.of(4).activation(activation), Dense.of(3)), "mean_squared_error"));
    }
    c.put("dense_tanh_nobias", new Case(Sequential.of(Input.of(3),
        Dense.of(4).activation("tanh").useBias(false), Dense.of(2).useBias(false)),
        "mean_squared_error"));
    // Dense on a rank-3 input (the reshape path)
    c.put("dense_rank3", new Case(Sequential.of(Input.of(3, 4),
        Dense.of(2).activation("tanh"), Flatten.of(), Dense.of(2)), "mean_squared_error"));
    // Conv2D
    c.put("conv2d_valid", new Case(Sequential.of(Input.of(5, 5, 2),
        Conv2D.of(3, 3).activation("tanh"), Flatten.of(), Dense.of(3).activation("softmax")),
        "sparse_categorical_crossentropy"));
    c.put("conv2d_same_strided", new Case(Sequential.of(Input.of(6, 5, 2),
        Conv2D.of(3, 3).strides(2, 2).padding("same"), Flatten.of(), Dense.of(2)),
        "mean_squared_error"));
    c.put("conv2d_rect_nobias_sigmoid", new Case(Sequential.of(Input.of(5, 6, 1),
        Conv2D.of(2, 2, 3).strides(1, 2).activation("sigmoid").useBias(false), Flatten.of(),
        Dense.of(2)), "mean_squared_error"));
    c.put("conv2d_stacked", new Case(Sequential.of(Input.of(6, 6, 1),
        Conv2D.of(2, 3).activation("tanh"), Conv2D.of(2, 2).strides(2, 2).padding("same"),
        Flatten.of(), Dense.of(2)), "mean_squared_error"));
    // MaxPooling2D after a 1x1 convolution of one channel with positive kernels: the pooled values
    // are increasing functions of distinct, evenly spaced inputs, so no perturbation changes which
    // element of a window wins (no ties, no switching)
    c.put("maxpool_valid", new Case(Sequential.of(Input.of(6, 6, 1),
        Conv2D.of(2, 1), MaxPooling2D.of(2, 2), Flatten.of(), Dense.of(3).activation("softmax")),
        "sparse_categorical_crossentropy")
        .withWeights(GradientCheckTest::positiveConvKernel).withInputs(GradientCheckTest::distinct));
    c.put("maxpool_same_strided", new Case(Sequential.of(Input.of(7, 6, 1),
        Conv2D.of(2, 1), MaxPooling2D.of(3, 3).strides(2, 2).padding("same"), Flatten.of(),
        Dense.of(2)), "mean_squared_error")
        .withWeights(GradientCheckTest::positiveConvKernel).withInputs(GradientCheckTest::distinct));
    c.put("maxpool_valid_rect", new Case(Sequential.of(Input.of(5, 7, 1),
        Conv2D.of(1, 1), MaxPooling2D.of(2, 3), Flatten.of(), Dense.of(2)), "mean_squared_error")
        .withWeights(GradientCheckTest::positiveConvKernel).withInputs(GradientCheckTest::distinct));
    // Flatten between weights
    c.put("flatten", new Case(Sequential.of(Input.of(2, 3, 2),
        Dense.of(2).activation("tanh"), Flatten.of(), Dense.of(2)), "mean_squared_error"));
    // SimpleRNN
    c.put("simple_rnn_last", new Case(Sequential.of(Input.of(4, 3),
        SimpleRNN.of(3), Dense.of(2)), "mean_squared_error"));
    c.put("simple_rnn_last_relu_nobias", new Case(Sequential.of(Input.of(3, 2),
        SimpleRNN.of(3).activation("relu").useBias(false), Dense.of(2)), "mean_squared_error"));
    c.put("simple_rnn_seq_dense", new Case(Sequential.of(Input.of(4, 2),
        SimpleRNN.of(3).returnSequences(true), Dense.of(3).activation("softmax")),
        "sparse_categorical_crossentropy"));
    c.put("simple_rnn_seq_flatten", new Case(Sequential.of(Input.of(3, 2),
        SimpleRNN.of(3).returnSequences(true), Flatten.of(), Dense.of(2)), "mean_squared_error"));
    c.put("simple_rnn_stacked", new Case(Sequential.of(Input.of(3, 2),
        SimpleRNN.of(3).returnSequences(true), SimpleRNN.of(2), Dense.of(1)), "mean_squared_error"));
    // Dropout: the identity in inference mode, which gradients() runs in
    c.put("dropout", new Case(Sequential.of(Input.of(4),
        Dense.of(3).activation("tanh"), Dropout.of(0.5), Dense.of(2)), "mean_squared_error"));
    // Losses, logits paths (a final softmax/sigmoid is bypassed: the loss takes its input)
    c.put("sparse_cce_logits", new Case(Sequential.of(Input.of(4),
        Dense.of(3).activation("softmax")), "sparse_categorical_crossentropy"));
    c.put("cce_logits", new Case(Sequential.of(Input.of(4),
        Dense.of(3).activation("softmax")), "categorical_crossentropy"));
    c.put("bce_logits", new Case(Sequential.of(Input.of(4),
        Dense.of(2).activation("sigmoid")), "binary_crossentropy"));
    c.put("bce_logits_one_unit", new Case(Sequential.of(Input.of(4),
        Dense.of(1).activation("sigmoid")), "binary_crossentropy"));
    c.put("mse_linear", new Case(Sequential.of(Input.of(4), Dense.of(3)), "mean_squared_error"));
    c.put("mse_sigmoid_out", new Case(Sequential.of(Input.of(4),
        Dense.of(2).activation("sigmoid")), "mean_squared_error"));
    // Losses, probability paths: a Dropout after the activation hides it from the loss (its output
    // has no activation of its own), so the loss sees probabilities, as for a custom output layer
    c.put("sparse_cce_probs", new Case(Sequential.of(Input.of(4),
        Dense.of(3).activation("softmax"), Dropout.of(0.5)), "sparse_categorical_crossentropy"));
    c.put("cce_probs", new Case(Sequential.of(Input.of(4),
        Dense.of(3).activation("softmax"), Dropout.of(0.5)), "categorical_crossentropy"));
    // sigmoid outputs do not sum to 1: exercises the renormalisation p / sum(p)
    c.put("cce_probs_unnormalised", new Case(Sequential.of(Input.of(4),
        Dense.of(3).activation("sigmoid")), "categorical_crossentropy"));
    // relu outputs with a positive bias: positive but unnormalised, through the relu
    c.put("cce_probs_relu", new Case(Sequential.of(Input.of(4),
        Dense.of(3).activation("relu")), "categorical_crossentropy")
        .withWeights(GradientCheckTest::positiveBias));
    c.put("bce_probs", new Case(Sequential.of(Input.of(4),
        Dense.of(2).activation("sigmoid"), Dropout.of(0.5)), "binary_crossentropy"));
    // softmax is not sigmoid: binary_crossentropy takes its (0, 1) outputs as probabilities
    c.put("bce_probs_softmax", new Case(Sequential.of(Input.of(4),
        Dense.of(3).activation("softmax")), "binary_crossentropy"));
    // sequence outputs for the class losses (a loss value per sample and timestep)
    c.put("cce_seq_logits", new Case(Sequential.of(Input.of(3, 2),
        SimpleRNN.of(3).returnSequences(true), Dense.of(3).activation("softmax")),
        "categorical_crossentropy"));
    c.put("sparse_cce_seq_probs", new Case(Sequential.of(Input.of(3, 2),
        SimpleRNN.of(3).returnSequences(true), Dense.of(3).activation("softmax"), Dropout.of(0.3)),
        "sparse_categorical_crossentropy"));
    c.put("bce_seq_logits", new Case(Sequential.of(Input.of(3, 2),
        SimpleRNN.of(3).returnSequences(true), Dense.of(2).activation("sigmoid")),
        "binary_crossentropy"));
    // Activation layers: hidden, and final softmax/sigmoid ones whose input the losses take as logits
    c.put("activation_layers_sparse_cce", new Case(Sequential.of(Input.of(5), Dense.of(4),
        io.tfbridge.layers.Activation.of("tanh"), Dense.of(3),
        io.tfbridge.layers.Activation.of("softmax")), "sparse_categorical_crossentropy"));
    c.put("activation_layer_sigmoid_bce", new Case(Sequential.of(Input.of(4), Dense.of(2),
        io.tfbridge.layers.Activation.of("sigmoid")), "binary_crossentropy"));
    // Reshape between weights (an inferred dimension, then a Dense on the rank-3 result)
    c.put("reshape", new Case(Sequential.of(Input.of(6), Dense.of(6).activation("tanh"),
        Reshape.of(-1, 3), Dense.of(2), Flatten.of(), Dense.of(2)), "mean_squared_error"));
    // AveragePooling2D (smooth everywhere), valid and same-padded strided windows
    c.put("avgpool_valid", new Case(Sequential.of(Input.of(6, 6, 1),
        Conv2D.of(2, 3).activation("tanh"), AveragePooling2D.of(2, 2), Flatten.of(), Dense.of(2)),
        "mean_squared_error"));
    c.put("avgpool_same_strided", new Case(Sequential.of(Input.of(7, 6, 2), Conv2D.of(2, 1),
        AveragePooling2D.of(3, 3).strides(2, 2).padding("same"), Flatten.of(), Dense.of(2)),
        "mean_squared_error"));
    // global poolings; the max one on distinct inputs through positive 1x1 kernels (no switching)
    c.put("global_avgpool2d", new Case(Sequential.of(Input.of(5, 5, 2),
        Conv2D.of(3, 3).activation("tanh"), GlobalAveragePooling2D.of(),
        Dense.of(3).activation("softmax")), "sparse_categorical_crossentropy"));
    c.put("global_maxpool2d", new Case(Sequential.of(Input.of(6, 6, 1), Conv2D.of(2, 1),
        GlobalMaxPooling2D.of(), Dense.of(2)), "mean_squared_error")
        .withWeights(GradientCheckTest::positiveConvKernel).withInputs(GradientCheckTest::distinct));
    c.put("global_avgpool1d", new Case(Sequential.of(Input.of(5, 3),
        Conv1D.of(3, 2).activation("tanh"), GlobalAveragePooling1D.of(), Dense.of(2)),
        "mean_squared_error"));
    // Conv1D
    c.put("conv1d_valid", new Case(Sequential.of(Input.of(6, 3),
        Conv1D.of(3, 3).activation("tanh"), Flatten.of(), Dense.of(2)), "mean_squared_error"));
    c.put("conv1d_same_strided_nobias", new Case(Sequential.of(Input.of(7, 2),
        Conv1D.of(2, 3).strides(2).padding("same").useBias(false), Flatten.of(), Dense.of(2)),
        "mean_squared_error"));
    // Embedding: token ids in [0, 6), repeated within the batch (their gradients add up)
    c.put("embedding", new Case(Sequential.of(Input.of(5), Embedding.of(6, 3), Flatten.of(),
        Dense.of(2)), "mean_squared_error").withInputs(GradientCheckTest::tokenIds));
    c.put("embedding_conv1d_text", new Case(Sequential.of(Input.of(5), Embedding.of(6, 3),
        Conv1D.of(2, 2).activation("tanh"), GlobalAveragePooling1D.of(),
        Dense.of(3).activation("softmax")), "sparse_categorical_crossentropy")
        .withInputs(GradientCheckTest::tokenIds));
    // LSTM and GRU (unrolled; the Split of the gates and the state recurrences)
    c.put("lstm_last", new Case(Sequential.of(Input.of(4, 3),
        io.tfbridge.layers.LSTM.of(3), Dense.of(2)), "mean_squared_error"));
    c.put("lstm_seq_nobias", new Case(Sequential.of(Input.of(3, 2),
        io.tfbridge.layers.LSTM.of(3).returnSequences(true).useBias(false), Flatten.of(), Dense.of(2)),
        "mean_squared_error"));
    c.put("gru_last", new Case(Sequential.of(Input.of(4, 3),
        io.tfbridge.layers.GRU.of(3), Dense.of(2)), "mean_squared_error"));
    c.put("gru_seq_reset_before", new Case(Sequential.of(Input.of(3, 2),
        io.tfbridge.layers.GRU.of(3).returnSequences(true).resetAfter(false),
        Dense.of(3).activation("softmax")), "sparse_categorical_crossentropy"));
    // BatchNormalization: inference (moving statistics, positive variances) and training mode (batch
    // statistics: mean, biased variance, rsqrt); no Dense bias before it in training mode, where the
    // mean subtraction cancels it and its gradient is zero
    c.put("batchnorm_inference", new Case(Sequential.of(Input.of(4), Dense.of(3).activation("tanh"),
        io.tfbridge.layers.BatchNormalization.of(), Dense.of(2)), "mean_squared_error")
        .withWeights(GradientCheckTest::positiveVariance));
    c.put("batchnorm_training", new Case(Sequential.of(Input.of(4), Dense.of(3).useBias(false),
        io.tfbridge.layers.BatchNormalization.of(), Dense.of(3).activation("softmax")),
        "sparse_categorical_crossentropy").withWeights(GradientCheckTest::positiveVariance)
        .inTrainingMode());
    c.put("batchnorm_training_rank3_nocenter", new Case(Sequential.of(Input.of(3, 2),
        Dense.of(3).activation("tanh").useBias(false),
        io.tfbridge.layers.BatchNormalization.of().center(false), Flatten.of(), Dense.of(2)),
        "mean_squared_error").withWeights(GradientCheckTest::positiveVariance).inTrainingMode());
    return c.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  /** Moving variances in [0.5, 1.5] (a variance is positive), the rest uniform. */
  private static float[] positiveVariance(String path, Shape shape, SplittableRandom r) {
    if (path.endsWith("/moving_variance")) {
      return uniform(r, shape.size(), 0.5, 1.5);
    }
    return WeightInit.UNIFORM.values(path, shape, r);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void analyticGradientsMatchFiniteDifferences(String name, Case c) {
    List<String> failures = check(name, c, UnaryOperator.identity());
    if (!failures.isEmpty()) {
      fail(name + ": " + failures.size() + " gradient elements differ from finite differences:\n  "
          + String.join("\n  ", failures.subList(0, Math.min(20, failures.size()))));
    }
  }

  /**
   * The harness catches a wrong gradient: the analytic gradients scaled by 1.1, or shifted by one
   * element, must fail for a smooth model and for a layer deep in the stack.
   */
  @Test
  void harnessRejectsWrongGradients() {
    Case dense = new Case(Sequential.of(Input.of(4), Dense.of(3).activation("softmax")),
        "categorical_crossentropy");
    Case rnn = new Case(Sequential.of(Input.of(4, 3), SimpleRNN.of(3), Dense.of(2)),
        "mean_squared_error");
    for (Case c : List.of(dense, rnn)) {
      assertTrue(check("control", c, UnaryOperator.identity()).isEmpty(), "unbroken must pass");
      assertTrue(check("scaled", c, g -> scale(g, 1.1f)).size() > 0, "scaled by 1.1 must fail");
      assertTrue(check("shifted", c, GradientCheckTest::rotate).size() > 0, "shifted must fail");
    }
  }

  /** gradients() gives one gradient per trainable weight, in get_weights order and shape. */
  @Test
  void gradientsComeInWeightOrder() {
    Sequential spec = Sequential.of(Input.of(4, 3), SimpleRNN.of(2), Dense.of(3));
    try (Model model = spec.seed(3).compile("sgd", "mean_squared_error")) {
      CompiledGraph graph = model.graph();
      List<float[]> weights = model.getWeights();
      try (TFloat32 x = tensor(Shape.of(2, 4, 3), new float[24]);
          TFloat32 y = tensor(Shape.of(2, 3), new float[6])) {
        List<float[]> grads = graph.gradients(x, y);
        assertEquals(weights.size(), grads.size());
        for (int i = 0; i < weights.size(); i++) {
          assertEquals(weights.get(i).length, grads.get(i).length, graph.weightPaths().get(i));
        }
      }
    }
  }

  /**
   * Compares analytic and numeric gradients; returns a line per element outside the tolerance.
   * {@code tamper} alters the analytic gradients, for the negative control.
   */
  static List<String> check(String name, Case c, UnaryOperator<List<float[]>> tamper) {
    SplittableRandom random = new SplittableRandom(name.hashCode());
    List<String> failures = new ArrayList<>();
    try (Model model = c.spec().seed(7).compile("sgd", c.loss())) {
      CompiledGraph graph = model.graph();
      ModelDefinition def = graph.definition();
      Map<String, float[]> weights = new LinkedHashMap<>();
      for (LayerNode node : def.layers()) {
        node.weights().forEach(w -> {
          String path = node.weightPath(w);
          weights.put(path, c.weights().values(path, w.shape(), random.split()));
        });
      }
      graph.setWeights(weights);
      Shape xShape = batch(def.inputs().get(0).shape());
      Shape yShape = batch(def.labelShape());
      float[] x = c.inputs().values(xShape, random.split());
      float[] y = labels(c.loss(), yShape, def.outputShape(), random.split());
      try (TFloat32 xt = tensor(xShape, x); TFloat32 yt = tensor(yShape, y)) {
        List<float[]> analytic = tamper.apply(graph.gradients(xt, yt, c.training()));
        List<String> paths = trainablePaths(def);
        assertEquals(paths.size(), analytic.size(), name + ": one gradient per weight");
        for (int i = 0; i < paths.size(); i++) {
          String path = paths.get(i);
          float[] w = weights.get(path);
          float[] ana = analytic.get(i);
          assertEquals(w.length, ana.length, name + ": gradient size of " + path);
          double largest = 0;
          for (int k : sample(w.length, random)) {
            float original = w[k];
            float plus = (float) (original + EPS);
            float minus = (float) (original - EPS);
            w[k] = plus;
            double lossPlus = meanLoss(graph, path, w, xt, yt, c.training());
            w[k] = minus;
            double lossMinus = meanLoss(graph, path, w, xt, yt, c.training());
            w[k] = original;
            double num = (lossPlus - lossMinus) / ((double) plus - (double) minus);
            largest = Math.max(largest, Math.abs(num));
            if (!(Math.abs(num - ana[k]) <= ABS_TOL + REL_TOL * Math.abs(num))) {
              failures.add(String.format("%s[%d]: numeric %.6f, analytic %.6f", path, k, num, ana[k]));
            }
          }
          graph.setWeights(Map.of(path, w));
          // a gradient that is zero everywhere would make the check vacuous
          assertTrue(largest > 1e-3, name + ": " + path + " has no gradient to check: " + largest);
        }
      }
    }
    return failures;
  }

  /** The paths of the weights that take gradients, in get_weights order. */
  private static List<String> trainablePaths(ModelDefinition def) {
    List<String> paths = new ArrayList<>();
    for (LayerNode node : def.layers()) {
      node.weights().stream().filter(io.tfbridge.layers.WeightSpec::trainable)
          .forEach(w -> paths.add(node.weightPath(w)));
    }
    return paths;
  }

  private static double meanLoss(CompiledGraph graph, String path, float[] value, TFloat32 x,
      TFloat32 y, boolean training) {
    graph.setWeights(Map.of(path, value));
    var result = training ? graph.testStepInTrainingMode(x, y) : graph.testStep(x, y);
    return result.lossSum() / result.lossCount();
  }

  /** Every index of a small weight, or {@value #MAX_ELEMENTS} distinct random ones of a large one. */
  private static int[] sample(int size, SplittableRandom random) {
    int[] all = new int[size];
    for (int i = 0; i < size; i++) {
      all[i] = i;
    }
    if (size <= MAX_ELEMENTS) {
      return all;
    }
    for (int i = 0; i < MAX_ELEMENTS; i++) {
      int j = i + random.nextInt(size - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    return java.util.Arrays.copyOf(all, MAX_ELEMENTS);
  }

  /** Labels of the loss's kind: class ids, one-hot rows, 0/1 targets, or real targets. */
  private static float[] labels(String loss, Shape shape, Shape outputShape, SplittableRandom r) {
    int classes = (int) outputShape.get(outputShape.numDimensions() - 1);
    float[] y = new float[(int) shape.size()];
    switch (loss) {
      case "sparse_categorical_crossentropy":
        for (int i = 0; i < y.length; i++) {
          y[i] = r.nextInt(classes);
        }
        return y;
      case "categorical_crossentropy":
        for (int i = 0; i < y.length; i += classes) {
          y[i + r.nextInt(classes)] = 1;
        }
        return y;
      case "binary_crossentropy":
        for (int i = 0; i < y.length; i++) {
          y[i] = r.nextInt(2);
        }
        return y;
      default:
        return uniform(r, y.length, -1, 1);
    }
  }

  private static Shape batch(Shape shape) {
    return Shape.of(BATCH).append(shape.tail());
  }

  private static TFloat32 tensor(Shape shape, float[] data) {
    return TFloat32.tensorOf(shape, DataBuffers.of(data, true, false));
  }

  static float[] uniform(SplittableRandom r, long n, double lo, double hi) {
    float[] v = new float[Math.toIntExact(n)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextDouble(lo, hi);
    }
    return v;
  }

  /** Kernels in [0.3, 0.8], so every 1x1 convolution is increasing in its single input channel. */
  private static float[] positiveConvKernel(String path, Shape shape, SplittableRandom r) {
    if (path.startsWith("conv2d") && path.endsWith("/kernel")) {
      return uniform(r, shape.size(), 0.3, 0.8);
    }
    return WeightInit.UNIFORM.values(path, shape, r);
  }

  /** Biases in [1, 1.5], so relu outputs stay positive (no kink) for small kernels and inputs. */
  private static float[] positiveBias(String path, Shape shape, SplittableRandom r) {
    if (path.endsWith("/bias")) {
      return uniform(r, shape.size(), 1, 1.5);
    }
    return uniform(r, shape.size(), -0.2, 0.2);
  }

  /** Token ids for an Embedding of 6 rows: integers in [0, 6) as float32. */
  private static float[] tokenIds(Shape shape, SplittableRandom r) {
    float[] v = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextInt(6);
    }
    return v;
  }

  /** A random permutation of evenly spaced values in [-1, 1]: all distinct, 2 / n apart. */
  private static float[] distinct(Shape shape, SplittableRandom r) {
    int n = Math.toIntExact(shape.size());
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (-1 + 2.0 * i / (n - 1));
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      float t = v[i];
      v[i] = v[j];
      v[j] = t;
    }
    return v;
  }

  private static List<float[]> scale(List<float[]> grads, float factor) {
    List<float[]> out = new ArrayList<>();
    for (float[] g : grads) {
      float[] s = g.clone();
      for (int i = 0; i < s.length; i++) {
        s[i] *= factor;
      }
      out.add(s);
    }
    return out;
  }

  /** Each gradient shifted by one element: the right values against the wrong weights. */
  private static List<float[]> rotate(List<float[]> grads) {
    List<float[]> out = new ArrayList<>();
    for (float[] g : grads) {
      float[] s = new float[g.length];
      for (int i = 0; i < g.length; i++) {
        s[(i + 1) % g.length] = g[i];
      }
      out.add(s);
    }
    return out;
  }
}

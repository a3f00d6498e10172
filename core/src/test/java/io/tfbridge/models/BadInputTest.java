package io.tfbridge.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.callbacks.History;
import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.Conv2D;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Dropout;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.MaxPooling2D;
import io.tfbridge.layers.SimpleRNN;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input is refused with an {@link IllegalArgumentException} whose message says what was expected
 * and what was found, before anything reaches the native runtime, and the model keeps working after.
 */
class BadInputTest {
  static final Sequential IRIS = Sequential.of(
      Dense.of(10).activation("relu").inputShape(4),
      Dense.of(3).activation("softmax")).seed(42);
  static final FitOptions QUIET = FitOptions.epochs(1).batchSize(16).verbose(0);

  Model model;
  float[][] x;
  int[] y;
  float[][] probe;
  float[][] probeBefore;
  List<float[]> weightsBefore;

  @BeforeEach
  void open() {
    model = IRIS.compile("adam", "sparse_categorical_crossentropy", "accuracy");
    SplittableRandom r = new SplittableRandom(3);
    x = new float[150][4];
    y = new int[150];
    for (int i = 0; i < 150; i++) {
      y[i] = i % 3;
      for (int j = 0; j < 4; j++) {
        x[i][j] = (float) r.nextDouble(-1, 1);
      }
    }
    probe = new float[][] {{0.1f, 0.2f, 0.3f, 0.4f}, {-1, 0, 1, 2}};
    probeBefore = model.predict(probe);
    weightsBefore = model.getWeights();
  }

  @AfterEach
  void close() {
    model.close();
  }

  /** The call throws IllegalArgumentException with exactly this message, and changes nothing. */
  private void assertRejected(String message, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertEquals(message, e.getMessage());
    assertUnchanged();
  }

  private void assertUnchanged() {
    List<float[]> now = model.getWeights();
    assertEquals(weightsBefore.size(), now.size());
    for (int i = 0; i < now.size(); i++) {
      assertArrayEquals(weightsBefore.get(i), now.get(i), "weight " + i);
    }
    float[][] after = model.predict(probe);
    for (int i = 0; i < after.length; i++) {
      assertArrayEquals(probeBefore[i], after[i], "prediction " + i);
    }
  }

  /** After the rejected calls of a test the model still trains and predicts. */
  private void assertStillTrains() {
    History h = model.fit(x, y, QUIET);
    assertTrue(Double.isFinite(h.get("loss").get(0)));
    assertEquals(2, model.predict(probe).length);
  }

  private static final String INPUT_PREFIX = "Input 0 of layer \"dense\" (the first layer of model "
      + "\"sequential\") is incompatible with the layer: ";

  // ---- feature count, rank ----

  @Test
  void fitWithWrongFeatureCount() {
    assertRejected(INPUT_PREFIX + "expected shape=(None, 4), found shape=(150, 5)",
        () -> model.fit(new float[150][5], y, QUIET));
    assertStillTrains();
  }

  @Test
  void predictAndEvaluateWithWrongFeatureCount() {
    assertRejected(INPUT_PREFIX + "expected shape=(None, 4), found shape=(150, 5)",
        () -> model.predict(new float[150][5]));
    assertRejected(INPUT_PREFIX + "expected shape=(None, 4), found shape=(7, 3)",
        () -> model.evaluate(new float[7][3], new int[7]));
    assertStillTrains();
  }

  @Test
  void predictWithWrongRank() {
    assertRejected(INPUT_PREFIX + "expected shape=(None, 4), found shape=(2, 3, 4)",
        () -> model.predict(HostArrays.of(new float[24], 2, 3, 4)));
    assertRejected(INPUT_PREFIX + "expected shape=(None, 4), found shape=(4,)",
        () -> model.predict(HostArrays.of(new float[4], 4)));
  }

  @Test
  void sequenceInputWithWrongShapeNamesTheRecurrentLayer() {
    try (Model rnn = Sequential.of(Input.of(5, 2), SimpleRNN.of(3), Dense.of(1)).seed(1)
        .compile("adam", "mse")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> rnn.predict(new float[3][5]));
      assertEquals("Input 0 of layer \"simple_rnn\" (the first layer of model \"sequential\") is "
          + "incompatible with the layer: expected shape=(None, 5, 2), found shape=(3, 5)",
          e.getMessage());
    }
  }

  // ---- cardinality ----

  @Test
  void xAndYOfDifferentLengths() {
    assertRejected("Data cardinality is ambiguous. Make sure all arrays contain the same number of "
        + "samples. 'x' sizes: 150, 'y' sizes: 149", () -> model.fit(x, new int[149], QUIET));
    assertRejected("Data cardinality is ambiguous. Make sure all arrays contain the same number of "
        + "samples. 'x' sizes: 10, 'y' sizes: 150", () -> model.evaluate(new float[10][4], y));
    assertStillTrains();
  }

  // ---- label values for the sparse loss ----

  @Test
  void sparseLabelOutOfRangeNamesValueIndexAndRange() {
    int[] bad = y.clone();
    bad[7] = 3;
    assertRejected("Received a label value of 3 at index 7 which is outside the valid range of "
        + "[0, 3) for sparse_categorical_crossentropy (the model's output shape is (None, 3))",
        () -> model.fit(x, bad, QUIET));
    assertStillTrains();
  }

  @Test
  void badLabelLateInTheDataOrInTheValidationSplitTrainsNothing() {
    // the labels are checked before the first batch: no epoch is half run
    int[] last = y.clone();
    last[149] = 5;
    assertRejected("Received a label value of 5 at index 149 which is outside the valid range of "
        + "[0, 3) for sparse_categorical_crossentropy (the model's output shape is (None, 3))",
        () -> model.fit(x, last, FitOptions.epochs(3).batchSize(10).verbose(0)
            .validationSplit(0.2)));
  }

  @Test
  void negativeFractionalAndNanLabels() {
    int[] negative = y.clone();
    negative[2] = -1;
    assertRejected("Received a label value of -1 at index 2 which is outside the valid range of "
        + "[0, 3) for sparse_categorical_crossentropy (the model's output shape is (None, 3))",
        () -> model.evaluate(x, negative));
    float[] labels = {0, 1.5f, 2};
    assertRejected("Received a label value of 1.5 at index 1 which is outside the valid range of "
        + "[0, 3) for sparse_categorical_crossentropy (the model's output shape is (None, 3))",
        () -> model.fit(HostArrays.of(new float[3][4]), HostArrays.of(labels, 3), QUIET));
    float[] nan = {0, 1, Float.NaN};
    assertRejected("Received a label value of NaN at index 2 which is outside the valid range of "
        + "[0, 3) for sparse_categorical_crossentropy (the model's output shape is (None, 3))",
        () -> model.fit(HostArrays.of(new float[3][4]), HostArrays.of(nan, 3), QUIET));
    assertStillTrains();
  }

  // ---- label shapes ----

  @Test
  void classIdsForCategoricalCrossentropy() {
    try (Model cce = IRIS.compile("adam", "categorical_crossentropy", "accuracy")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> cce.fit(x, y, QUIET));
      assertEquals("Labels (y) for loss categorical_crossentropy are incompatible with the model's "
          + "output: expected shape=(None, 3), found shape=(150,). The model's output shape is "
          + "(None, 3). categorical_crossentropy expects one-hot labels, one column per class; for "
          + "integer class ids use sparse_categorical_crossentropy.", e.getMessage());
      // one-hot labels of the wrong width: no hint, both shapes
      e = assertThrows(IllegalArgumentException.class,
          () -> cce.fit(x, new float[150][4], QUIET));
      assertEquals("Labels (y) for loss categorical_crossentropy are incompatible with the model's "
          + "output: expected shape=(None, 3), found shape=(150, 4). The model's output shape is "
          + "(None, 3).", e.getMessage());
      // and the model is fine after
      float[][] oneHot = new float[150][3];
      for (int i = 0; i < 150; i++) {
        oneHot[i][y[i]] = 1;
      }
      assertTrue(Double.isFinite(cce.fit(x, oneHot, QUIET).get("loss").get(0)));
    }
  }

  @Test
  void oneHotLabelsForSparseCategoricalCrossentropy() {
    assertRejected("Labels (y) for loss sparse_categorical_crossentropy are incompatible with the "
        + "model's output: expected shape=(None,), found shape=(150, 3). The model's output shape "
        + "is (None, 3). sparse_categorical_crossentropy expects integer class ids, one per "
        + "sample; for one-hot labels use categorical_crossentropy.",
        () -> model.fit(x, new float[150][3], QUIET));
  }

  @Test
  void regressionTargetsOfWrongWidth() {
    try (Model mse = Sequential.of(Input.of(4), Dense.of(2)).seed(1).compile("sgd", "mse")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> mse.evaluate(HostArrays.of(x), HostArrays.of(new float[150][3])));
      assertEquals("Labels (y) for loss mean_squared_error are incompatible with the model's "
          + "output: expected shape=(None, 2), found shape=(150, 3). The model's output shape is "
          + "(None, 2).", e.getMessage());
    }
  }

  @Test
  void binaryLabelsAsAVectorGetTheirTrailingAxis() {
    // as in Keras, labels of shape (n,) feed an output of shape (None, 1)
    try (Model bce = Sequential.of(Input.of(4), Dense.of(1).activation("sigmoid")).seed(1)
        .compile("adam", "binary_crossentropy")) {
      int[] labels = new int[150];
      for (int i = 0; i < 150; i++) {
        labels[i] = i % 2;
      }
      assertDoesNotThrow(() -> bce.fit(x, labels, QUIET));
    }
  }

  // ---- names ----

  @Test
  void unknownNamesListTheKnownOnes() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> IRIS.compile("adam", "dice"))
        .getMessage().startsWith("Unknown loss: 'dice'. Known losses: "
            + "sparse_categorical_crossentropy, categorical_crossentropy, binary_crossentropy, "
            + "mean_squared_error, mse, mean_absolute_error, mae, "));
    assertEquals("Unknown optimizer: 'lamb'. Known optimizers: adam, sgd, rmsprop, adagrad, "
        + "adadelta, ftrl, adafactor, adamw, adamax, nadam, lion",
        assertThrows(IllegalArgumentException.class, () -> IRIS.compile("lamb", "mse"))
            .getMessage());
    String activation = assertThrows(IllegalArgumentException.class,
        () -> Dense.of(3).activation("sparsemax")).getMessage();
    // registered functions (other tests register some) follow Keras's names
    assertTrue(activation.startsWith("Unknown activation: 'sparsemax'. Known activations: relu, relu6, "
        + "leaky_relu, elu, selu, celu, softplus, softsign, silu, gelu, hard_sigmoid, hard_silu, "
        + "hard_tanh, exponential, mish, log_sigmoid, tanh_shrink, squareplus, sparse_plus, "
        + "sparse_sigmoid, soft_shrink, hard_shrink, softmax, log_softmax, sigmoid, tanh, linear, "
        + "hard_swish, swish"), activation);
    assertTrue(activation.endsWith("; register a function of your own with Activation.register"),
        activation);
    assertEquals("Unknown padding: 'full'. Expected one of: valid, same",
        assertThrows(IllegalArgumentException.class, () -> Conv2D.of(3, 3).padding("full"))
            .getMessage());
    assertEquals("Unknown padding: 'causal'. Expected one of: valid, same",
        assertThrows(IllegalArgumentException.class, () -> MaxPooling2D.of().padding("causal"))
            .getMessage());
    assertEquals("Unknown metric: 'mean_io_u'. Known metrics: accuracy, acc, binary_accuracy, "
        + "categorical_accuracy, sparse_categorical_accuracy, top_k_categorical_accuracy, "
        + "sparse_top_k_categorical_accuracy, mean_absolute_error, mean_squared_error, "
        + "root_mean_squared_error, mean_absolute_percentage_error, "
        + "mean_squared_logarithmic_error, cosine_similarity, log_cosh_error, kl_divergence, "
        + "poisson, hinge, squared_hinge, categorical_hinge, mae, mse, mape, msle, "
        + "binary_crossentropy, categorical_crossentropy, sparse_categorical_crossentropy, bce, "
        + "precision, recall, auc, f1_score, f_beta_score",
        assertThrows(IllegalArgumentException.class, () -> IRIS.compile("adam", "mse", "mean_io_u"))
            .getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> IRIS.compile("adam", (String) null)).getMessage()
        .startsWith("Unknown loss: 'null'. Known losses: sparse_categorical_crossentropy, "));
  }

  // ---- architecture ----

  @Test
  void convolutionOnARankTwoInput() {
    assertEquals("Input 0 of layer \"conv2d\" is incompatible with the layer: expected ndim=4, "
        + "found ndim=2. Full shape received: (None, 4)",
        assertThrows(IllegalArgumentException.class,
            () -> Sequential.of(Input.of(4), Conv2D.of(2, 3)).compile("adam", "mse")).getMessage());
    assertEquals("Input 0 of layer \"max_pooling2d\" is incompatible with the layer: expected "
        + "ndim=4, found ndim=2. Full shape received: (None, 4)",
        assertThrows(IllegalArgumentException.class,
            () -> Sequential.of(Input.of(4), MaxPooling2D.of()).compile("adam", "mse"))
            .getMessage());
    assertEquals("Input 0 of layer \"simple_rnn\" is incompatible with the layer: expected ndim=3, "
        + "found ndim=2. Full shape received: (None, 4)",
        assertThrows(IllegalArgumentException.class,
            () -> Sequential.of(Input.of(4), SimpleRNN.of(3)).compile("adam", "mse")).getMessage());
  }

  @Test
  void layerDeeperInTheStackIsNamed() {
    assertEquals("Input 0 of layer \"conv2d_1\" is incompatible with the layer: expected spatial "
        + "dimensions of at least (3, 3) with padding=\"valid\". Full shape received: "
        + "(None, 2, 2, 4)",
        assertThrows(IllegalArgumentException.class, () -> Sequential.of(Input.of(4, 4, 1),
            Conv2D.of(4, 3), Conv2D.of(2, 3)).compile("adam", "mse")).getMessage());
  }

  @Test
  void modelWithoutInputShape() {
    assertEquals("The first layer of Sequential model \"sequential\" must declare the input shape: "
        + "start with Input.of(...) or give the first layer .inputShape(...)",
        assertThrows(IllegalArgumentException.class,
            () -> Sequential.of(Dense.of(3), Dense.of(1)).compile("adam", "mse")).getMessage());
    assertEquals("Sequential model \"sequential\" has no layers",
        assertThrows(IllegalArgumentException.class, () -> Sequential.of().compile("adam", "mse"))
            .getMessage());
  }

  @Test
  void invalidLayerArguments() {
    assertEquals("Received an invalid value for `units`, expected a positive integer. Received: "
        + "units=0", assertThrows(IllegalArgumentException.class, () -> Dense.of(0)).getMessage());
    assertEquals("Invalid value received for argument `rate`. Expected a float value between 0 "
        + "and 1. Received: rate=1.5",
        assertThrows(IllegalArgumentException.class, () -> Dropout.of(1.5)).getMessage());
    assertEquals("All layers added to a Sequential model should have unique names. Name \"a\" is "
        + "already the name of a layer in this model.",
        assertThrows(IllegalArgumentException.class, () -> Sequential.of(Input.of(4),
            Dense.of(3).name("a"), Dense.of(3).name("a")).compile("adam", "mse")).getMessage());
  }

  // ---- batch sizes ----

  @Test
  void nonPositiveBatchSizeIsRefusedNotLoopedOn() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      assertRejected("`batch_size` must be a positive integer. Received: batch_size=0",
          () -> model.predict(HostArrays.of(x), 0));
      assertRejected("`batch_size` must be a positive integer. Received: batch_size=-1",
          () -> model.evaluate(HostArrays.of(x), HostArrays.of(y), -1));
      assertRejected("`batch_size` must be a positive integer. Received: batch_size=0",
          () -> model.fit(x, y, FitOptions.epochs(1).batchSize(0)));
    });
  }

  // ---- weights ----

  @Test
  void setWeightsWithWrongCountListsThePaths() {
    assertRejected("Model 'sequential' has 4 weights [dense/kernel, dense/bias, dense_1/kernel, "
        + "dense_1/bias], received 1", () -> model.setWeights(List.of(new float[40])));
  }

  @Test
  void setWeightsWithWrongSizeNamesTheWeightAndSetsNothing() {
    // the first three are right and differ from the current values: none may be applied
    List<float[]> values = List.of(new float[40], new float[10], new float[30], new float[4]);
    assertRejected("Weight dense_1/bias has shape (3,) (3 values), found 4 values",
        () -> model.setWeights(values));
    assertRejected("Weight dense/kernel has shape (4, 10) (40 values), found 39 values",
        () -> model.setWeights(List.of(new float[39], new float[10], new float[30], new float[3])));
    assertStillTrains();
  }

  @Test
  void raggedRowsAreRefused() {
    float[][] ragged = {{1, 2, 3, 4}, {1, 2, 3}};
    assertRejected("Rows have different lengths: row 0 has 4 values, row 1 has 3",
        () -> model.predict(ragged));
  }

  // ---- lifecycle ----

  @Test
  void closedModelRefusesUseAndClosesTwice() {
    model.close();
    assertDoesNotThrow(model::close);
    for (Executable call : List.<Executable>of(
        () -> model.predict(probe),
        () -> model.fit(x, y, QUIET),
        () -> model.evaluate(x, y),
        () -> model.getWeights(),
        () -> model.setWeights(weightsBefore))) {
      assertEquals("Model 'sequential' is closed",
          assertThrows(IllegalStateException.class, call).getMessage());
    }
  }

  @Test
  void noSamplesIsAClearError() {
    try (Model model = LessonSpecs.iris().seed(1).compile("adam", "sparse_categorical_crossentropy")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> model.evaluate(new float[0][4], new int[0]));
      assertEquals("Input 0 of model \"sequential\" has no samples: expected at least one row of "
          + "shape (None, 4)", e.getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> model.fit(new float[0][4], new int[0], FitOptions.epochs(1).verbose(0)));
      assertThrows(IllegalArgumentException.class, () -> model.predict(new float[0][4]));
    }
  }
}

package io.tfbridge.models;

import static io.tfbridge.models.KerasTrainingGoldenTest.assertTrajectory;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Input;
import io.tfbridge.losses.CosineSimilarity;
import io.tfbridge.losses.Huber;
import io.tfbridge.losses.Loss;
import io.tfbridge.losses.Losses;
import io.tfbridge.optimizers.Adam;
import io.tfbridge.optimizers.SGD;
import io.tfbridge.testing.Golden;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Keras 3.15's losses and its {@code sample_weight} / {@code class_weight} in training, against
 * Keras: {@code train_on_batch} trajectories (make_golden.py) within 1e-5, and a fit with a
 * validation split then an evaluate (make_loss_golden.py).
 */
class WeightedTrainingGoldenTest {
  private static final double TOLERANCE = KerasTrainingGoldenTest.TOLERANCE;

  static Stream<Arguments> lossCases() {
    return Stream.of(
        lossCase("loss_mae_sgd", 2, null, Losses.get("mean_absolute_error")),
        lossCase("loss_mape_sgd", 2, null, Losses.get("mape")),
        lossCase("loss_msle_sgd", 2, "softplus", Losses.get("msle")),
        lossCase("loss_kld_sgd", 3, "softmax", Losses.get("kl_divergence")),
        lossCase("loss_poisson_sgd", 2, "softplus", Losses.get("poisson")),
        lossCase("loss_huber_sgd", 2, null, Losses.get("huber")),
        lossCase("loss_huber_delta_sgd", 2, null, Huber.of().delta(0.3)),
        lossCase("loss_log_cosh_sgd", 2, null, Losses.get("log_cosh")),
        lossCase("loss_hinge_sgd", 1, null, Losses.get("hinge")),
        lossCase("loss_squared_hinge_sgd", 2, null, Losses.get("squared_hinge")),
        lossCase("loss_categorical_hinge_sgd", 3, null, Losses.get("categorical_hinge")),
        lossCase("loss_cosine_similarity_sgd", 3, null, CosineSimilarity.of()));
  }

  private static Arguments lossCase(String name, int units, String activation, Loss loss) {
    Dense out = activation == null ? Dense.of(units) : Dense.of(units).activation(activation);
    return Arguments.of(name, Sequential.of(Input.of(4), Dense.of(3).activation("tanh"), out), loss);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lossCases")
  void lossTrajectoryEqualsKeras(String name, Sequential spec, Loss loss) {
    double rate = name.contains("mape") ? 0.001 : 0.1;
    assertTrajectory(name, spec, SGD.of().learningRate(rate), loss, 3, null, o -> o);
  }

  @Test
  void sampleWeightTrajectoriesEqualKeras() {
    assertTrajectory("weighted_sample_mse_sgd", Sequential.of(Input.of(4),
        Dense.of(3).activation("relu"), Dense.of(2)), SGD.of().learningRate(0.1).momentum(0.5),
        Losses.get("mse"), 3, Golden.of("weighted_sample_mse_sgd").array("sample_weight"), o -> o);
    assertTrajectory("weighted_sample_sparse_adam", softmax(), Adam.of().learningRate(0.05),
        Losses.get("sparse_categorical_crossentropy"), 3,
        Golden.of("weighted_sample_sparse_adam").array("sample_weight"), o -> o);
  }

  @Test
  void classWeightTrajectoriesEqualKeras() {
    assertTrajectory("weighted_class_sparse_sgd", softmax(), SGD.of().learningRate(0.2),
        Losses.get("sparse_categorical_crossentropy"), 3, null,
        o -> o.classWeight(Map.of(0, 3.0, 2, 0.25)));
    assertTrajectory("weighted_class_onehot_adam", softmax(), Adam.of().learningRate(0.05),
        Losses.get("categorical_crossentropy"), 3, null,
        o -> o.classWeight(Map.of(0, 0.5, 1, 2.0, 2, 1.5)));
  }

  /**
   * fit with a validation split: the loss weighted, accuracy not (Keras weights only
   * {@code weighted_metrics}); the validation share of the sample weights weights val_loss, while
   * class weights apply to training alone; then a weighted evaluate in batches of 4.
   */
  @Test
  void fitAndEvaluateWithSampleWeightsEqualKeras() {
    Golden golden = Golden.of("losses/fit_sample_weight");
    assertFit(golden, golden.array("sample_weight"), FitOptions.epochs(2));
  }

  @Test
  void fitWithClassWeightsEqualsKeras() {
    Golden golden = Golden.of("losses/fit_class_weight");
    assertFit(golden, null, FitOptions.epochs(2).classWeight(Map.of(0, 3.0, 2, 0.25)));
  }

  private static void assertFit(Golden golden, FloatNdArray sampleWeight, FitOptions options) {
    FloatNdArray x = golden.array("x");
    FloatNdArray y = golden.array("y");
    try (Model model = softmax().seed(3).compile(SGD.of().learningRate(0.2),
        "sparse_categorical_crossentropy", "accuracy")) {
      model.setWeights(golden.weights("w"));
      var history = model.fit(x, y, sampleWeight,
          options.validationSplit(0.25).batchSize(3).shuffle(false).verbose(0));
      for (String key : List.of("loss", "accuracy", "val_loss", "val_accuracy")) {
        float[] expected = golden.npy(key).toFloats();
        for (int epoch = 0; epoch < expected.length; epoch++) {
          assertEquals(expected[epoch], history.get(key).get(epoch),
              TOLERANCE * (1 + Math.abs(expected[epoch])), key + " at epoch " + epoch);
        }
      }
      List<float[]> after = golden.weights("after_w");
      for (int i = 0; i < after.size(); i++) {
        Golden.assertClose(after.get(i), model.getWeights().get(i), TOLERANCE, "weight " + i);
      }
      Map<String, Double> evaluated = model.evaluate(x, y, sampleWeight, 4);
      assertEquals(golden.scalar("evaluate_loss"), evaluated.get("loss"), TOLERANCE);
      assertEquals(golden.scalar("evaluate_accuracy"), evaluated.get("accuracy"), TOLERANCE);
    }
  }

  private static Sequential softmax() {
    return Sequential.of(Input.of(4), Dense.of(3).activation("softmax"));
  }
}

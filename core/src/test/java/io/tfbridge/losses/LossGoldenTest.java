package io.tfbridge.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tfbridge.layers.Activation;
import io.tfbridge.layers.Input;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.optimizers.SGD;
import io.tfbridge.testing.Golden;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Each loss's value against Keras 3.15's loss object on the same labels and predictions
 * (make_loss_golden.py): the predictions pass through a linear model, whose evaluate reduces the
 * loss as fit does, with the sample weights of the weighted cases. Within 1e-6 (relative for MAPE's
 * huge value on a zero label).
 */
class LossGoldenTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("mae", Losses.get("mae")),
        Arguments.of("mape", Losses.get("mape")),
        Arguments.of("msle", Losses.get("msle")),
        Arguments.of("kld", Losses.get("kld")),
        Arguments.of("poisson", Losses.get("poisson")),
        Arguments.of("huber", Huber.of()),
        Arguments.of("huber_delta", Huber.of().delta(0.3)),
        Arguments.of("log_cosh", Losses.get("log_cosh")),
        Arguments.of("hinge_binary", Hinge.of()),
        Arguments.of("hinge_signed", Hinge.of()),
        Arguments.of("hinge_other", Hinge.of()),
        Arguments.of("squared_hinge", SquaredHinge.of()),
        Arguments.of("categorical_hinge", CategoricalHinge.of()),
        Arguments.of("cosine_similarity", CosineSimilarity.of()),
        Arguments.of("cosine_similarity_axis1", CosineSimilarity.of().axis(1)),
        Arguments.of("mse_sequence", MeanSquaredError.of()),
        Arguments.of("mae_weighted", MeanAbsoluteError.of()),
        Arguments.of("huber_weighted", Huber.of()),
        Arguments.of("kld_weighted", KLDivergence.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void lossEqualsKeras(String name, Loss loss) {
    Golden golden = Golden.of("losses/" + name);
    FloatNdArray yTrue = golden.array("y_true");
    FloatNdArray yPred = golden.array("y_pred");
    FloatNdArray weights = name.endsWith("_weighted") ? golden.array("sample_weight") : null;
    long[] shape = yPred.shape().tail().asArray();
    try (Model identity = Sequential.of(Input.of(shape), Activation.of("linear")).seed(1)
        .compile(SGD.of(), loss)) {
      int n = (int) yPred.shape().get(0);
      double actual = identity.evaluate(yPred, yTrue, weights, n).get("loss");
      double expected = golden.scalar("loss");
      assertEquals(expected, actual, 1e-6 * (1 + Math.abs(expected)), name);
    }
  }
}

package io.tfbridge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tfbridge.layers.Conv2D;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Flatten;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.MaxPooling2D;
import io.tfbridge.layers.SimpleRNN;
import io.tfbridge.optimizers.Adam;
import io.tfbridge.optimizers.AdamW;
import io.tfbridge.optimizers.Adamax;
import io.tfbridge.optimizers.Lion;
import io.tfbridge.optimizers.Nadam;
import io.tfbridge.optimizers.Optimizer;
import io.tfbridge.optimizers.SGD;
import io.tfbridge.optimizers.schedules.ExponentialDecay;
import io.tfbridge.testing.Golden;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Short training trajectories against Keras 3.15's {@code train_on_batch} from the same weights: each
 * step's loss (computed before its update, as Keras reports it) and the weights after the last step,
 * within 1e-5 (absolute, plus 1e-5 relative).
 */
class KerasTrainingGoldenTest {
  static final double TOLERANCE = 1e-5;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("train_iris_adam", LessonSpecs.iris(), Adam.of(),
            "sparse_categorical_crossentropy", 3),
        Arguments.of("train_sparse_sgd", Sequential.of(Input.of(4), Dense.of(3).activation("softmax")),
            SGD.of().learningRate(0.1), "sparse_categorical_crossentropy", 2),
        Arguments.of("train_categorical_sgd",
            Sequential.of(Input.of(4), Dense.of(3).activation("softmax")),
            SGD.of().learningRate(0.1), "categorical_crossentropy", 2),
        Arguments.of("train_binary_adam", Sequential.of(Input.of(3), Dense.of(1).activation("sigmoid")),
            Adam.of().learningRate(0.01), "binary_crossentropy", 2),
        Arguments.of("train_mse_sgd_momentum", Sequential.of(Input.of(3), Dense.of(2)),
            SGD.of().learningRate(0.05).momentum(0.9), "mean_squared_error", 3),
        Arguments.of("train_cnn_adam", Sequential.of(Input.of(6, 6, 1),
            Conv2D.of(2, 3).activation("relu"), MaxPooling2D.of(2, 2), Flatten.of(),
            Dense.of(3).activation("softmax")), Adam.of(), "categorical_crossentropy", 2),
        Arguments.of("train_rnn_adam", Sequential.of(Input.of(4, 2), SimpleRNN.of(3),
            Dense.of(1).activation("sigmoid")), Adam.of(), "binary_crossentropy", 2),
        Arguments.of("train_lstm_adam", Sequential.of(Input.of(4, 2), io.tfbridge.layers.LSTM.of(3),
            Dense.of(1).activation("sigmoid")), Adam.of(), "binary_crossentropy", 2),
        Arguments.of("train_gru_adam", Sequential.of(Input.of(4, 2),
            io.tfbridge.layers.GRU.of(3).returnSequences(true), Flatten.of(),
            Dense.of(1).activation("sigmoid")), Adam.of(), "binary_crossentropy", 2),
        // the moving statistics (non-trainable, in get_weights) are compared too
        Arguments.of("train_batchnorm_sgd", Sequential.of(Input.of(4), Dense.of(4),
            io.tfbridge.layers.BatchNormalization.of().momentum(0.8), Dense.of(3).activation("softmax")),
            SGD.of().learningRate(0.1), "sparse_categorical_crossentropy", 2),
        // the common optimizer options and schedules (4 steps, so every step's update counts)
        optimizerCase("opt_adam_amsgrad", Adam.of().learningRate(0.05).amsgrad(true)),
        optimizerCase("opt_adam_clipnorm", Adam.of().learningRate(0.05).clipnorm(0.1)),
        optimizerCase("opt_sgd_clipvalue", SGD.of().learningRate(0.1).clipvalue(0.05)),
        optimizerCase("opt_sgd_global_clipnorm",
            SGD.of().learningRate(0.1).momentum(0.5).globalClipnorm(0.2)),
        optimizerCase("opt_adam_weight_decay", Adam.of().learningRate(0.05).weightDecay(0.1)),
        optimizerCase("opt_sgd_nesterov", SGD.of().learningRate(0.1).momentum(0.9).nesterov(true)),
        optimizerCase("opt_sgd_exponential_decay",
            SGD.of().learningRate(ExponentialDecay.of(0.2, 2, 0.5)).momentum(0.9)),
        optimizerCase("opt_adam_exponential_decay_staircase",
            Adam.of().learningRate(ExponentialDecay.of(0.05, 2, 0.3).staircase(true))),
        // AdamW, Adamax, Nadam, Lion: Keras's defaults, their own options, the common ones
        optimizerCase("opt_adamw_defaults", AdamW.of()),
        optimizerCase("opt_adamw_options",
            AdamW.of().learningRate(0.05).weightDecay(0.2).betas(0.8, 0.99).epsilon(1e-3)),
        optimizerCase("opt_adamw_amsgrad", AdamW.of().learningRate(0.05).amsgrad(true).clipnorm(0.5)),
        optimizerCase("opt_adamax_defaults", Adamax.of()),
        optimizerCase("opt_adamax_options",
            Adamax.of().learningRate(0.05).betas(0.7, 0.95).epsilon(1e-3)),
        optimizerCase("opt_adamax_weight_decay",
            Adamax.of().learningRate(0.05).weightDecay(0.1).globalClipnorm(0.3)),
        optimizerCase("opt_nadam_defaults", Nadam.of()),
        optimizerCase("opt_nadam_options",
            Nadam.of().learningRate(0.05).betas(0.8, 0.99).epsilon(1e-4)),
        optimizerCase("opt_nadam_exponential_decay", Nadam.of()
            .learningRate(ExponentialDecay.of(0.05, 2, 0.5)).weightDecay(0.05).clipvalue(0.1)),
        optimizerCase("opt_lion_defaults", Lion.of()),
        optimizerCase("opt_lion_options", Lion.of().learningRate(0.01).betas(0.5, 0.9)),
        optimizerCase("opt_lion_weight_decay",
            Lion.of().learningRate(0.01).weightDecay(0.5).clipnorm(0.2)));
  }

  private static Arguments optimizerCase(String name, Optimizer optimizer) {
    return Arguments.of(name, Sequential.of(Input.of(4), Dense.of(3).activation("relu"),
        Dense.of(2)), optimizer, "mean_squared_error", 4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void trajectoryEqualsKeras(String name, Sequential spec, Optimizer optimizer, String loss, int steps) {
    Golden golden = Golden.of(name);
    FloatNdArray x = golden.array("x");
    FloatNdArray y = golden.array("y_true");
    try (Model model = spec.seed(7).compile(optimizer, loss)) {
      model.setWeights(golden.weights("w"));
      FitOptions oneStep = FitOptions.epochs(1).batchSize((int) x.shape().get(0)).shuffle(false).verbose(0);
      for (int step = 0; step < steps; step++) {
        double actual = model.fit(x, y, oneStep).get("loss").get(0);
        double expected = golden.scalar("loss_" + step);
        assertEquals(expected, actual, TOLERANCE * (1 + Math.abs(expected)), name + " loss at step " + step);
      }
      List<float[]> after = golden.weights("after_w");
      List<float[]> weights = model.getWeights();
      for (int i = 0; i < after.size(); i++) {
        Golden.assertClose(after.get(i), weights.get(i), TOLERANCE, name + " weight " + i + " after training");
      }
    }
  }
}

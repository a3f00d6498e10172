package io.tfbridge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tfbridge.engine.BatchResult;
import io.tfbridge.layers.Conv2D;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Flatten;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.MaxPooling2D;
import io.tfbridge.layers.SimpleRNN;
import io.tfbridge.losses.Loss;
import io.tfbridge.losses.Losses;
import io.tfbridge.optimizers.Adadelta;
import io.tfbridge.optimizers.Adagrad;
import io.tfbridge.optimizers.Adafactor;
import io.tfbridge.optimizers.Adam;
import io.tfbridge.optimizers.Ftrl;
import io.tfbridge.optimizers.AdamW;
import io.tfbridge.optimizers.Adamax;
import io.tfbridge.optimizers.Lion;
import io.tfbridge.optimizers.Nadam;
import io.tfbridge.optimizers.Optimizer;
import io.tfbridge.optimizers.RMSprop;
import io.tfbridge.optimizers.SGD;
import io.tfbridge.optimizers.schedules.CosineDecay;
import io.tfbridge.optimizers.schedules.CosineDecayRestarts;
import io.tfbridge.optimizers.schedules.ExponentialDecay;
import io.tfbridge.optimizers.schedules.InverseTimeDecay;
import io.tfbridge.optimizers.schedules.PiecewiseConstantDecay;
import io.tfbridge.optimizers.schedules.PolynomialDecay;
import io.tfbridge.testing.Golden;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.types.TFloat32;

/**
 * Short training trajectories against Keras 3.15's {@code train_on_batch} from the same weights: each
 * step's loss (computed before its update, as Keras reports it) and the weights after the last step,
 * within 1e-5 (absolute, plus 1e-5 relative).
 */
class KerasTrainingGoldenTest {
  static final double TOLERANCE = 1e-5;

  static Stream<Arguments> cases() {
    return Stream.concat(Stream.of(
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
        // the other schedules, each option, over 4-6 steps (the rate changes within them)
        optimizerCase("opt_sched_sgd_piecewise", 4, SGD.of().momentum(0.5).learningRate(
            PiecewiseConstantDecay.of(new long[] {1, 2}, new double[] {0.2, 0.1, 0.05}))),
        optimizerCase("opt_sched_sgd_polynomial", 5, SGD.of().learningRate(
            PolynomialDecay.of(0.2, 3).endLearningRate(0.01).power(2.0))),
        optimizerCase("opt_sched_adam_polynomial_cycle", 5, Adam.of().learningRate(
            PolynomialDecay.of(0.05, 2).power(0.5).cycle(true))),
        optimizerCase("opt_sched_sgd_inverse_time", 4, SGD.of().momentum(0.9).learningRate(
            InverseTimeDecay.of(0.2, 2, 0.5))),
        optimizerCase("opt_sched_adam_inverse_time_staircase", 5, Adam.of().learningRate(
            InverseTimeDecay.of(0.05, 2, 1.5).staircase(true))),
        optimizerCase("opt_sched_sgd_cosine", 5, SGD.of().learningRate(
            CosineDecay.of(0.2, 3).alpha(0.1))),
        optimizerCase("opt_sched_adam_cosine_warmup", 6, Adam.of().learningRate(
            CosineDecay.of(0.0, 3).alpha(0.2).warmupTarget(0.05).warmupSteps(2))),
        optimizerCase("opt_sched_sgd_cosine_restarts", 6, SGD.of().momentum(0.5).learningRate(
            CosineDecayRestarts.of(0.2, 2))),
        optimizerCase("opt_sched_adam_cosine_restarts_periodic", 6, Adam.of().learningRate(
            CosineDecayRestarts.of(0.05, 2).tMul(1.0).mMul(0.5).alpha(0.1))),
        // RMSprop, Adagrad, Adadelta
        optimizerCase("opt_rmsprop", RMSprop.of()),
        optimizerCase("opt_rmsprop_rho_epsilon", RMSprop.of().learningRate(0.01).rho(0.5).epsilon(1e-3)),
        optimizerCase("opt_rmsprop_momentum", RMSprop.of().learningRate(0.01).momentum(0.9)),
        optimizerCase("opt_rmsprop_centered", RMSprop.of().learningRate(0.01).centered(true)),
        optimizerCase("opt_rmsprop_momentum_centered",
            RMSprop.of().learningRate(0.01).rho(0.8).momentum(0.5).centered(true)),
        optimizerCase("opt_adagrad", Adagrad.of()),
        optimizerCase("opt_adagrad_initial_accumulator_value",
            Adagrad.of().learningRate(0.1).initialAccumulatorValue(0.5)),
        optimizerCase("opt_adagrad_epsilon",
            Adagrad.of().learningRate(0.1).initialAccumulatorValue(0).epsilon(1e-3)),
        optimizerCase("opt_adadelta", Adadelta.of().learningRate(1.0)),
        optimizerCase("opt_adadelta_rho_epsilon",
            Adadelta.of().learningRate(1.0).rho(0.8).epsilon(1e-4))),
        moreOptimizers());
  }

  /** Ftrl, Adafactor, AdamW, Adamax, Nadam, Lion: Keras's defaults and each main option. */
  private static Stream<Arguments> moreOptimizers() {
    return Stream.of(
        optimizerCase("opt_ftrl_defaults", Ftrl.of()),
        optimizerCase("opt_ftrl_l1_l2", Ftrl.of().learningRate(0.1).l1RegularizationStrength(0.05)
            .l2RegularizationStrength(0.2)),
        optimizerCase("opt_ftrl_shrinkage", Ftrl.of().learningRate(0.1)
            .l2ShrinkageRegularizationStrength(0.3).learningRatePower(-0.3)
            .initialAccumulatorValue(0.5)),
        optimizerCase("opt_ftrl_beta", Ftrl.of().learningRate(0.1).beta(0.5).learningRatePower(0)
            .initialAccumulatorValue(0)),
        optimizerCase("opt_adafactor_defaults", Adafactor.of()),
        optimizerCase("opt_adafactor_clip_threshold",
            Adafactor.of().learningRate(0.1).clipThreshold(0.5)),
        optimizerCase("opt_adafactor_relative_step", Adafactor.of().learningRate(0.8)
            .relativeStep(false).beta2Decay(-0.5).epsilon2(0.01)),
        optimizerCase("opt_adafactor_schedule",
            Adafactor.of().learningRate(ExponentialDecay.of(0.8, 2, 0.5)).epsilon1(1e-3)),
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
            Lion.of().learningRate(0.01).weightDecay(0.5).clipnorm(0.2)),
        // the base optimizer's step options: EMA, gradient accumulation, loss scaling
        optimizerCase("opt_step_adam_ema_overwrite", 5, Adam.of().learningRate(0.05).useEma(true)
            .emaMomentum(0.8).emaOverwriteFrequency(2)),
        optimizerCase("opt_step_sgd_ema_overwrite", 5, SGD.of().learningRate(0.1).momentum(0.5)
            .useEma(true).emaOverwriteFrequency(3)),
        optimizerCase("opt_step_adam_accumulation", 5,
            Adam.of().learningRate(0.05).gradientAccumulationSteps(2)),
        optimizerCase("opt_step_sgd_accumulation", 6, SGD.of().learningRate(0.1).momentum(0.9)
            .gradientAccumulationSteps(3).clipnorm(0.1)),
        optimizerCase("opt_step_sgd_accumulation_schedule", 6, SGD.of()
            .learningRate(ExponentialDecay.of(0.2, 2, 0.5)).gradientAccumulationSteps(2)),
        optimizerCase("opt_step_nadam_accumulation", 5, Nadam.of().learningRate(0.05)
            .gradientAccumulationSteps(2).weightDecay(0.1)),
        optimizerCase("opt_step_adam_accumulation_ema", 6, Adam.of().learningRate(0.05)
            .gradientAccumulationSteps(2).useEma(true).emaMomentum(0.5).emaOverwriteFrequency(2)),
        optimizerCase("opt_step_adam_loss_scale", Adam.of().learningRate(0.05)
            .lossScaleFactor(128.0)),
        optimizerCase("opt_step_sgd_loss_scale", SGD.of().learningRate(0.1).momentum(0.9)
            .lossScaleFactor(0.3)));
  }

  private static Arguments optimizerCase(String name, Optimizer optimizer) {
    return optimizerCase(name, 4, optimizer);
  }

  private static Arguments optimizerCase(String name, int steps, Optimizer optimizer) {
    return Arguments.of(name, Sequential.of(Input.of(4), Dense.of(3).activation("relu"),
        Dense.of(2)), optimizer, "mean_squared_error", steps);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void trajectoryEqualsKeras(String name, Sequential spec, Optimizer optimizer, String loss, int steps) {
    assertTrajectory(name, spec, optimizer, Losses.get(loss), steps, null, o -> o);
  }

  /**
   * Trains {@code spec} from the golden case's weights, one full-batch fit per step (with these sample
   * weights, null for none, and {@code options} changed by {@code extra}), and compares each step's
   * loss and the weights after the last with Keras's.
   */
  static void assertTrajectory(String name, Sequential spec, Optimizer optimizer, Loss loss, int steps,
      FloatNdArray sampleWeight, UnaryOperator<FitOptions> extra) {
    Golden golden = Golden.of(name);
    FloatNdArray x = golden.array("x");
    FloatNdArray y = golden.array("y_true");
    try (Model model = spec.seed(7).compile(optimizer, loss)) {
      model.setWeights(golden.weights("w"));
      FitOptions oneStep = extra.apply(
          FitOptions.epochs(1).batchSize((int) x.shape().get(0)).shuffle(false).verbose(0));
      for (int step = 0; step < steps; step++) {
        double actual = usesEma(optimizer) ? trainOnBatch(model, x, y)
            : model.fit(x, y, sampleWeight, oneStep).get("loss").get(0);
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

  /** With use_ema, fit's end gives the weights their averages: the steps are train_on_batch's. */
  private static boolean usesEma(Optimizer optimizer) {
    return Boolean.TRUE.equals(optimizer.getConfig().get("use_ema"));
  }

  /** Keras's train_on_batch: one step on the whole batch, its (pre-update) mean loss. */
  private static double trainOnBatch(Model model, FloatNdArray x, FloatNdArray y) {
    try (TFloat32 xs = TFloat32.tensorOf(x); TFloat32 ys = TFloat32.tensorOf(y)) {
      BatchResult r = model.graph().trainStep(xs, ys);
      return r.lossSum() / r.lossCount();
    }
  }
}

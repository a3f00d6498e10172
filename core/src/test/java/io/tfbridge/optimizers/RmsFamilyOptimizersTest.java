package io.tfbridge.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.KerasObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** RMSprop, Adagrad and Adadelta: Keras's defaults, slots, configs and argument errors. */
class RmsFamilyOptimizersTest {
  private static final List<String> COMMON = List.of("name", "learning_rate", "weight_decay",
      "clipnorm", "global_clipnorm", "clipvalue", "use_ema", "ema_momentum",
      "ema_overwrite_frequency", "loss_scale_factor", "gradient_accumulation_steps");

  private static void assertFails(Executable e, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage());
  }

  private static List<String> keys(Optimizer o) {
    return List.copyOf(o.getConfig().keys());
  }

  private static List<String> common(String... own) {
    return java.util.stream.Stream.concat(COMMON.stream(), java.util.Arrays.stream(own)).toList();
  }

  @Test
  void namesGiveKerasDefaults() {
    RMSprop rmsprop = (RMSprop) Optimizers.get("RMSprop");
    assertEquals(List.of(0.001, 0.9, 0.0, 1e-7, false), List.of(rmsprop.learningRate(),
        rmsprop.rho(), rmsprop.momentum(), rmsprop.epsilon(), rmsprop.centered()));
    Adagrad adagrad = (Adagrad) Optimizers.get("adagrad");
    assertEquals(List.of(0.001, 0.1, 1e-7), List.of(adagrad.learningRate(),
        adagrad.initialAccumulatorValue(), adagrad.epsilon()));
    Adadelta adadelta = (Adadelta) Optimizers.get("adadelta");
    assertEquals(List.of(0.001, 0.95, 1e-7), List.of(adadelta.learningRate(), adadelta.rho(),
        adadelta.epsilon()));
    assertEquals(List.of("rm_sprop", "RMSprop", "adagrad", "Adagrad", "adadelta", "Adadelta"),
        List.of(rmsprop.kerasName(), rmsprop.className(), adagrad.kerasName(),
            adagrad.className(), adadelta.kerasName(), adadelta.className()));
  }

  @Test
  void slotGroupsFollowKerasBuildOrder() {
    assertEquals(List.of(List.of("velocity")), RMSprop.of().slotGroups());
    assertEquals(List.of(List.of("velocity"), List.of("momentum")),
        RMSprop.of().momentum(0.5).slotGroups());
    assertEquals(List.of(List.of("velocity"), List.of("average_gradient")),
        RMSprop.of().centered(true).slotGroups());
    assertEquals(List.of(List.of("velocity"), List.of("momentum"), List.of("average_gradient")),
        RMSprop.of().centered(true).momentum(0.5).slotGroups());
    assertEquals(List.of(List.of("accumulator")), Adagrad.of().slotGroups());
    assertEquals(List.of(List.of("accumulated_grad", "accumulated_delta_var")),
        Adadelta.of().slotGroups());
  }

  @Test
  void configsHaveKerasKeysInOrderAndReadBack() {
    RMSprop rmsprop = RMSprop.of().learningRate(0.01).rho(0.8).momentum(0.5).epsilon(1e-6)
        .centered(true).clipnorm(1.0);
    Adagrad adagrad = Adagrad.of().initialAccumulatorValue(0.5).epsilon(1e-5).weightDecay(0.1);
    Adadelta adadelta = Adadelta.of().learningRate(1.0).rho(0.9).epsilon(1e-6);
    assertEquals(common("rho", "momentum", "epsilon", "centered"), keys(rmsprop));
    assertEquals(common("initial_accumulator_value", "epsilon"), keys(adagrad));
    assertEquals(common("rho", "epsilon"), keys(adadelta));
    for (Optimizer o : List.of(rmsprop, adagrad, adadelta)) {
      Optimizer back = Optimizers.deserialize(Optimizers.serialize(o));
      assertEquals(o.getClass(), back.getClass());
      assertEquals(o.getConfig(), back.getConfig(), o.className());
    }
    assertEquals(0.5, rmsprop.getConfig().get("momentum"));
    assertEquals(true, rmsprop.getConfig().get("centered"));
    assertEquals(0.5, adagrad.getConfig().get("initial_accumulator_value"));
  }

  @Test
  void badArgumentsFailWithKerasNames() {
    assertFails(() -> RMSprop.of().rho(1.5), "Argument `rho` must be in [0, 1]. Received: rho=1.5");
    assertFails(() -> RMSprop.of().momentum(-0.1),
        "Argument `momentum` must be in [0, 1]. Received: momentum=-0.1");
    assertFails(() -> RMSprop.of().epsilon(0),
        "Argument `epsilon` must be a positive float. Received: epsilon=0.0");
    assertFails(() -> Adagrad.of().initialAccumulatorValue(-1),
        "Argument `initial_accumulator_value` must be non-negative. Received: "
            + "initial_accumulator_value=-1.0");
    assertFails(() -> Adagrad.of().learningRate(0),
        "Argument `learning_rate` must be a positive float. Received: learning_rate=0.0");
    assertFails(() -> Adadelta.of().rho(Double.NaN),
        "Argument `rho` must be in [0, 1]. Received: rho=NaN");
    assertFails(() -> Adadelta.of().epsilon(-1e-7),
        "Argument `epsilon` must be a positive float. Received: epsilon=-1.0E-7");
    Config bad = Config.builder().put("rho", 2.0).build();
    assertFails(() -> Optimizers.deserialize(KerasObject.of("keras.optimizers", "Adadelta", bad)),
        "Argument `rho` must be in [0, 1]. Received: rho=2.0");
    Config unknown = Config.builder().put("nesterov", true).build();
    assertThrows(IllegalArgumentException.class,
        () -> Optimizers.deserialize(KerasObject.of("keras.optimizers", "RMSprop", unknown)));
  }
}

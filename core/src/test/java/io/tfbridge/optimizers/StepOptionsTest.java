package io.tfbridge.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.KerasObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** use_ema, gradient_accumulation_steps, loss_scale_factor: options, config, state, errors. */
class StepOptionsTest {

  @Test
  void optionsReachTheConfigInKerasOrderAndRoundTrip() {
    Adam adam = Adam.of().useEma(true).emaMomentum(0.9).emaOverwriteFrequency(5)
        .lossScaleFactor(8.0).gradientAccumulationSteps(4);
    Config c = adam.getConfig();
    assertEquals(List.of(true, 0.9, 5, 8.0, 4), List.of(c.get("use_ema"), c.get("ema_momentum"),
        c.get("ema_overwrite_frequency"), c.get("loss_scale_factor"),
        c.get("gradient_accumulation_steps")));
    assertEquals(List.of("name", "learning_rate", "weight_decay", "clipnorm", "global_clipnorm",
        "clipvalue", "use_ema", "ema_momentum", "ema_overwrite_frequency", "loss_scale_factor",
        "gradient_accumulation_steps", "beta_1", "beta_2", "epsilon", "amsgrad"),
        List.copyOf(c.keys()));
    assertEquals(c, Optimizers.deserialize(Optimizers.serialize(adam)).getConfig());
    assertEquals(StepOptions.DEFAULTS, SGD.of().options().steps());
  }

  @Test
  void kerasConfigsWithTheOptionsAreRead() {
    KerasObject saved = KerasObject.of("keras.optimizers", "SGD", Config.builder()
        .put("learning_rate", 0.1).put("use_ema", true).put("ema_momentum", 0.5)
        .putNull("ema_overwrite_frequency").put("loss_scale_factor", 2.0)
        .put("gradient_accumulation_steps", 3).build());
    StepOptions steps = ((SGD) Optimizers.deserialize(saved)).options().steps();
    assertEquals(new StepOptions(true, 0.5, null, 2.0, 3), steps);
    assertTrue(steps.accumulates());
    assertFalse(steps.overwrites());
  }

  @Test
  void stateGroupsFollowKerasBuildOrder() {
    assertEquals(List.of(List.of("average"), List.of("gradient_accumulator"),
        List.of("momentum", "velocity"), List.of("velocity_hat")),
        Adam.of().amsgrad(true).useEma(true).gradientAccumulationSteps(2).variableGroups());
    assertEquals(List.of(List.of("gradient_accumulator")),
        SGD.of().gradientAccumulationSteps(2).variableGroups());
    assertEquals(List.of(), SGD.of().lossScaleFactor(4.0).variableGroups());
  }

  @Test
  void badArgumentsGetKerasErrors() {
    assertEquals("`gradient_accumulation_steps` must be an integer >= 2. Received: "
        + "gradient_accumulation_steps=1", assertThrows(IllegalArgumentException.class,
            () -> SGD.of().gradientAccumulationSteps(1)).getMessage());
    assertEquals("`ema_momentum` must be in the range [0, 1]. Received: ema_momentum=1.5",
        assertThrows(IllegalArgumentException.class,
            () -> Adam.of().useEma(true).emaMomentum(1.5)).getMessage());
    // as in Keras, the EMA arguments are checked only with use_ema
    Adam unchecked = Adam.of().emaMomentum(1.5).emaOverwriteFrequency(-2);
    assertEquals("`ema_momentum` must be in the range [0, 1]. Received: ema_momentum=1.5",
        assertThrows(IllegalArgumentException.class, () -> unchecked.useEma(true)).getMessage());
    assertEquals("`ema_overwrite_frequency` must be an integer >= 1 or None. Received: "
        + "ema_overwrite_frequency=-2", assertThrows(IllegalArgumentException.class,
            () -> Adam.of().useEma(true).emaOverwriteFrequency(-2)).getMessage());
  }
}

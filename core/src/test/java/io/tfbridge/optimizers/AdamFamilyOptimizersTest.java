package io.tfbridge.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.KerasObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** AdamW, Adamax, Nadam and Lion: Keras's defaults, names, state layout and argument errors. */
class AdamFamilyOptimizersTest {

  @Test
  void defaultsAndNamesAreKeras() {
    AdamW adamw = assertInstanceOf(AdamW.class, Optimizers.get("AdamW"));
    assertEquals(0.004, adamw.options().weightDecay());
    assertEquals(0.001, adamw.learningRate());
    assertEquals("adam_w", adamw.kerasName());
    assertEquals(0.99, assertInstanceOf(Lion.class, Optimizers.get("lion")).beta2());
    Adamax adamax = assertInstanceOf(Adamax.class, Optimizers.get("adamax"));
    assertEquals(List.of(0.9, 0.999, 1e-7), List.of(adamax.beta1(), adamax.beta2(),
        adamax.epsilon()));
    assertInstanceOf(Nadam.class, Optimizers.get("nadam"));
  }

  @Test
  void stateIsLaidOutAsKerasBuildsIt() {
    assertEquals(List.of(List.of("momentum", "norm")), Adamax.of().slotGroups());
    assertEquals(List.of(List.of("momentum")), Lion.of().slotGroups());
    assertEquals(List.of(new Optimizer.Global("u_product", 1.0, "variable")), Nadam.of().globals());
    assertEquals(List.of(List.of("momentum", "velocity"), List.of("velocity_hat")),
        AdamW.of().amsgrad(true).slotGroups());
  }

  @Test
  void configsRoundTripWithKerasKeysInOrder() {
    Optimizer lion = Lion.of().learningRate(0.01).betas(0.5, 0.9).weightDecay(0.2);
    assertEquals(List.of("name", "learning_rate", "weight_decay", "clipnorm", "global_clipnorm",
        "clipvalue", "use_ema", "ema_momentum", "ema_overwrite_frequency", "loss_scale_factor",
        "gradient_accumulation_steps", "beta_1", "beta_2"), List.copyOf(lion.getConfig().keys()));
    for (Optimizer o : List.of(lion, AdamW.of().amsgrad(true).epsilon(1e-4),
        Adamax.of().betas(0.7, 0.95), Nadam.of().learningRate(0.05).clipnorm(1.0))) {
      assertEquals(o.getConfig(), Optimizers.deserialize(Optimizers.serialize(o)).getConfig());
    }
  }

  @Test
  void adamWWithoutWeightDecayKeyTakesKerasDefault() {
    KerasObject saved = KerasObject.of("keras.optimizers", "AdamW",
        Config.builder().put("learning_rate", 0.01).build());
    AdamW adamw = assertInstanceOf(AdamW.class, Optimizers.deserialize(saved));
    assertEquals(0.004, adamw.options().weightDecay());
  }

  @Test
  void badArgumentsGetKerasErrors() {
    String noDecay = "Argument `weight_decay` must be a float. Received: weight_decay=None";
    fails(noDecay, () -> AdamW.of().weightDecay(null));
    fails(noDecay, () -> Optimizers.deserialize(KerasObject.of("keras.optimizers", "AdamW",
        Config.builder().putNull("weight_decay").build())));
    String signSgd = "Argument `beta_1` must be in the [0, 1] range. Otherwise, the optimizer "
        + "degenerates to SignSGD. Received: beta_1=";
    fails(signSgd + "0.0.", () -> Lion.of().betas(0, 0.99));
    fails(signSgd + "1.5.", () -> Lion.of().betas(1.5, 0.99));
    assertEquals(1.0, Lion.of().betas(1, 0.99).beta1());
    fails("Argument `beta_1` must be in [0, 1). Received: beta_1=1.0",
        () -> Adamax.of().betas(1, 0.9));
    fails("Argument `beta_2` must be in [0, 1). Received: beta_2=-0.5",
        () -> Nadam.of().betas(0.9, -0.5));
    fails("Argument `epsilon` must be a positive float. Received: epsilon=0.0",
        () -> Nadam.of().epsilon(0));
    fails("Argument `learning_rate` must be a positive float. Received: learning_rate=-1.0",
        () -> Lion.of().learningRate(-1));
    fails("Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received: "
        + "clipnorm=1.0, clipvalue=0.5, global_clipnorm=None",
        () -> Adamax.of().clipnorm(1.0).clipvalue(0.5));
  }

  private static void fails(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }
}

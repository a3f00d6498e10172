package io.tfbridge.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tensorflow.ndarray.Shape;

/** Ftrl's and Adafactor's DSL: Keras's defaults, names, checks with Keras's texts, slot shapes. */
class FtrlAdafactorTest {

  @Test
  void ftrlRefusesKerasBadArgumentsWithKerasTexts() {
    assertEquals("`initial_accumulator_value` needs to be positive or zero. Received: "
        + "initial_accumulator_value=-0.1.", error(() -> Ftrl.of().initialAccumulatorValue(-0.1)));
    assertEquals("`learning_rate_power` needs to be negative or zero. Received: "
        + "learning_rate_power=0.5.", error(() -> Ftrl.of().learningRatePower(0.5)));
    assertEquals("`l1_regularization_strength` needs to be positive or zero. Received: "
        + "l1_regularization_strength=-1.5.",
        error(() -> Ftrl.of().l1RegularizationStrength(-1.5)));
    assertEquals("`l2_regularization_strength` needs to be positive or zero. Received: "
        + "l2_regularization_strength=-0.25.",
        error(() -> Ftrl.of().l2RegularizationStrength(-0.25)));
    assertEquals("`l2_shrinkage_regularization_strength` needs to be positive or zero. Received: "
        + "l2_shrinkage_regularization_strength=-2.0.",
        error(() -> Ftrl.of().l2ShrinkageRegularizationStrength(-2)));
  }

  @Test
  void ftrlAcceptsKerasBoundaryValues() {
    Ftrl ftrl = Ftrl.of().learningRatePower(0).initialAccumulatorValue(0)
        .l1RegularizationStrength(0).l2RegularizationStrength(0)
        .l2ShrinkageRegularizationStrength(0).beta(-1); // Keras does not check beta
    assertEquals(0.0, ftrl.getConfig().get("learning_rate_power"));
    assertEquals(-1.0, ftrl.getConfig().get("beta"));
  }

  @Test
  void ftrlConfigHasKerasDefaultsInKerasOrder() {
    Ftrl ftrl = Ftrl.of();
    assertEquals(List.of("name", "learning_rate", "weight_decay", "clipnorm", "global_clipnorm",
        "clipvalue", "use_ema", "ema_momentum", "ema_overwrite_frequency", "loss_scale_factor",
        "gradient_accumulation_steps", "learning_rate_power", "initial_accumulator_value",
        "l1_regularization_strength", "l2_regularization_strength",
        "l2_shrinkage_regularization_strength", "beta"), List.copyOf(ftrl.getConfig().keys()));
    assertEquals("ftrl", ftrl.getConfig().get("name"));
    assertEquals(-0.5, ftrl.getConfig().get("learning_rate_power"));
    assertEquals(0.1, ftrl.getConfig().get("initial_accumulator_value"));
    assertEquals(List.of(List.of("accumulator", "linear")), ftrl.slotGroups());
  }

  @Test
  void adafactorConfigHasKerasDefaultsInKerasOrder() {
    Adafactor adafactor = Adafactor.of().clipThreshold(0.5).relativeStep(false);
    List<String> keys = List.copyOf(adafactor.getConfig().keys());
    assertEquals(List.of("beta_2_decay", "epsilon_1", "epsilon_2", "clip_threshold",
        "relative_step"), keys.subList(keys.size() - 5, keys.size()));
    assertEquals("adafactor", adafactor.getConfig().get("name"));
    assertEquals(-0.8, adafactor.getConfig().get("beta_2_decay"));
    assertEquals(1e-30, adafactor.getConfig().get("epsilon_1"));
    assertEquals(0.5, adafactor.getConfig().get("clip_threshold"));
    assertEquals(false, adafactor.getConfig().get("relative_step"));
  }

  @Test
  void adafactorFactorsTheLastTwoDimensionsAndKeepsScalarPlaceholdersBelowRankTwo() {
    Adafactor a = Adafactor.of();
    assertEquals(List.of(List.of("r", "c", "velocity")), a.slotGroups());
    assertEquals(Shape.scalar(), a.slotShape("r", Shape.of(5)));
    assertEquals(Shape.scalar(), a.slotShape("c", Shape.of(5)));
    assertEquals(Shape.of(5), a.slotShape("velocity", Shape.of(5)));
    assertEquals(Shape.of(4), a.slotShape("r", Shape.of(4, 3)));
    assertEquals(Shape.of(3), a.slotShape("c", Shape.of(4, 3)));
    assertEquals(Shape.of(3, 3, 2), a.slotShape("r", Shape.of(3, 3, 2, 8)));
    assertEquals(Shape.of(3, 3, 8), a.slotShape("c", Shape.of(3, 3, 2, 8)));
    assertEquals(Shape.of(3, 3, 2, 8), a.slotShape("velocity", Shape.of(3, 3, 2, 8)));
  }

  @Test
  void adafactorKeepsTheCommonChecks() {
    assertEquals("Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received: "
        + "clipnorm=1.0, clipvalue=0.5, global_clipnorm=None",
        error(() -> Adafactor.of().clipnorm(1.0).clipvalue(0.5)));
  }

  @Test
  void bothAreKnownByKerasNameAndClassName() {
    assertInstanceOf(Ftrl.class, Optimizers.get("ftrl"));
    assertInstanceOf(Adafactor.class, Optimizers.get("Adafactor"));
    Ftrl ftrl = Ftrl.of().learningRate(0.05).l1RegularizationStrength(0.01).beta(0.5);
    assertEquals(ftrl.getConfig(), Optimizers.deserialize(Optimizers.serialize(ftrl)).getConfig());
    Adafactor adafactor = Adafactor.of().epsilon2(0.01).beta2Decay(-0.5).relativeStep(false);
    assertEquals(adafactor.getConfig(),
        Optimizers.deserialize(Optimizers.serialize(adafactor)).getConfig());
  }

  private static String error(Executable bad) {
    return assertThrows(IllegalArgumentException.class, bad).getMessage();
  }
}

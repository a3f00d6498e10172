package io.tfbridge.optimizers.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The schedules' DSL: rates at each step against the closed forms Keras documents, configs in
 * Keras's key order with its defaults and names, serialization round trips, Keras's errors.
 */
class SchedulesTest {
  private static final Ops TF = Ops.create();

  @Test
  void ratesFollowTheDocumentedFormulas() {
    assertRates(PiecewiseConstantDecay.of(new long[] {1, 3}, new double[] {0.3, 0.2, 0.1}),
        s -> s <= 1 ? 0.3 : s <= 3 ? 0.2 : 0.1);
    assertRates(PolynomialDecay.of(0.2, 3).endLearningRate(0.01).power(2),
        s -> 0.19 * Math.pow(1 - Math.min(s, 3) / 3.0, 2) + 0.01);
    assertRates(PolynomialDecay.of(0.2, 2).cycle(true), s -> {
      double steps = 2 * (s == 0 ? 1 : Math.ceil(s / 2.0));
      return (0.2 - 0.0001) * (1 - s / steps) + 0.0001;
    });
    assertRates(InverseTimeDecay.of(0.2, 2, 0.5), s -> 0.2 / (1 + 0.5 * s / 2.0));
    assertRates(InverseTimeDecay.of(0.2, 2, 0.5).staircase(true),
        s -> 0.2 / (1 + 0.5 * Math.floor(s / 2.0)));
    assertRates(CosineDecay.of(0.2, 3).alpha(0.1),
        s -> 0.2 * (0.9 * 0.5 * (1 + Math.cos(Math.PI * Math.min(s, 3) / 3)) + 0.1));
    assertRates(CosineDecay.of(0.01, 3).warmupTarget(0.05).warmupSteps(2), s -> s < 2
        ? 0.01 + 0.04 * s / 2 : 0.05 * 0.5 * (1 + Math.cos(Math.PI * Math.min(s - 2, 3) / 3)));
    // t_mul 2: periods of 2, 4, 8 steps
    assertRates(CosineDecayRestarts.of(0.2, 2), s -> {
      int start = s < 2 ? 0 : s < 6 ? 2 : 6;
      double length = s < 2 ? 2 : s < 6 ? 4 : 8;
      return 0.2 * 0.5 * (1 + Math.cos(Math.PI * (s - start) / length));
    });
    assertRates(CosineDecayRestarts.of(0.2, 2).tMul(1).mMul(0.5).alpha(0.1),
        s -> 0.2 * (0.9 * 0.5 * Math.pow(0.5, s / 2) * (1 + Math.cos(Math.PI * (s % 2) / 2)) + 0.1));
  }

  @Test
  void configsUseKerasKeysDefaultsAndNames() {
    assertEquals(List.of("initial_learning_rate", "decay_steps", "end_learning_rate", "power",
        "cycle", "name"), List.copyOf(PolynomialDecay.of(0.1, 5).getConfig().keys()));
    assertEquals(0.0001, PolynomialDecay.of(0.1, 5).getConfig().get("end_learning_rate"));
    assertEquals(List.of("initial_learning_rate", "decay_steps", "alpha", "name", "warmup_target",
        "warmup_steps"), List.copyOf(CosineDecay.of(0.1, 5).getConfig().keys()));
    assertEquals(null, CosineDecay.of(0.1, 5).getConfig().get("warmup_target"));
    assertEquals("SGDRDecay", CosineDecayRestarts.of(0.1, 5).getConfig().get("name"));
    assertEquals(2.0, CosineDecayRestarts.of(0.1, 5).getConfig().get("t_mul"));
    assertEquals("PiecewiseConstant", PiecewiseConstantDecay.of(new long[] {4},
        new double[] {0.1, 0.01}).getConfig().get("name"));
    assertEquals("InverseTimeDecay", InverseTimeDecay.of(0.1, 5, 0.5).getConfig().get("name"));
  }

  @Test
  void serializedSchedulesReadBackEqual() {
    for (LearningRateSchedule s : List.of(
        PiecewiseConstantDecay.of(new long[] {2, 5}, new double[] {0.1, 0.05, 0.01}),
        PolynomialDecay.of(0.1, 7).endLearningRate(0.02).power(0.5).cycle(true),
        InverseTimeDecay.of(0.1, 3, 0.7).staircase(true),
        CosineDecay.of(0.0, 9).alpha(0.1).warmupTarget(0.2).warmupSteps(4),
        CosineDecayRestarts.of(0.1, 4).tMul(1.5).mMul(0.8).alpha(0.05))) {
      LearningRateSchedule back = Schedules.deserialize(Schedules.serialize(s));
      assertEquals(s.className(), back.className());
      assertEquals(s.getConfig(), back.getConfig());
    }
  }

  @Test
  void badArgumentsFailWithKerasTexts() {
    assertEquals("Argument `decay_steps` must be > 0. Received: decay_steps=0",
        assertThrows(IllegalArgumentException.class, () -> CosineDecay.of(0.1, 0)).getMessage());
    assertEquals("Argument `first_decay_steps` must be > 0. Received: first_decay_steps=-1",
        assertThrows(IllegalArgumentException.class,
            () -> CosineDecayRestarts.of(0.1, -1)).getMessage());
    assertEquals("The length of boundaries should be 1 less than the length of values. Received: "
        + "boundaries=[10] of length 1, and values=[0.5] of length 1.",
        assertThrows(IllegalArgumentException.class, () -> PiecewiseConstantDecay.of(
            new long[] {10}, new double[] {0.5})).getMessage());
  }

  @Test
  void floatsPrintAsPythonReprs() {
    assertEquals("[1.0, 0.5, 0.0001, 1e-05, 1.5e-07, 1e+16, 123456.75, -2.0]",
        ScheduleArgs.repr(new double[] {1, 0.5, 1e-4, 1e-5, 1.5e-7, 1e16, 123456.75, -2}));
  }

  private static void assertRates(LearningRateSchedule schedule, IntToDoubleFunction expected) {
    for (int step = 0; step < 12; step++) {
      float actual = schedule.call(TF, TF.constant((float) step)).asTensor().getFloat();
      assertEquals(expected.applyAsDouble(step), actual, 1e-6,
          schedule.className() + " at step " + step);
    }
  }
}

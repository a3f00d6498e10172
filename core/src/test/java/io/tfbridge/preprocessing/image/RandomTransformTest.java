package io.tfbridge.preprocessing.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** randomTransform draws from the distributions Keras's get_random_transform uses. */
class RandomTransformTest {
  private static final int DRAWS = 20000;
  private static final long[] SHAPE = {7, 9, 3};

  private static TransformParams[] draw(ImageDataGenerator gen) {
    SplittableRandom random = new SplittableRandom(3);
    TransformParams[] out = new TransformParams[DRAWS];
    for (int i = 0; i < DRAWS; i++) {
      out[i] = RandomTransform.draw(gen, random, (int) SHAPE[0], (int) SHAPE[1]);
    }
    return out;
  }

  /** Every draw in [low, high) and the mean and variance of a uniform on it (5 sigma). */
  private static void assertUniform(TransformParams[] draws, ToDoubleFunction<TransformParams> key,
      double low, double high) {
    double sum = 0;
    double squares = 0;
    for (TransformParams p : draws) {
      double v = key.applyAsDouble(p);
      assertTrue(v >= low && v < high, v + " outside [" + low + ", " + high + ")");
      sum += v;
      squares += v * v;
    }
    double mean = sum / DRAWS;
    double variance = squares / DRAWS - mean * mean;
    double width = high - low;
    assertEquals((low + high) / 2, mean, 5 * width / Math.sqrt(12.0 * DRAWS));
    assertEquals(width * width / 12, variance, 0.03 * width * width / 12);
  }

  @Test
  void rangesAreUniformAsKeras() {
    TransformParams[] draws = draw(ImageDataGenerator.of().rotationRange(20).shearRange(10)
        .widthShiftRange(0.2).heightShiftRange(2.5).zoomRange(0.8, 1.3).channelShiftRange(30)
        .brightnessRange(0.5, 1.5));
    assertUniform(draws, TransformParams::theta, -20, 20);
    assertUniform(draws, TransformParams::shear, -10, 10);
    assertUniform(draws, TransformParams::ty, -0.2 * 9, 0.2 * 9);   // a fraction of the width
    assertUniform(draws, TransformParams::tx, -2.5, 2.5);           // pixels from 1 on
    assertUniform(draws, TransformParams::zx, 0.8, 1.3);
    assertUniform(draws, TransformParams::zy, 0.8, 1.3);
    assertUniform(draws, TransformParams::channelShiftIntensity, -30, 30);
    assertUniform(draws, TransformParams::brightness, 0.5, 1.5);
    assertNotEquals(draws[0].zx(), draws[0].zy());
  }

  @Test
  void heightShiftFractionScalesByTheHeight() {
    assertUniform(draw(ImageDataGenerator.of().heightShiftRange(0.5)), TransformParams::tx,
        -3.5, 3.5);
  }

  @Test
  void intShiftIsNumpyChoiceWithSign() {
    Map<Double, Integer> counts = counts(draw(ImageDataGenerator.of()
        .heightShiftRange(ShiftRange.pixels(3))), TransformParams::tx);
    assertEquals(5, counts.size(), counts.toString());   // -2 .. 2
    assertEquals(DRAWS / 3.0, counts.get(0.0), 300);     // 0 from choice(3) either sign
    for (double v : new double[] {-2, -1, 1, 2}) {
      assertEquals(DRAWS / 6.0, counts.get(v), 300, "shift " + v);
    }
  }

  @Test
  void choicesBelowOneAreFractions() {
    Map<Double, Integer> counts = counts(draw(ImageDataGenerator.of()
        .widthShiftRange(ShiftRange.choices(0.1, 0.2))), p -> Math.round(p.ty() * 1000) / 1000.0);
    assertEquals(Map.of(-0.9, 0, -1.8, 0, 0.9, 0, 1.8, 0).keySet(), counts.keySet());
    counts.values().forEach(n -> assertEquals(DRAWS / 4.0, n, 300));
  }

  @Test
  void flipsHalfTheImagesAndOnlyWhenAsked() {
    TransformParams[] draws = draw(ImageDataGenerator.of().horizontalFlip(true));
    long flipped = java.util.Arrays.stream(draws).filter(TransformParams::flipHorizontal).count();
    assertEquals(DRAWS / 2.0, flipped, 5 * Math.sqrt(DRAWS / 4.0));
    assertTrue(java.util.Arrays.stream(draws).noneMatch(TransformParams::flipVertical));
    assertTrue(java.util.Arrays.stream(draws).allMatch(p -> p.brightness() == null
        && p.channelShiftIntensity() == null && p.zx() == 1 && p.theta() == 0));
  }

  @Test
  void aSeedRepeats() {
    ImageDataGenerator gen = ImageDataGenerator.of().rotationRange(40).zoomRange(0.3)
        .widthShiftRange(0.2).horizontalFlip(true).brightnessRange(0.2, 1.8);
    assertEquals(gen.randomTransform(SHAPE, 42L), gen.randomTransform(SHAPE, 42L));
    assertNotEquals(gen.randomTransform(SHAPE, 42L), gen.randomTransform(SHAPE, 43L));
    assertNotEquals(gen.randomTransform(SHAPE, null), gen.randomTransform(SHAPE, null));
  }

  private static Map<Double, Integer> counts(TransformParams[] draws,
      ToDoubleFunction<TransformParams> key) {
    Map<Double, Integer> counts = new HashMap<>();
    for (TransformParams p : draws) {
      counts.merge(key.applyAsDouble(p) + 0.0, 1, Integer::sum);
    }
    return counts;
  }
}

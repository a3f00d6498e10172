package io.tfbridge.preprocessing.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/** The options, Keras's defaults and the checks with Keras's error texts. */
class ImageDataGeneratorTest {

  @Test
  void defaultsLeaveImagesAsTheyAre() {
    ImageDataGenerator gen = ImageDataGenerator.of();
    TransformParams p = gen.randomTransform(new long[] {7, 9, 3}, 1L);
    assertEquals(TransformParams.identity(), p);
    FloatNdArray image = DatagenGolden.array("images/base.npy");
    ImageDataGeneratorGoldenTest.assertClose(image, gen.applyTransform(image, p), 0, "identity");
    ImageDataGeneratorGoldenTest.assertClose(image, gen.standardize(image), 0, "standardize");
  }

  @Test
  void optionsAreCopiedNotChanged() {
    ImageDataGenerator base = ImageDataGenerator.of();
    ImageDataGenerator rotating = base.rotationRange(30).fillMode("wrap").zoomRange(0.2);
    assertEquals(0, base.rotationRange);
    assertEquals(FillMode.NEAREST, base.fillMode);
    assertEquals(30, rotating.rotationRange);
    assertEquals(FillMode.WRAP, rotating.fillMode);
    assertEquals(0.8, rotating.zoomRange[0], 1e-12);
    assertEquals(1.2, rotating.zoomRange[1], 1e-12);
  }

  @Test
  void impliedOptionsAsKeras() {
    assertTrue(ImageDataGenerator.of().zcaWhitening(true).centersFeatures());
    assertTrue(!ImageDataGenerator.of().zcaWhitening(true).featurewiseStdNormalization(true)
        .normalizesFeatures());
    assertTrue(ImageDataGenerator.of().featurewiseStdNormalization(true).centersFeatures());
    assertTrue(ImageDataGenerator.of().samplewiseStdNormalization(true).centersSamples());
  }

  @Test
  void badOptionsFailWithKerasTexts() {
    ImageDataGenerator gen = ImageDataGenerator.of();
    assertEquals("`fill_mode` should be one of nearest, constant, reflect, wrap. Received: mirror",
        assertThrows(IllegalArgumentException.class, () -> gen.fillMode("mirror")).getMessage());
    assertEquals("`zoom_range` should be a float or a tuple or list of two floats. Received:"
        + " [0.5, 1.0, 2.0]", assertThrows(IllegalArgumentException.class,
            () -> gen.zoomRange(0.5, 1, 2)).getMessage());
    assertEquals("`validation_split` must be strictly between 0 and 1.  Received: 1.0",
        assertThrows(IllegalArgumentException.class, () -> gen.validationSplit(1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> gen.validationSplit(-0.1));
    assertEquals("`brightness_range should be tuple or list of two floats. Received: [0.5]",
        assertThrows(IllegalArgumentException.class, () -> gen.brightnessRange(0.5)).getMessage());
    assertEquals("`rotation_range` should be a non-negative number. Received: -5.0",
        assertThrows(IllegalArgumentException.class, () -> gen.rotationRange(-5)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> gen.shearRange(-1));
    assertThrows(IllegalArgumentException.class, () -> gen.channelShiftRange(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> gen.widthShiftRange(-0.1));
    assertThrows(IllegalArgumentException.class, () -> ShiftRange.pixels(-2));
    assertThrows(UnsupportedOperationException.class, () -> gen.dataFormat("channels_first"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> gen.dataFormat("nhwc"))
        .getMessage().endsWith("Received: nhwc"));
    assertEquals(gen, gen.dataFormat("channels_last"));
  }

  @Test
  void badInputsFail() {
    ImageDataGenerator gen = ImageDataGenerator.of();
    FloatNdArray flat = NdArrays.ofFloats(Shape.of(4, 5));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> gen.applyTransform(flat, TransformParams.identity())).getMessage()
        .contains("Received: [4, 5]"));
    assertEquals("Input to `.fit()` should have rank 4. Got array with shape: [4, 5]",
        assertThrows(IllegalArgumentException.class,
            () -> gen.featurewiseCenter(true).fit(flat)).getMessage());
    FloatNdArray twoChannels = NdArrays.ofFloats(Shape.of(3, 3, 2));
    assertEquals("Unsupported channel number: 2", assertThrows(IllegalArgumentException.class,
        () -> gen.applyTransform(twoChannels, TransformParams.identity().withBrightness(1.5)))
        .getMessage());
  }

  @Test
  void heightShiftMovesAlongTheWidthAsKeras() {
    FloatNdArray image = NdArrays.ofFloats(Shape.of(3, 4, 1));
    image.setFloat(1, 1, 1, 0);
    FloatNdArray shifted = ImageDataGenerator.of().fillMode("constant")
        .applyTransform(image, TransformParams.identity().withShift(1, 0));
    assertEquals(1, shifted.getFloat(1, 0, 0));
    assertEquals(0, shifted.getFloat(1, 1, 0));
    assertEquals(0, shifted.getFloat(0, 1, 0));
  }

  @Test
  void unfittedFeaturewiseStepsAreSkippedAsKeras() {
    FloatNdArray image = DatagenGolden.array("images/base.npy");
    FloatNdArray out = ImageDataGenerator.of().featurewiseCenter(true).standardize(image);
    ImageDataGeneratorGoldenTest.assertClose(image, out, 0, "unfitted");
    assertNull(ImageDataGenerator.of().statistics.mean());
    assertNotEquals(null, ImageDataGenerator.of().featurewiseCenter(true)
        .fit(DatagenGolden.array("images/fit_features.npy")).statistics.mean());
  }

  @Test
  void fitWithAugmentUsesRoundsOfRandomlyTransformedCopies() {
    FloatNdArray x = DatagenGolden.array("images/fit_features.npy");
    ImageDataGenerator centering = ImageDataGenerator.of().featurewiseCenter(true)
        .featurewiseStdNormalization(true);
    // no random option: every copy is the image itself, the statistics are fit(x)'s
    assertArrayEquals(centering.fit(x).statistics.mean(),
        centering.fit(x, true, 3, 1L).statistics.mean(), 1e-6f);
    assertArrayEquals(centering.fit(x).statistics.std(),
        centering.fit(x, true, 3, 1L).statistics.std(), 1e-6f);
    ImageDataGenerator rotating = centering.rotationRange(40).fillMode("constant");
    float[] seeded = rotating.fit(x, true, 2, 5L).statistics.mean();
    assertArrayEquals(seeded, rotating.fit(x, true, 2, 5L).statistics.mean(), 0f);
    assertNotEquals(seeded[0], rotating.fit(x, true, 2, 6L).statistics.mean()[0]);
    assertNotEquals(seeded[0], rotating.fit(x).statistics.mean()[0]);
    assertEquals("`rounds` should be at least 1. Received: 0", assertThrows(
        IllegalArgumentException.class, () -> rotating.fit(x, true, 0, 5L)).getMessage());
  }

  @Test
  void augmentedCopiesAreRandomTransformsRoundAfterRound() {
    FloatNdArray x = DatagenGolden.array("images/fit_features.npy");
    ImageDataGenerator g = ImageDataGenerator.of().rotationRange(30).zoomRange(0.2);
    FloatNdArray copies = FeatureStatistics.augmentedCopies(g, x, 2, new SplittableRandom(3));
    long n = x.shape().get(0);
    assertEquals(2 * n, copies.shape().get(0));
    SplittableRandom draws = new SplittableRandom(3);
    for (long i = 0; i < 2 * n; i++) {
      FloatNdArray image = x.get(i % n);
      TransformParams p = RandomTransform.draw(g, draws, (int) x.shape().get(1),
          (int) x.shape().get(2));
      ImageDataGeneratorGoldenTest.assertClose(g.applyTransform(image, p), copies.get(i), 1e-6,
          "copy " + i);
    }
  }
}

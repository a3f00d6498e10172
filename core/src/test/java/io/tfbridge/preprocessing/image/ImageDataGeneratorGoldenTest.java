package io.tfbridge.preprocessing.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Java's apply_transform and standardize against Keras's own outputs on the same images and
 * parameters (make_datagen_golden.py), within 1e-4 per pixel (ZCA: 1e-3, as numpy whitens in float32).
 */
class ImageDataGeneratorGoldenTest {
  private static final double TOLERANCE = 1e-4;

  @TestFactory
  Stream<DynamicTest> applyTransformEqualsKeras() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : DatagenGolden.CASES.get("transform")) {
      String name = c.get("name").asText();
      tests.add(DynamicTest.dynamicTest(name, () -> {
        ImageDataGenerator gen = ImageDataGenerator.of().fillMode(c.get("fill_mode").asText())
            .cval(c.get("cval").asDouble());
        FloatNdArray image = DatagenGolden.array("images/" + c.get("image").asText() + ".npy");
        FloatNdArray actual = gen.applyTransform(image, DatagenGolden.params(c.get("params")));
        assertClose(DatagenGolden.array("transform/" + name + ".npy"), actual, TOLERANCE, name);
      }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> standardizeEqualsKeras() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : DatagenGolden.CASES.get("standardize")) {
      String name = c.get("name").asText();
      tests.add(DynamicTest.dynamicTest(name, () -> {
        ImageDataGenerator gen = generator(c.get("options"));
        if (!c.get("fit").isNull()) {
          gen = gen.fit(DatagenGolden.array("images/" + c.get("fit").asText() + ".npy"));
          checkStatistics(gen.statistics, name);
        }
        FloatNdArray image = DatagenGolden.array("images/" + c.get("image").asText() + ".npy");
        double tolerance = gen.zcaWhitening ? 1e-3 : TOLERANCE;
        assertClose(DatagenGolden.array("standardize/" + name + ".npy"), gen.standardize(image),
            tolerance, name);
      }));
    }
    return tests.stream();
  }

  private static void checkStatistics(FeatureStatistics stats, String name) {
    if (stats.mean() != null) {
      assertArrayEquals(DatagenGolden.floats(DatagenGolden.array("standardize/" + name
          + "_mean.npy")), stats.mean(), 1e-4f, name + " mean");
    }
    if (stats.std() != null) {
      assertArrayEquals(DatagenGolden.floats(DatagenGolden.array("standardize/" + name
          + "_std.npy")), stats.std(), 1e-4f, name + " std");
    }
    if (stats.zca() != null) {
      assertClose(DatagenGolden.array("standardize/" + name + "_zca.npy"), stats.zca(), 1e-3,
          name + " zca");
    }
  }

  private static ImageDataGenerator generator(JsonNode options) {
    ImageDataGenerator gen = ImageDataGenerator.of();
    if (options.has("rescale")) {
      gen = gen.rescale(options.get("rescale").asDouble());
    }
    if (options.has("preprocessing_function")) {
      gen = gen.preprocessingFunction(x -> twoXPlusOne(x));
    }
    gen = gen.samplewiseCenter(flag(options, "samplewise_center"))
        .samplewiseStdNormalization(flag(options, "samplewise_std_normalization"))
        .featurewiseCenter(flag(options, "featurewise_center"))
        .featurewiseStdNormalization(flag(options, "featurewise_std_normalization"))
        .zcaWhitening(flag(options, "zca_whitening"));
    return gen;
  }

  private static FloatNdArray twoXPlusOne(FloatNdArray x) {
    FloatNdArray out = org.tensorflow.ndarray.NdArrays.ofFloats(x.shape());
    x.scalars().forEachIndexed((i, s) -> out.setFloat(s.getFloat() * 2 + 1, i));
    return out;
  }

  private static boolean flag(JsonNode options, String key) {
    return options.has(key) && options.get(key).asBoolean();
  }

  static void assertClose(FloatNdArray expected, FloatNdArray actual, double tolerance,
      String name) {
    double worst = DatagenGolden.maxDifference(expected, actual);
    assertTrue(worst <= tolerance, name + ": largest difference " + worst + " (shapes "
        + expected.shape() + " / " + actual.shape() + ")");
  }
}

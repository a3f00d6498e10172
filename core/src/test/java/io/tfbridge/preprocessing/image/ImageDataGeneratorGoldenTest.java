package io.tfbridge.preprocessing.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;

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

  /** A batch whose images each have their own parameters equals Keras image by image. */
  @Test
  void aBatchTransformsEachImageByItsOwnParameters() {
    List<JsonNode> cases = new ArrayList<>();
    for (JsonNode c : DatagenGolden.CASES.get("transform")) {
      if (c.get("image").asText().equals("base") && c.get("fill_mode").asText().equals("nearest")) {
        cases.add(c);
      }
    }
    FloatNdArray image = DatagenGolden.array("images/base.npy");
    FloatNdArray batch = NdArrays.ofFloats(image.shape().prepend(cases.size()));
    List<TransformParams> params = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      batch.set(image, i);
      params.add(DatagenGolden.params(cases.get(i).get("params")));
    }
    FloatNdArray out = BatchTransform.apply(batch, params, FillMode.NEAREST, 0);
    assertTrue(cases.size() >= 10, "cases " + cases.size());
    for (int i = 0; i < cases.size(); i++) {
      String name = cases.get(i).get("name").asText();
      assertClose(DatagenGolden.array("transform/" + name + ".npy"), out.get(i), TOLERANCE, name);
    }
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

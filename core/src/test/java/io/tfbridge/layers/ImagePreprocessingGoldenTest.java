package io.tfbridge.layers;

import io.tfbridge.layers.preprocessing.RandomBrightness;
import io.tfbridge.layers.preprocessing.RandomContrast;
import io.tfbridge.layers.preprocessing.RandomCrop;
import io.tfbridge.layers.preprocessing.RandomRotation;
import io.tfbridge.layers.preprocessing.RandomTranslation;
import io.tfbridge.layers.preprocessing.RandomZoom;
import io.tfbridge.testing.Golden;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * The training-mode output of each random image layer with a degenerate range equals Keras's
 * ({@code models/python/make_augment_layer_golden.py}, same layers and options), within 1e-4: the
 * transform matrices, fill modes, interpolations and colour formulas, and RandomCrop's fixed windows
 * (image not larger than the target along both axes) with their resizes; and at inference every one
 * is the identity (RandomCrop's too, at the input's own size).
 */
class ImagePreprocessingGoldenTest {
  private static final Golden GOLDEN = Golden.of("augment_layers");

  static final Map<String, Layer<?>> CASES = Map.ofEntries(
      Map.entry("rotation_reflect_bilinear", RandomRotation.of(0.1, 0.1)),
      Map.entry("rotation_constant_nearest", RandomRotation.of(-0.2, -0.2).fillMode("constant")
          .fillValue(0.3).interpolation("nearest")),
      Map.entry("rotation_wrap", RandomRotation.of(0.3, 0.3).fillMode("wrap")),
      Map.entry("rotation_nearest_fill", RandomRotation.of(0.05, 0.05).fillMode("nearest")),
      Map.entry("translation_wrap",
          RandomTranslation.of(new double[] {0.2, 0.2}, new double[] {-0.3, -0.3}).fillMode("wrap")),
      Map.entry("translation_nearest",
          RandomTranslation.of(new double[] {-0.4, -0.4}, new double[] {0.25, 0.25})
              .fillMode("nearest").interpolation("nearest")),
      Map.entry("translation_constant",
          RandomTranslation.of(new double[] {0.13, 0.13}, new double[] {0.21, 0.21})
              .fillMode("constant").fillValue(0.7)),
      Map.entry("zoom_constant", RandomZoom.of(0.3, 0.3).fillMode("constant").fillValue(-0.5)),
      Map.entry("zoom_width_reflect_nearest",
          RandomZoom.of(-0.4, -0.4).widthFactor(0.2, 0.2).interpolation("nearest")),
      Map.entry("zoom_in_wrap", RandomZoom.of(-0.25, -0.25).fillMode("wrap")),
      Map.entry("contrast_fixed", RandomContrast.of(-0.5, 0.5).valueRange(-1, 1)),
      Map.entry("contrast_default_range", RandomContrast.of(-0.3, 0.3)),
      Map.entry("brightness_fixed", RandomBrightness.of(0.2, 0.2).valueRange(-1, 1)),
      Map.entry("brightness_unsorted_range", RandomBrightness.of(-0.25, -0.25).valueRange(1, -1)),
      Map.entry("crop_slice_only", RandomCrop.of(5, 4)),
      Map.entry("crop_centred_rows", RandomCrop.of(3, 7)),
      Map.entry("crop_equal_size", RandomCrop.of(5, 7)),
      Map.entry("crop_resize_wider", RandomCrop.of(3, 9)),
      Map.entry("crop_resize_taller", RandomCrop.of(6, 4)),
      Map.entry("crop_resize_both", RandomCrop.of(8, 10)));

  static Stream<Arguments> cases() {
    return CASES.keySet().stream().sorted().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void trainingOutputEqualsKeras(String name) {
    FloatNdArray x = GOLDEN.array("x");
    FloatNdArray y = LayerRunner.run(CASES.get(name), true, 17, x);
    FloatNdArray expected = GOLDEN.array(name);
    Golden.assertShape(expected.shape().asArray(), y.shape().asArray(), name);
    Golden.assertClose(toArray(expected), toArray(y), 1e-4, name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void identityAtInference(String name) {
    FloatNdArray x = GOLDEN.array("x");
    FloatNdArray y = LayerRunner.run(CASES.get(name), false, 17, x);
    Golden.assertClose(toArray(x), toArray(y), 0, name + " at inference");
  }

  /** Same layer read back from its own config computes the same. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void configRoundTripComputesTheSame(String name) {
    FloatNdArray x = GOLDEN.array("x");
    Layer<?> copy = LayerRunner.roundTrip(CASES.get(name));
    Golden.assertClose(toArray(GOLDEN.array(name)), toArray(LayerRunner.run(copy, true, 3, x)), 1e-4,
        name + " after a config round trip");
  }

  static float[] toArray(FloatNdArray a) {
    float[] out = new float[(int) a.size()];
    a.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(out, false, false));
    return out;
  }
}

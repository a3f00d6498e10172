package io.tfbridge.layers;

import static io.tfbridge.layers.LayerRunner.counting;
import static io.tfbridge.layers.LayerRunner.roundTrip;
import static io.tfbridge.layers.LayerRunner.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.layers.preprocessing.CenterCrop;
import io.tfbridge.layers.preprocessing.RandomBrightness;
import io.tfbridge.layers.preprocessing.RandomContrast;
import io.tfbridge.layers.preprocessing.RandomFlip;
import io.tfbridge.layers.preprocessing.RandomRotation;
import io.tfbridge.layers.preprocessing.RandomTranslation;
import io.tfbridge.layers.preprocessing.RandomZoom;
import io.tfbridge.layers.preprocessing.Resizing;
import io.tfbridge.saving.Config;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;

/** The image preprocessing layers' DSL: options, shapes, configs, and Keras's argument errors. */
class ImagePreprocessingTest {
  private static final Shape IMAGES = Shape.of(-1, 5, 7, 2);

  private static void assertFails(Executable e, String... parts) {
    String message = assertThrows(IllegalArgumentException.class, e).getMessage();
    for (String part : parts) {
      assertTrue(message.contains(part), "message '" + message + "' lacks '" + part + "'");
    }
  }

  @Test
  void geometricLayersKeepTheShapeAndTheirOptions() {
    RandomRotation r = RandomRotation.of(0.1).fillMode("constant").fillValue(0.5)
        .interpolation("nearest").seed(4);
    assertArrayEquals(new double[] {-0.1, 0.1}, r.factor());
    assertEquals("constant", r.fillMode());
    assertEquals("nearest", r.interpolation());
    assertEquals(0.5, r.fillValue());
    assertEquals(4L, r.seed());
    assertEquals("reflect", RandomRotation.of(0.1).fillMode(), "the original is unchanged");
    assertArrayEquals(IMAGES.asArray(), r.outputShape("random_rotation", IMAGES).asArray());
    assertArrayEquals(new double[] {-0.3, 0.2}, RandomRotation.of(0.2, -0.3).factor(), 1e-12);
    RandomZoom z = RandomZoom.of(0.2);
    assertNull(z.widthFactor());
    assertArrayEquals(new double[] {0.1, 0.3}, z.widthFactor(0.3, 0.1).widthFactor());
    assertArrayEquals(new double[] {-0.2, 0.2}, RandomTranslation.of(0.1, 0.2).widthFactor());
  }

  @Test
  void keepsKerasFactorsInTheConfig() {
    assertEquals(List.of(-0.1, 0.1), RandomRotation.of(0.1).getConfig().get("factor"));
    assertEquals(List.of(0.0, 0.2), RandomContrast.of(0.2).getConfig().get("factor"),
        "Keras clips a contrast factor's lower end at 0");
    assertEquals(0.1, RandomTranslation.of(0.1, 0.2).getConfig().get("height_factor"),
        "RandomTranslation writes its factor as given");
    assertNull(RandomZoom.of(0.1).getConfig().get("width_factor"));
    assertEquals(List.of(-1.0, 1.0),
        RandomBrightness.of(0.1).valueRange(1, -1).getConfig().get("value_range"),
        "RandomBrightness sorts its value_range");
    assertEquals(List.of(1.0, -1.0),
        RandomContrast.of(0.1).valueRange(1, -1).getConfig().get("value_range"));
  }

  @Test
  void configsRoundTrip() {
    List<Layer<?>> layers = List.of(
        RandomRotation.of(-0.2, 0.3).fillMode("wrap").interpolation("nearest").seed(9),
        RandomTranslation.of(new double[] {0.1, 0.2}, new double[] {-0.3}).fillValue(2),
        RandomZoom.of(0.2).widthFactor(-0.1, 0.4).fillMode("nearest"),
        RandomFlip.of("vertical").seed(1), RandomContrast.of(0.4).valueRange(0, 1),
        RandomBrightness.of(-0.2, 0.1).seed(5), Resizing.of(3, 9).padToAspectRatio(true)
            .fillValue(1).interpolation("bicubic"),
        CenterCrop.of(2, 3));
    for (Layer<?> layer : layers) {
      assertEquals(layer.getConfig(), roundTrip(layer).getConfig(), layer.className());
    }
  }

  @Test
  void refusesKerasBadFactors() {
    assertFails(() -> RandomRotation.of(1.5), "RandomRotation",
        "The `factor` argument should be a number (or a list of two numbers) in the range [-1, 1]",
        "factor=1.5");
    assertFails(() -> RandomContrast.of(-0.1), "RandomContrast", "range [0, 1]", "factor=-0.1");
    assertFails(() -> RandomContrast.of(0.5, -0.2), "RandomContrast", "factor=[0.5, -0.2]");
    assertFails(() -> RandomBrightness.of(2, 3), "RandomBrightness", "factor=[2, 3]");
    assertFails(() -> RandomTranslation.of(0.1, -1.2), "RandomTranslation", "[-1.0, 1.0]",
        "input_number=-1.2", "width_factor=-1.2");
    assertFails(() -> RandomZoom.of(-1.0), "RandomZoom", "(-1.0, 1.0]", "height_factor=-1");
    assertFails(() -> RandomZoom.of(0.1).widthFactor(0.5, 1.5), "RandomZoom", "width_factor");
  }

  @Test
  void refusesUnknownModes() {
    assertFails(() -> RandomRotation.of(0.1).fillMode("mirror"), "RandomRotation",
        "Unknown `fill_mode` mirror", "'reflect', 'wrap', 'constant', 'nearest'");
    assertFails(() -> RandomZoom.of(0.1).interpolation("bicubic"), "RandomZoom",
        "Unknown `interpolation` bicubic");
    assertFails(() -> RandomFlip.of("diagonal"), "RandomFlip", "mode=diagonal");
    assertFails(() -> Resizing.of(3, 3).interpolation("lanczos3"), "Resizing",
        "interpolation=lanczos3");
    assertFails(() -> Resizing.of(3, 3).cropToAspectRatio(true).padToAspectRatio(true),
        "Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be `True`.");
    assertFails(() -> CenterCrop.of(0, 3), "CenterCrop", "height=0");
  }

  @Test
  void refusesWhatTfbridgeDoesNotImplement() {
    Config channelsFirst = RandomFlip.of().getConfig().toBuilder()
        .put("data_format", "channels_first").build();
    assertFails(() -> KerasLayers.deserialize("RandomFlip", channelsFirst, "flip"),
        "data_format=\"channels_first\"", "not supported");
    Config antialias = Resizing.of(3, 3).getConfig().toBuilder().put("antialias", true).build();
    assertFails(() -> KerasLayers.deserialize("Resizing", antialias, "r"), "antialias=true");
    Config lanczos = Resizing.of(3, 3).getConfig().toBuilder().put("interpolation", "lanczos5")
        .build();
    assertFails(() -> KerasLayers.deserialize("Resizing", lanczos, "r"),
        "interpolation=\"lanczos5\"");
  }

  @Test
  void needsBatchesOfImages() {
    assertFails(() -> RandomFlip.of().outputShape("random_flip", Shape.of(-1, 5, 7)),
        "random_flip", "rank 4", "(None, 5, 7)");
    assertFails(() -> Resizing.of(2, 2).outputShape("resizing", Shape.of(-1, -1, 7, 3)),
        "resizing", "known height and width");
  }

  @Test
  void resizingAndCropsGiveTheTargetShape() {
    assertArrayEquals(new long[] {-1, 3, 9, 2}, Resizing.of(3, 9).outputShape("r", IMAGES).asArray());
    assertArrayEquals(new long[] {-1, 2, 3, 2},
        CenterCrop.of(2, 3).outputShape("c", IMAGES).asArray());
    FloatNdArray x = counting(1, 5, 7, 2);
    FloatNdArray crop = run(CenterCrop.of(3, 4), false, 1, x);
    assertEquals(Shape.of(1, 3, 4, 2), crop.shape());
    assertEquals(x.getFloat(0, 1, 1, 1), crop.getFloat(0, 0, 0, 1), "window starts at (1, 1)");
    assertEquals(Shape.of(1, 6, 4, 2), run(CenterCrop.of(6, 4), true, 1, x).shape());
    assertEquals(Shape.of(1, 4, 4, 2),
        run(Resizing.of(4, 4).cropToAspectRatio(true), false, 1, x).shape());
    FloatNdArray padded = run(Resizing.of(9, 7).padToAspectRatio(true).fillValue(-3)
        .interpolation("nearest"), false, 1, x);
    assertEquals(-3f, padded.getFloat(0, 0, 0, 0), "pad rows carry fill_value");
  }

  @Test
  void flipsBothAxesTogetherOnlyWhileTraining() {
    FloatNdArray x = counting(16, 2, 3, 1);
    FloatNdArray y = run(RandomFlip.of(), true, 5, x);
    int flipped = 0;
    for (int b = 0; b < 16; b++) {
      boolean same = y.getFloat(b, 0, 0, 0) == x.getFloat(b, 0, 0, 0);
      boolean both = y.getFloat(b, 0, 0, 0) == x.getFloat(b, 1, 2, 0)
          && y.getFloat(b, 1, 0, 0) == x.getFloat(b, 0, 2, 0);
      assertTrue(same || both, "image " + b + " is either kept or flipped both ways");
      flipped += both ? 1 : 0;
    }
    assertTrue(flipped > 0 && flipped < 16, "some images flip, some do not: " + flipped);
    assertEquals(x, run(RandomFlip.of(), false, 5, x));
    FloatNdArray h = run(RandomFlip.of("horizontal").seed(2), true, 5, x);
    for (int b = 0; b < 16; b++) {
      assertTrue(h.getFloat(b, 1, 0, 0) == x.getFloat(b, 1, 0, 0)
          || h.getFloat(b, 1, 0, 0) == x.getFloat(b, 1, 2, 0), "rows stay in place");
    }
  }

  @Test
  void ownSeedMakesTheDrawsRepeatable() {
    FloatNdArray x = counting(4, 5, 7, 2);
    RandomRotation r = RandomRotation.of(0.3).seed(11);
    assertEquals(run(r, true, 1, x), run(r, true, 2, x), "the layer's seed wins over the model's");
  }
}

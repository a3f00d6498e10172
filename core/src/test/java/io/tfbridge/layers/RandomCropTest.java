package io.tfbridge.layers;

import static io.tfbridge.layers.LayerRunner.counting;
import static io.tfbridge.layers.LayerRunner.roundTrip;
import static io.tfbridge.layers.LayerRunner.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.preprocessing.RandomCrop;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.saving.Config;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/**
 * RandomCrop: one random window for the whole batch while training (offsets covering every
 * position, repeatable by seed), the input unchanged at inference, configs, Keras's errors, and
 * gradients flowing through it.
 */
class RandomCropTest {
  private static void assertFails(Executable e, String... parts) {
    String message = assertThrows(IllegalArgumentException.class, e).getMessage();
    for (String part : parts) {
      assertTrue(message.contains(part), "message '" + message + "' lacks '" + part + "'");
    }
  }

  /** The (a, b) with {@code y[n] == x[n, a:a+h, b:b+w, :]} for every image n; fails if none. */
  private static int[] offsetOf(FloatNdArray x, FloatNdArray y) {
    long[] ys = y.shape().asArray();
    for (int a = 0; a + ys[1] <= x.shape().get(1); a++) {
      for (int b = 0; b + ys[2] <= x.shape().get(2); b++) {
        if (isWindow(x, y, a, b)) {
          return new int[] {a, b};
        }
      }
    }
    throw new AssertionError("the output is no window of the input shared by the batch");
  }

  private static boolean isWindow(FloatNdArray x, FloatNdArray y, int a, int b) {
    long[] s = y.shape().asArray();
    for (long n = 0; n < s[0]; n++) {
      for (long i = 0; i < s[1]; i++) {
        for (long j = 0; j < s[2]; j++) {
          for (long k = 0; k < s[3]; k++) {
            if (y.getFloat(n, i, j, k) != x.getFloat(n, a + i, b + j, k)) {
              return false;
            }
          }
        }
      }
    }
    return true;
  }

  @Test
  void trainingCropsOneWindowPerBatchAtEveryOffset() {
    FloatNdArray x = counting(4, 9, 8, 2);
    RandomCrop crop = RandomCrop.of(5, 4);
    TreeSet<Integer> rows = new TreeSet<>();
    TreeSet<Integer> cols = new TreeSet<>();
    for (long seed = 1; seed <= 80; seed++) {
      FloatNdArray y = run(crop, true, seed, x);
      assertEquals(Shape.of(4, 5, 4, 2), y.shape());
      int[] ab = offsetOf(x, y);
      rows.add(ab[0]);
      cols.add(ab[1]);
    }
    assertEquals(List.of(0, 1, 2, 3, 4), List.copyOf(rows), "row offsets 0..H-height");
    assertEquals(List.of(0, 1, 2, 3, 4), List.copyOf(cols), "column offsets 0..W-width");
  }

  @Test
  void theSameSeedRepeats() {
    FloatNdArray x = counting(3, 9, 8, 2);
    RandomCrop crop = RandomCrop.of(4, 3);
    assertEquals(run(crop, true, 12, x), run(crop, true, 12, x), "the model's seed repeats");
    RandomCrop own = crop.seed(11);
    assertEquals(run(own, true, 1, x), run(own, true, 2, x), "the layer's seed wins");
  }

  /** Every path (random window, slice only, slice and resize, equal size) at inference. */
  @Test
  void inferenceReturnsTheInputItselfAtItsOwnSize() {
    FloatNdArray x = NdArrays.ofFloats(Shape.of(3, 5, 7, 2));
    noise(3, 5, 7, 2).copyTo(x);
    x.setFloat(Float.POSITIVE_INFINITY, 1, 2, 3, 0);
    x.setFloat(Float.NaN, 2, 4, 6, 1);
    for (RandomCrop crop : List.of(RandomCrop.of(3, 4), RandomCrop.of(5, 4), RandomCrop.of(3, 9),
        RandomCrop.of(6, 4), RandomCrop.of(5, 7), RandomCrop.of(9, 9))) {
      FloatNdArray y = run(crop, false, 4, x);
      assertEquals(x.shape(), y.shape(), crop.height() + "x" + crop.width());
      assertArrayEquals(flat(x), flat(y), crop.height() + "x" + crop.width() + " is the input");
    }
  }

  /** Not larger along both axes: Keras's fixed box, and the resize when the window is smaller. */
  @Test
  void trainingWithoutRoomToMoveIsDeterministic() {
    FloatNdArray x = counting(2, 5, 7, 2);
    FloatNdArray centred = run(RandomCrop.of(5, 4), true, 1, x);
    assertEquals(Shape.of(2, 5, 4, 2), centred.shape());
    assertArrayEquals(new int[] {0, 1}, offsetOf(x, centred), "the centred 5x4 box starts at (0, 1)");
    assertEquals(centred, run(RandomCrop.of(5, 4), true, 2, x), "no draw involved");
    assertArrayEquals(flat(x), flat(run(RandomCrop.of(5, 7), true, 3, x)), "equal size: identity");
    FloatNdArray stretched = run(RandomCrop.of(3, 9), true, 1, x);
    assertEquals(Shape.of(2, 3, 9, 2), stretched.shape(), "a 3x7 window resized to 3x9");
    assertEquals(x.getFloat(0, 1, 0, 0), stretched.getFloat(0, 0, 0, 0), 1e-5,
        "the window starts at row 1 (centred box of height 2), column 0");
  }

  @Test
  void declaresTheTargetShapeAndKeepsItsConfig() {
    RandomCrop crop = RandomCrop.of(3, 4);
    assertArrayEquals(new long[] {-1, 3, 4, 2},
        crop.outputShape("random_crop", Shape.of(-1, 5, 7, 2)).asArray());
    assertNull(crop.seed());
    assertEquals(9L, crop.seed(9).seed());
    Config config = crop.seed(9).getConfig();
    assertEquals(List.of("data_format", "height", "width", "seed"), List.copyOf(config.keys()));
    assertEquals(config, roundTrip(crop.seed(9)).getConfig());
    assertEquals(crop.getConfig(), roundTrip(crop).getConfig());
    Config keras = Config.builder().put("data_format", "channels_last").put("height", 5)
        .put("width", 4).put("seed", 75773043).build();
    RandomCrop read = (RandomCrop) KerasLayers.deserialize("RandomCrop", keras, "random_crop");
    assertEquals(75773043L, read.seed());
    assertEquals(5, read.height());
  }

  @Test
  void refusesBadSizesChannelsFirstAndUnknownImageSizes() {
    assertFails(() -> RandomCrop.of(0, 3), "RandomCrop", "height=0");
    assertFails(() -> RandomCrop.of(3, -2), "RandomCrop", "width=-2");
    Config channelsFirst = RandomCrop.of(3, 3).getConfig().toBuilder()
        .put("data_format", "channels_first").build();
    assertFails(() -> KerasLayers.deserialize("RandomCrop", channelsFirst, "crop"),
        "data_format=\"channels_first\"", "not supported");
    assertFails(() -> RandomCrop.of(3, 3).outputShape("crop", Shape.of(-1, -1, 7, 2)), "crop",
        "RandomCrop requires the input to have a fully defined height and width. "
            + "Received: images.shape=(None, None, 7, 2)");
    assertFails(() -> RandomCrop.of(3, 3).outputShape("crop", Shape.of(-1, 5, 7)), "crop",
        "rank 4");
  }

  /** The Dense before the crop learns: the gradient flows back through Slice and ResizeBilinear. */
  @Test
  void gradientsFlowThroughTheCrop() {
    for (RandomCrop crop : List.of(RandomCrop.of(4, 5).seed(3), RandomCrop.of(3, 9))) {
      Sequential spec = Sequential.of(Input.of(6, 7, 2), Dense.of(3).name("before"), crop,
          Conv2D.of(2, 3).name("conv"), GlobalAveragePooling2D.of(), Dense.of(1)).seed(5);
      try (Model model = spec.compile("sgd", "mean_squared_error")) {
        FloatNdArray x = noise(8, 6, 7, 2);
        FloatNdArray t = noise(8, 1);
        float[] before = model.weights().get("before/kernel");
        var history = model.fit(x, t, FitOptions.epochs(3).batchSize(4).verbose(0));
        Map<String, float[]> after = model.weights();
        assertFalse(java.util.Arrays.equals(before, after.get("before/kernel")),
            crop.width() + ": the weights before the crop change");
        assertTrue(history.get("loss").stream().allMatch(Double::isFinite), "finite losses");
        assertEquals(Shape.of(8, 1), model.predict(x, 4).shape(), "inference on the full images");
      }
    }
  }

  @Test
  void javadocExampleBuilds() {
    KerasTensor x = Input.of(40, 40, 3).tensor();
    KerasTensor y = RandomCrop.of(32, 32).seed(7).apply(x);
    assertNotNull(y);
  }

  private static FloatNdArray noise(long... shape) {
    Random r = new Random(42);
    float[] data = new float[(int) Shape.of(shape).size()];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) r.nextGaussian();
    }
    return HostArrays.of(data, shape);
  }

  private static float[] flat(FloatNdArray a) {
    return ImagePreprocessingGoldenTest.toArray(a);
  }
}

package io.tfbridge.preprocessing.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/** flow: batches, epochs, shuffling, seeds, subsets, as Keras's NumpyArrayIterator. */
class ImageFlowTest {
  private static final int N = 10;

  /** Image i is constant i + 1 (so flips leave it), y[i] = i + 1 (y and x stay aligned). */
  private static FloatNdArray images() {
    FloatNdArray x = NdArrays.ofFloats(Shape.of(N, 4, 5, 1));
    for (int i = 0; i < N; i++) {
      float value = i + 1;
      x.get(i).scalars().forEach(s -> s.setFloat(value));
    }
    return x;
  }

  private static FloatNdArray labels() {
    FloatNdArray y = NdArrays.ofFloats(Shape.of(N));
    for (int i = 0; i < N; i++) {
      y.setFloat(i + 1, i);
    }
    return y;
  }

  private static List<Float> ids(ImageBatch batch) {
    List<Float> ids = new ArrayList<>();
    for (long i = 0; i < batch.x().shape().size(0); i++) {
      assertEquals(batch.y().getFloat(i), batch.x().getFloat(i, 2, 3, 0), 1e-6);
      ids.add(batch.y().getFloat(i));
    }
    return ids;
  }

  @Test
  void batchesCoverEachEpochOnceInOrderWithoutShuffle() {
    ImageFlow flow = ImageDataGenerator.of().flow(images(), labels(), 4, false, null);
    assertEquals(3, flow.stepsPerEpoch());
    assertEquals(List.of(1f, 2f, 3f, 4f), ids(flow.next()));
    assertEquals(List.of(5f, 6f, 7f, 8f), ids(flow.next()));
    assertEquals(List.of(9f, 10f), ids(flow.next()));
    assertEquals(List.of(1f, 2f, 3f, 4f), ids(flow.next()));
  }

  @Test
  void shuffledAugmentedEpochsKeepLabelsAligned() {
    ImageFlow flow = ImageDataGenerator.of().horizontalFlip(true).verticalFlip(true)
        .flow(images(), labels(), 3, true, 7L);
    for (int epoch = 0; epoch < 2; epoch++) {
      List<Float> seen = new ArrayList<>();
      for (int step = 0; step < flow.stepsPerEpoch(); step++) {
        seen.addAll(ids(flow.next()));
      }
      assertEquals(N, seen.size());
      assertEquals(N, seen.stream().distinct().count());
    }
  }

  @Test
  void aSeededFlowRepeats() {
    ImageDataGenerator gen = ImageDataGenerator.of().rotationRange(30).zoomRange(0.2);
    FloatNdArray x = DatagenGolden.array("images/fit_features.npy");
    ImageBatch a = gen.flow(x, null, 5, true, 11L).next();
    ImageBatch b = gen.flow(x, null, 5, true, 11L).next();
    ImageBatch c = gen.flow(x, null, 5, true, 12L).next();
    assertNull(a.y());
    ImageDataGeneratorGoldenTest.assertClose(a.x(), b.x(), 0, "same seed");
    assertNotEquals(0.0, DatagenGolden.maxDifference(a.x(), c.x()));
  }

  @Test
  void batchesAreStandardizedAfterAugmentation() {
    FloatNdArray x = images();
    ImageBatch batch = ImageDataGenerator.of().rescale(0.5).samplewiseCenter(true)
        .flow(x, labels(), 10, false, null).next();
    assertEquals(0, batch.x().getFloat(4, 1, 1, 0), 1e-6);
  }

  @Test
  void subsetsSplitAsKeras() {
    ImageDataGenerator gen = ImageDataGenerator.of().validationSplit(0.3);
    FloatNdArray y = NdArrays.ofFloats(Shape.of(N));
    for (int i = 0; i < N; i++) {
      y.setFloat(i % 2, i);
    }
    ImageFlow validation = gen.flow(images(), y, 32, false, null, "validation");
    ImageFlow training = gen.flow(images(), y, 32, false, null, "training");
    assertEquals(3, validation.samples());
    assertEquals(7, training.samples());
    assertEquals(1f, validation.next().x().getFloat(0, 0, 0, 0));
    assertEquals(4f, training.next().x().getFloat(0, 0, 0, 0));
    assertEquals("Training and validation subsets have different number of classes after the"
        + " split. If your numpy arrays are sorted by the label, you might want to shuffle them.",
        assertThrows(IllegalArgumentException.class,
            () -> gen.flow(images(), labels(), 4, false, null, "training")).getMessage());
    assertEquals("Invalid subset name: test; expected \"training\" or \"validation\".",
        assertThrows(IllegalArgumentException.class,
            () -> gen.flow(images(), y, 4, false, null, "test")).getMessage());
  }

  @Test
  void badFlowsFail() {
    ImageDataGenerator gen = ImageDataGenerator.of();
    assertThrows(IllegalArgumentException.class,
        () -> gen.flow(NdArrays.ofFloats(Shape.of(3, 4, 4)), null, 2, false, null));
    assertThrows(IllegalArgumentException.class,
        () -> gen.flow(images(), NdArrays.ofFloats(Shape.of(3)), 2, false, null));
    assertThrows(IllegalArgumentException.class, () -> gen.flow(images(), null, 0, false, null));
  }

  /** The lesson's {@code model.fit(datagen.flow(x, y))}: fit reads the flow as a BatchSequence. */
  @Test
  void modelFitTrainsOnAFlow() {
    FloatNdArray y = NdArrays.ofFloats(Shape.of(N, 2));
    for (int i = 0; i < N; i++) {
      y.setFloat(1, i, i % 2);
    }
    ImageFlow flow = ImageDataGenerator.of().rotationRange(20).horizontalFlip(true)
        .rescale(0.1).flow(images(), y, 4, true, 5L);
    try (io.tfbridge.models.Model model = io.tfbridge.models.Sequential.of(
        io.tfbridge.layers.Input.of(4, 5, 1), io.tfbridge.layers.Flatten.of(),
        io.tfbridge.layers.Dense.of(2).activation("softmax")).seed(1)
        .compile("adam", "categorical_crossentropy")) {
      var history = model.fit(flow, io.tfbridge.models.FitOptions.epochs(2).verbose(0));
      assertEquals(2, history.get("loss").size());
      assertTrue(Double.isFinite(history.get("loss").get(1)));
    }
    assertEquals(3, flow.size());
  }

  @Test
  void aClosedFlowRefusesBatchesAndClosingTwiceIsHarmless() {
    ImageFlow flow = ImageDataGenerator.of().rotationRange(10).flow(images(), labels(), 4, false, 1L);
    flow.get(0);
    flow.close();
    flow.close();
    var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> flow.get(1));
    assertEquals("the flow is closed", e.getMessage());
  }
}

package io.tfbridge.preprocessing.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.callbacks.History;
import io.tfbridge.data.DataBatch;
import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Flatten;
import io.tfbridge.layers.Input;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flow_from_directory's batches: images and labels in Keras's order, shuffling, and training. */
class DirectoryIteratorTest {
  private static final Path TREE = tree();
  private static final ImageDirectory ALL = ImageDirectory.scan(TREE, List.of(), false, 0, null);

  private static DirectoryIterator iterator(String classMode, boolean shuffle, long seed) {
    return new DirectoryIterator(ALL, "grayscale", 4, 4, classMode, 3, shuffle, seed,
        null);
  }

  @Test
  void batchesHoldTheImagesAndLabelsInListingOrder() {
    DirectoryIterator it = iterator("sparse", false, 0);
    assertEquals(4, it.size());
    int sample = 0;
    for (int b = 0; b < it.size(); b++) {
      DataBatch batch = it.get(b);
      float[] x = HostArrays.toFlat(batch.inputs().get(0));
      float[] y = HostArrays.toFlat(batch.targets().get(0));
      assertEquals(b < 3 ? 3 : 1, y.length);
      for (int i = 0; i < y.length; i++, sample++) {
        assertEquals(ALL.labels()[sample], y[i]);
        float[] image = HostArrays.toFlat(ImageFiles.load(ALL.files().get(sample), "grayscale", 4, 4));
        float[] got = java.util.Arrays.copyOfRange(x, i * 16, i * 16 + 16);
        assertArrayEquals(image, got, ALL.files().get(sample).toString());
      }
    }
  }

  @Test
  void categoricalLabelsAreOneHot() {
    DataBatch batch = iterator("categorical", false, 0).get(1);
    assertArrayEquals(new long[] {3, 3}, batch.targets().get(0).shape().asArray());
    float[] y = HostArrays.toFlat(batch.targets().get(0));
    for (int i = 0; i < 3; i++) {
      assertEquals(1f, y[i * 3 + ALL.labels()[3 + i]]);
    }
  }

  @Test
  void shufflingDrawsANewPermutationEachEpochFromTheSeed() {
    List<Float> first = firstLabels(iterator("sparse", true, 5));
    assertEquals(first, firstLabels(iterator("sparse", true, 5)));
    DirectoryIterator it = iterator("sparse", true, 5);
    List<Float> epoch1 = labels(it);
    it.onEpochEnd();
    List<Float> epoch2 = labels(it);
    assertNotEquals(epoch1, epoch2);
    assertEquals(sorted(epoch1), sorted(epoch2));
    assertEquals(sorted(labels(iterator("sparse", false, 0))), sorted(epoch1));
  }

  @Test
  void trainsAModel() {
    try (Model model = Sequential.of(Input.of(4, 4, 1), Flatten.of(),
        Dense.of(3).activation("softmax")).seed(2)
        .compile("adam", "sparse_categorical_crossentropy", "accuracy")) {
      History h = model.fit(iterator("sparse", true, 1), FitOptions.epochs(3).verbose(0));
      assertEquals(3, h.get("loss").size());
      assertTrue(h.get("loss").stream().allMatch(l -> Double.isFinite(l)));
    }
  }

  @Test
  void flowFromDirectoryAugmentsEachBatchRepeatablyFromTheSeed() {
    ImageDataGenerator gen = ImageDataGenerator.of().rotationRange(30).zoomRange(0.2)
        .horizontalFlip(true).rescale(1 / 255.0);
    float[] first = HostArrays.toFlat(gen.flowFromDirectory(TREE, 6, 5, "rgb", "categorical", 4,
        true, 3, null).get(0).inputs().get(0));
    float[] again = HostArrays.toFlat(gen.flowFromDirectory(TREE, 6, 5, "rgb", "categorical", 4,
        true, 3, null).get(0).inputs().get(0));
    assertArrayEquals(first, again);
    float[] plain = HostArrays.toFlat(ImageDataGenerator.of().rescale(1 / 255.0)
        .flowFromDirectory(TREE, 6, 5, "rgb", "categorical", 4, true, 3, null).get(0).inputs()
        .get(0));
    assertEquals(first.length, plain.length);
    assertNotEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(plain));
    for (float v : first) {
      assertTrue(v >= 0 && v <= 1, "rescaled into [0, 1]: " + v);
    }
  }

  @Test
  void badTreesAndOptionsAreRefused(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("empty/a"));
    ImageDirectory empty = ImageDirectory.scan(tmp.resolve("empty"), List.of(), false, 0, null);
    var e = assertThrows(IllegalArgumentException.class, () -> new DirectoryIterator(empty,
        "rgb", 4, 4, "sparse", 2, false, 0, null));
    assertTrue(e.getMessage().contains("holds no images (Found 0 images belonging to 1 classes."),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new DirectoryIterator(ALL, "rgb", 4, 4,
        "multi", 2, false, 0, null));
    assertTrue(e.getMessage().startsWith("Invalid class_mode: multi"), e.getMessage());
    Files.createDirectories(tmp.resolve("broken/a"));
    Path bad = Files.writeString(tmp.resolve("broken/a/x.png"), "not a png");
    DirectoryIterator broken = new DirectoryIterator(
        ImageDirectory.scan(tmp.resolve("broken"), List.of(), false, 0, null), "rgb", 4, 4,
        "sparse", 2, false, 0, null);
    e = assertThrows(IllegalArgumentException.class, () -> broken.get(0));
    assertTrue(e.getMessage().startsWith(bad + ": not a readable image"), e.getMessage());
  }

  private static List<Float> firstLabels(DirectoryIterator it) {
    List<Float> out = new ArrayList<>();
    for (float v : HostArrays.toFlat(it.get(0).targets().get(0))) {
      out.add(v);
    }
    return out;
  }

  private static List<Float> labels(DirectoryIterator it) {
    List<Float> out = new ArrayList<>();
    for (int b = 0; b < it.size(); b++) {
      for (float v : HostArrays.toFlat(it.get(b).targets().get(0))) {
        out.add(v);
      }
    }
    return out;
  }

  private static List<Float> sorted(List<Float> values) {
    return values.stream().sorted().toList();
  }

  private static Path tree() {
    try {
      return Path.of(DirectoryIteratorTest.class.getResource("/image_files/tree").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

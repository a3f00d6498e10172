package io.tfbridge.preprocessing.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/** Keras's array_to_img/save_img and the flow's save_to_dir. */
class SavedImagesTest {
  @TempDir Path tmp;

  @Test
  void scaledImagesSpanZeroTo255AsKerasArrayToImg() {
    // x - min = {0, 1, 2, 0.5}, / 2, * 255 = {0, 127.5, 255, 63.75}, truncated
    FloatNdArray x = HostArrays.of(new float[] {-1, 0, 1, -0.5f}, 2, 2, 1);
    int[] pixels = SavedImages.toImage(x, true).getRaster().getPixels(0, 0, 2, 2, (int[]) null);
    assertArrayEquals(new int[] {0, 127, 255, 63}, pixels);
    FloatNdArray raw = HostArrays.of(new float[] {-4, 12.9f, 300, 255}, 2, 2, 1);
    assertArrayEquals(new int[] {0, 12, 255, 255},
        SavedImages.toImage(raw, false).getRaster().getPixels(0, 0, 2, 2, (int[]) null));
  }

  @Test
  void savedRgbFilesLoadBackWithTheirValues() {
    float[] values = new float[3 * 4 * 3];
    for (int i = 0; i < values.length; i++) {
      values[i] = i * 7;
    }
    FloatNdArray x = HostArrays.of(values, 3, 4, 3);
    Path file = tmp.resolve("rgb.png");
    SavedImages.save(file, x, "png", false);
    assertArrayEquals(values, HostArrays.toFlat(ImageFiles.load(file, "rgb", 0, 0)));
  }

  @Test
  void badArraysAndFormatsLeaveNoFile() throws IOException {
    FloatNdArray twoChannels = HostArrays.of(new float[8], 2, 2, 2);
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SavedImages.save(tmp.resolve("a.png"), twoChannels, "png", true)).getMessage()
        .contains("1, 3 or 4 channels. Got array with shape: [2, 2, 2]"));
    FloatNdArray rgba = HostArrays.of(new float[16], 2, 2, 4);
    assertThrows(IllegalArgumentException.class,
        () -> SavedImages.save(tmp.resolve("a.jpeg"), rgba, "jpeg", true));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.toList());
    }
  }

  @Test
  void aFlowSavesEachAugmentedImageWithoutChangingItsDraws() throws IOException {
    FloatNdArray x = DatagenGolden.array("images/fit_features.npy");
    ImageDataGenerator g = ImageDataGenerator.of().rotationRange(20).horizontalFlip(true);
    FloatNdArray plain;
    FloatNdArray saved;
    try (ImageFlow a = g.flow(x, null, 4, true, 9L);
        ImageFlow b = g.flow(x, null, 4, true, 9L).saveToDir(tmp, "aug", "png")) {
      plain = a.next().x();
      saved = b.next().x();
    }
    assertArrayEquals(HostArrays.toFlat(plain), HostArrays.toFlat(saved));
    try (Stream<Path> files = Files.list(tmp)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(4, names.size(), names::toString);
      names.forEach(n -> assertTrue(n.matches("aug_\\d+_\\d{1,4}\\.png"), n));
    }
    assertTrue(assertThrows(IllegalArgumentException.class, () -> g.flow(x, null, 4, true, 9L)
        .saveToDir(tmp.resolve("none"), "", "png")).getMessage().contains("not a directory"));
  }
}

package io.tfbridge.preprocessing.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfbridge.data.HostArrays;
import io.tfbridge.data.Npy;
import io.tfbridge.data.NpyArray;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images loaded as Keras's {@code load_img} + {@code img_to_array} load them, and trees listed as
 * {@code flow_from_directory} lists them, against the files {@code make_image_files_golden.py} made
 * with Keras 3.15 and Pillow: PNG and BMP exactly, JPEG within 2 of 255 (ImageIO's decoder and
 * libjpeg-turbo's round differently).
 */
class ImageFilesTest {
  private static final Path ROOT = root();
  private static final Path TREE = ROOT.resolve("tree");

  @TestFactory
  Stream<DynamicTest> loadsAsKeras() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> golden = Files.list(ROOT.resolve("load")).sorted()) {
      for (Path npy : golden.toList()) {
        String[] parts = npy.getFileName().toString().replace(".npy", "").split("__");
        tests.add(DynamicTest.dynamicTest(npy.getFileName().toString(),
            () -> checkLoad(npy, parts[0], parts[1], parts[2])));
      }
    }
    assertTrue(tests.size() >= 60, "golden files found: " + tests.size());
    return tests.stream();
  }

  private static void checkLoad(Path npy, String stem, String mode, String size) throws IOException {
    Path file = find(stem);
    String[] hw = size.split("x");
    NpyArray expected = Npy.read(npy);
    var actual = ImageFiles.load(file, mode, Integer.parseInt(hw[0]), Integer.parseInt(hw[1]));
    assertArrayEquals(expected.shape(), actual.shape().asArray(), file + " shape");
    float[] want = expected.toFloats();
    float[] got = HostArrays.toFlat(actual);
    double tolerance = file.toString().matches(".*\\.jpe?g") ? 2 : 0;
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], tolerance, file + " " + mode + " " + size + " value " + i);
    }
  }

  @Test
  void listsTheTreeAsFlowFromDirectory() throws IOException {
    JsonNode listing = new ObjectMapper().readTree(ROOT.resolve("listing.json").toFile());
    for (String subset : new String[] {"all", "training", "validation"}) {
      ImageDirectory tree = ImageDirectory.scan(TREE, List.of(), false, 0.34,
          subset.equals("all") ? null : subset);
      JsonNode expected = listing.get(subset);
      List<String> names = tree.files().stream()
          .map(f -> TREE.relativize(f).toString().replace('\\', '/')).toList();
      assertEquals(strings(expected.get("filenames")), names, subset);
      int[] classes = new int[expected.get("classes").size()];
      for (int i = 0; i < classes.length; i++) {
        classes[i] = expected.get("classes").get(i).asInt();
      }
      assertArrayEquals(classes, tree.labels(), subset);
      expected.get("class_indices").fields().forEachRemaining(
          e -> assertEquals(e.getValue().asInt(), tree.classIndices().get(e.getKey())));
    }
  }

  @Test
  void badInputsNameTheProblem(@TempDir Path tmp) throws IOException {
    Path text = Files.writeString(tmp.resolve("x.png"), "not a png");
    var e = assertThrows(IllegalArgumentException.class, () -> ImageFiles.load(text, "rgb", 0, 0));
    assertTrue(e.getMessage().startsWith(text + ": not a readable image"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ImageFiles.load(find("a_rgb"), "hsv", 0, 0));
    assertEquals("Invalid color mode: hsv; expected \"rgb\", \"rgba\", or \"grayscale\".",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ImageDirectory.scan(tmp.resolve("none"), List.of(), false, 0, null));
    assertTrue(e.getMessage().contains("is not a directory"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ImageDirectory.scan(TREE, List.of(), false, 0.2, "test"));
    assertTrue(e.getMessage().startsWith("Invalid subset name: test"), e.getMessage());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Path find(String stem) throws IOException {
    try (Stream<Path> walk = Files.walk(TREE)) {
      return walk.filter(p -> p.getFileName().toString().startsWith(stem + "."))
          .findFirst().orElseThrow(() -> new AssertionError("no file " + stem + " in " + TREE));
    }
  }

  private static Path root() {
    try {
      return Path.of(ImageFilesTest.class.getResource("/image_files").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

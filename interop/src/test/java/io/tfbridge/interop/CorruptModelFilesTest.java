package io.tfbridge.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.data.Npy;
import io.tfbridge.inference.Predictor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Loading a damaged model file never crashes the JVM and never half-loads: seeded truncations, bit
 * flips and zeroed ranges of a Keras-made {@code .keras}, {@code .h5} and SavedModel each end in an
 * IllegalArgumentException naming the file, or load and predict exactly as the intact file (a
 * flipped bit in a timestamp). A {@code .keras} file never loads with changed weights (its entries'
 * CRC-32s are checked). {@code -Dtfbridge.corrupt.count=N} sets the files per format (default 30;
 * the 500-file run: 167).
 */
class CorruptModelFilesTest {
  private static final int COUNT = Integer.getInteger("tfbridge.corrupt.count", 30);
  private static final Path KERAS = Path.of("src/test/resources/keras/iris");
  private static final Path SAVED_MODEL = Path.of("src/test/resources/savedmodel/iris_mlp");

  @TempDir
  Path tmp;

  /** What became of the damaged files of one format. */
  private record Outcomes(List<String> refused, List<String> intact, List<String> changed,
      List<String> unclear) {
    Outcomes() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    String summary(String format) {
      return String.format("%s: %d damaged files, %d refused with a message naming the file, %d "
          + "loaded and predicted as the intact file, %d loaded with other predictions, %d unclear",
          format, refused.size() + intact.size() + changed.size() + unclear.size(), refused.size(),
          intact.size(), changed.size(), unclear.size());
    }
  }

  @Test
  void damagedKerasFilesAreRefusedAndNeverLoadChangedWeights() throws IOException {
    Outcomes o = run(KERAS.resolve("model.keras"), "model.keras", KERAS.resolve("x.npy"), 11);
    assertEquals(List.of(), o.unclear(), o.summary(".keras"));
    assertEquals(List.of(), o.changed(), o.summary(".keras"));
  }

  @Test
  void damagedH5FilesAreRefusedWithClearMessages() throws IOException {
    Outcomes o = run(KERAS.resolve("model.h5"), "model.h5", KERAS.resolve("x.npy"), 12);
    assertEquals(List.of(), o.unclear(), o.summary(".h5"));
  }

  @Test
  void damagedSavedModelsAreRefusedWithClearMessages() throws IOException {
    Outcomes o = run(SAVED_MODEL.resolve("model"), "model", SAVED_MODEL.resolve(
        "x_keras_tensor.npy"), 13);
    assertEquals(List.of(), o.unclear(), o.summary("SavedModel"));
    assertTrue(o.refused().size() > COUNT / 2, o.summary("SavedModel"));
  }

  private Outcomes run(Path source, String name, Path input, long seed) throws IOException {
    FloatNdArray x = HostArrays.of(Npy.read(input).toFloatMatrix());
    float[] expected = predictions(source, x);
    Random random = new Random(seed);
    Outcomes outcomes = new Outcomes();
    for (int i = 0; i < COUNT; i++) {
      Path copy = copy(source, tmp.resolve("case" + i).resolve(name));
      String damage = damage(pick(copy, random), random);
      classify(copy, damage, x, expected, outcomes);
    }
    System.out.println(outcomes.summary(name) + (outcomes.changed().isEmpty() ? ""
        : "; changed: " + outcomes.changed()));
    return outcomes;
  }

  private static void classify(Path copy, String damage, FloatNdArray x, float[] expected,
      Outcomes outcomes) {
    try {
      float[] got = predictions(copy, x);
      (Arrays.equals(got, expected) ? outcomes.intact() : outcomes.changed()).add(damage);
    } catch (IllegalArgumentException e) {
      boolean named = e.getMessage() != null && e.getMessage().contains(copy.toString());
      (named ? outcomes.refused() : outcomes.unclear()).add(damage + " -> " + e);
    } catch (RuntimeException | IOException e) {
      outcomes.unclear().add(damage + " -> " + e + " at " + Arrays.stream(e.getStackTrace())
          .limit(6).map(String::valueOf).toList());
    }
  }

  private static float[] predictions(Path model, FloatNdArray x) throws IOException {
    try (Predictor p = ModelFiles.open(model)) {
      FloatNdArray y = p.predict(x);
      float[] values = new float[(int) y.size()];
      y.scalars().forEachIndexed((idx, v) -> values[flat(idx, y)] = v.getFloat());
      return values;
    }
  }

  private static int flat(long[] idx, FloatNdArray y) {
    long i = 0;
    for (int d = 0; d < idx.length; d++) {
      i = i * y.shape().get(d) + idx[d];
    }
    return (int) i;
  }

  /** A file of the copy to damage: the file itself, or one file of a SavedModel directory. */
  private static Path pick(Path copy, Random random) throws IOException {
    if (!Files.isDirectory(copy)) {
      return copy;
    }
    try (Stream<Path> files = Files.walk(copy)) {
      List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
      return all.get(random.nextInt(all.size()));
    }
  }

  /** Truncates, flips bits in, or zeroes a range of {@code file}; returns what it did. */
  private static String damage(Path file, Random random) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String what;
    switch (random.nextInt(3)) {
      case 0 -> {
        int length = random.nextInt(Math.max(1, bytes.length));
        bytes = Arrays.copyOf(bytes, length);
        what = "truncated to " + length;
      }
      case 1 -> {
        int at = random.nextInt(bytes.length);
        bytes[at] ^= (byte) (1 << random.nextInt(8));
        what = "bit flipped at " + at;
      }
      default -> {
        int at = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, at + 1 + random.nextInt(256));
        Arrays.fill(bytes, at, to, (byte) 0);
        what = "zeroed " + at + ".." + to;
      }
    }
    Files.write(file, bytes);
    return file.getFileName() + " " + what;
  }

  private static Path copy(Path source, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    if (!Files.isDirectory(source)) {
      return Files.copy(source, target);
    }
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return target;
  }
}

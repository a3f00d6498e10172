package io.tfbridge.interop.savedmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfbridge.interop.npy.NpyFiles;
import io.tfbridge.interop.npy.NpyNdArrays;
import io.tfbridge.interop.tensors.HostTensors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tensorflow.ndarray.NdArray;

/**
 * The SavedModels {@code models/python/make_savedmodels.py} made with real Keras and TensorFlow
 * (committed under {@code src/test/resources/savedmodel}), read through its manifest.json: per case
 * and signature the input and output names, dtypes, shapes and .npy files.
 */
final class GoldenSavedModels {
  /** Float outputs must equal TensorFlow's within this. */
  static final double TOLERANCE = 1e-5;

  private final Path root;
  private final JsonNode manifest;

  GoldenSavedModels(Path root) {
    this.root = root;
    try {
      this.manifest = new ObjectMapper().readTree(root.resolve("manifest.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The committed golden files. */
  static GoldenSavedModels committed() {
    try {
      Path manifest = Path.of(
          GoldenSavedModels.class.getResource("/savedmodel/manifest.json").toURI());
      return new GoldenSavedModels(manifest.getParent());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One signature of one case. */
  record Case(String name, String kind, Path model, String signature, JsonNode entry) {
    @Override
    public String toString() {
      return name + "/" + signature;
    }
  }

  /** Every case and signature. */
  List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    manifest.get("cases").fields().forEachRemaining(c -> c.getValue().get("signatures").fields()
        .forEachRemaining(s -> cases.add(new Case(c.getKey(), c.getValue().get("kind").asText(),
            root.resolve(c.getValue().get("model").asText()), s.getKey(), s.getValue()))));
    return cases;
  }

  Stream<Case> stream() {
    return cases().stream();
  }

  /** The model directory of a case. */
  Path model(String name) {
    return root.resolve(manifest.get("cases").get(name).get("model").asText());
  }

  /** The inputs of a case's signature, read from their .npy files. */
  Map<String, NdArray<?>> inputs(Case c) {
    return arrays(c, "inputs");
  }

  /** The outputs TensorFlow gave, read from their .npy files. */
  Map<String, NdArray<?>> expected(Case c) {
    return arrays(c, "outputs");
  }

  private Map<String, NdArray<?>> arrays(Case c, String which) {
    Map<String, NdArray<?>> arrays = new LinkedHashMap<>();
    c.entry().get(which).fields().forEachRemaining(e -> {
      Path file = c.model().getParent().resolve(e.getValue().get("file").asText());
      try {
        arrays.put(e.getKey(), NpyFiles.read(file));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    });
    return arrays;
  }

  /** Asserts equal shapes and values: floats within {@link #TOLERANCE}, the rest exactly. */
  static void assertClose(String what, NdArray<?> expected, NdArray<?> actual) {
    assertEquals(expected.shape(), actual.shape(), what + " shape");
    assertEquals(HostTensors.dtypeOf(expected), HostTensors.dtypeOf(actual), what + " dtype");
    Object e = data(expected);
    Object a = data(actual);
    if (e instanceof float[] ef) {
      assertArrayEquals(ef, (float[]) a, (float) TOLERANCE, what);
    } else if (e instanceof double[] ed) {
      assertArrayEquals(ed, (double[]) a, TOLERANCE, what);
    } else {
      assertEquals(List.of((Object[]) e), List.of((Object[]) a), what);
    }
  }

  private static Object data(NdArray<?> array) {
    if (array.streamOfObjects().findFirst().orElse(null) instanceof String || array.size() == 0) {
      return array.streamOfObjects().toArray();
    }
    Object data = NpyNdArrays.toNpy(array).data();
    if (data instanceof float[] || data instanceof double[]) {
      return data;
    }
    int n = java.lang.reflect.Array.getLength(data);
    Object[] boxed = new Object[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = java.lang.reflect.Array.get(data, i);
    }
    return boxed;
  }

  /** A copy of a case's model directory under {@code dir}. */
  static Path copy(Path model, Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(model)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = dir.resolve(model.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return dir;
  }
}

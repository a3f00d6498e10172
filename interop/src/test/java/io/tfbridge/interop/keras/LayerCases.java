package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfbridge.activations.Activation;
import io.tfbridge.data.HostArrays;
import io.tfbridge.data.Npy;
import io.tfbridge.data.NpyArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * The layer golden cases {@code models/python/make_layer_golden.py} writes: one directory per case
 * under {@code src/test/resources/layers/}, or under {@code $TFBRIDGE_LAYER_GOLDEN} when set (CI points
 * it at files freshly made by the pinned Keras).
 */
final class LayerCases {
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    ScaleShift.register(); // the custom class and function of layer_cases/custom.py
    Activation.register("tfbridge_test>gelu_tanh", Activation.Formula.GELU_APPROXIMATE);
  }

  private LayerCases() {}

  /** One case: its directory and case.json. */
  record LayerCase(Path dir, JsonNode meta) {
    String name() {
      return dir.getFileName().toString();
    }

    Path file(String name) {
      return dir.resolve(name);
    }

    int batch() {
      return meta.path("batch").asInt();
    }

    double tolerance() {
      return meta.path("tolerance").asDouble(1e-5);
    }

    boolean train() {
      return meta.path("train").asBoolean(true);
    }

    int outputs() {
      return meta.path("outputs").asInt(1);
    }

    /** The inputs {@code x_<i>.npy} in the model's input order, as float arrays. */
    List<FloatNdArray> inputs() {
      List<FloatNdArray> xs = new ArrayList<>();
      for (int i = 0; i < meta.path("inputs").size(); i++) {
        xs.add(npy(file("x_" + i + ".npy")));
      }
      return xs;
    }

    /** {@code y.npy}, or {@code y_<j>.npy} of output j. */
    FloatNdArray output(String prefix, int j) {
      return npy(file(outputs() == 1 ? prefix + ".npy" : prefix + "_" + j + ".npy"));
    }

    /** The weights after the training step, in get_weights() order. */
    List<float[]> weightsAfterStep() {
      List<float[]> ws = new ArrayList<>();
      for (int k = 0; Files.exists(file("w1_" + k + ".npy")); k++) {
        ws.add(HostArrays.toFlat(npy(file("w1_" + k + ".npy"))));
      }
      return ws;
    }

    @Override
    public String toString() {
      return name();
    }
  }

  /** Every case, sorted by name. */
  static Stream<LayerCase> all() {
    try (Stream<Path> dirs = Files.list(root())) {
      return dirs.filter(d -> Files.exists(d.resolve("case.json"))).sorted()
          .map(d -> new LayerCase(d, readJson(d.resolve("case.json")))).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path root() {
    String fresh = System.getenv("TFBRIDGE_LAYER_GOLDEN");
    if (fresh != null && !fresh.isBlank()) {
      return Path.of(fresh);
    }
    try {
      return Path.of(LayerCases.class.getResource("/layers").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An {@code .npy} file (float or integer) as a float array of its shape. */
  static FloatNdArray npy(Path file) {
    return KerasTestData.npy(file);
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

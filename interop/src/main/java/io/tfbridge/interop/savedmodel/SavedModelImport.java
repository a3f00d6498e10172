package io.tfbridge.interop.savedmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.models.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.exceptions.TFUnimplementedException;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Loads a SavedModel that {@link SavedModelExport} wrote back as a compiled Java {@link Model}: the
 * architecture and compile settings from {@code assets.extra/keras_config.json} (the config.json of
 * a {@code .keras} file), the weights, optimizer slots and iteration count from the SavedModel's
 * variables, found through {@code assets.extra/keras_variables.json} (each Keras path's graph op
 * name). A SavedModel made elsewhere (Keras 3 {@code model.export}, {@code tf.saved_model.save})
 * holds a TensorFlow graph but no Keras architecture, and is refused: run it with
 * {@link SavedModels#load} instead.
 *
 * <pre>{@code
 * try (Model model = SavedModelImport.load(Path.of("export/iris"))) {
 *   KerasFiles.save(model, Path.of("iris.keras"));
 * }
 * }</pre>
 */
public final class SavedModelImport {
  /** Where an export keeps the model's Keras config.json, relative to the SavedModel directory. */
  public static final String KERAS_CONFIG = "assets.extra/keras_config.json";
  /** Where an export keeps each variable's graph op name by Keras path. */
  public static final String KERAS_VARIABLES = "assets.extra/keras_variables.json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SavedModelImport() {}

  /** True if {@code dir} holds the Keras architecture {@link SavedModelExport} writes. */
  public static boolean holdsKerasModel(Path dir) {
    return Files.isRegularFile(dir.resolve(KERAS_CONFIG));
  }

  /**
   * The compiled model of a SavedModel {@link SavedModelExport} wrote, with its weights and its
   * optimizer's state.
   *
   * @return a compiled model the caller closes
   * @throws IllegalArgumentException naming {@code dir} if it is not a loadable SavedModel, holds no
   *     Keras architecture, or its variables do not fit the architecture
   */
  public static Model load(Path dir) {
    SavedModelDirectory savedModel = SavedModelDirectory.open(dir);
    if (!holdsKerasModel(dir)) {
      throw new IllegalArgumentException(noKerasModel(dir));
    }
    Map<String, String> opNames = opNames(dir);
    Model model = KerasFiles.fromConfig(read(dir.resolve(KERAS_CONFIG)), dir.resolve(KERAS_CONFIG));
    try (SavedModelBundle bundle = savedModel.load(SavedModels.SERVE)) {
      restore(dir, model, bundle.session(), opNames);
      return model;
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** The refusal for a SavedModel without {@link #KERAS_CONFIG}. */
  static String noKerasModel(Path dir) {
    return "SavedModel " + dir + " holds no Keras architecture (no " + KERAS_CONFIG + "; only "
        + "SavedModels tfbridge exported have one, while Keras's model.export and "
        + "tf.saved_model.save write a TensorFlow graph alone). Convert the model's .keras or .h5 "
        + "file instead, or run this SavedModel as it is (SavedModels.load, `tfbridge predict`).";
  }

  private static void restore(Path dir, Model model, Session session, Map<String, String> opNames) {
    Map<String, float[]> expected = new LinkedHashMap<>(model.weights());
    expected.putAll(model.graph().optimizerWeights());
    Set<String> paths = model.graph().variableNames().keySet();
    if (!paths.equals(opNames.keySet())) {
      List<String> missing = new ArrayList<>(paths);
      missing.removeAll(opNames.keySet());
      List<String> extra = new ArrayList<>(opNames.keySet());
      extra.removeAll(paths);
      throw new IllegalArgumentException("SavedModel " + dir + ": " + KERAS_VARIABLES
          + " does not match the model " + KERAS_CONFIG + " describes (missing " + missing
          + ", unexpected " + extra + ")");
    }
    List<String> order = new ArrayList<>(paths);
    Session.Runner runner = session.runner();
    order.forEach(path -> runner.fetch(opNames.get(path)));
    Map<String, float[]> values = new LinkedHashMap<>();
    long iterations = 0;
    try (Result result = runner.run()) {
      for (int i = 0; i < order.size(); i++) {
        String path = order.get(i);
        Tensor t = result.get(i);
        if (expected.containsKey(path)) {
          values.put(path, floats(dir, path, opNames.get(path), t, expected.get(path).length));
        } else if (t instanceof TInt64 counter) {
          iterations = counter.getLong();
        } else {
          throw new IllegalArgumentException("SavedModel " + dir + ": variable '"
              + opNames.get(path) + "' (" + path + ") is not the int64 step counter");
        }
      }
    } catch (TensorFlowException | TFInvalidArgumentException | TFUnimplementedException e) {
      throw new IllegalArgumentException("SavedModel " + dir + ": cannot read its variables "
          + opNames.values() + ": " + e.getMessage(), e);
    }
    model.graph().setWeights(values);
    model.graph().setIterations(iterations);
  }

  private static float[] floats(Path dir, String path, String op, Tensor t, int size) {
    if (!(t instanceof TFloat32 f) || f.size() != size) {
      throw new IllegalArgumentException("SavedModel " + dir + ": variable '" + op + "' (" + path
          + ") is " + t.dataType() + " " + t.shape() + ", but the model's config implies "
          + size + " float32 values");
    }
    float[] data = new float[size];
    f.asRawTensor().data().asFloats().read(data);
    return data;
  }

  private static Map<String, String> opNames(Path dir) {
    Path file = dir.resolve(KERAS_VARIABLES);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("SavedModel " + dir + " has " + KERAS_CONFIG + " but no "
          + KERAS_VARIABLES + ", which names its variables; re-export it with tfbridge");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(read(file));
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + " is not a JSON object");
    }
    Map<String, String> names = new LinkedHashMap<>();
    root.fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
    return names;
  }

  /** The {@link #KERAS_VARIABLES} text of {@code model}. */
  static String variablesJson(Model model) {
    try {
      return MAPPER.writeValueAsString(model.graph().variableNames());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}

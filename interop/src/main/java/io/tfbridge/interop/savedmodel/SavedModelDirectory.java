package io.tfbridge.interop.savedmodel;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TextFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.exceptions.TFUnimplementedException;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedObject;

/**
 * A SavedModel directory checked before TensorFlow loads it, so that each way it can be broken
 * gives a message naming the directory and the problem: no such directory, no
 * {@code saved_model.pb}, an unreadable one, no meta graph with the wanted tag, or variables the
 * graph needs but {@code variables/} does not hold (TensorFlow would load it and fail on the first
 * prediction with "Could not find variable").
 */
final class SavedModelDirectory {
  private static final Set<String> VARIABLE_OPS = Set.of("VariableV2", "Variable", "VarHandleOp");

  private final Path dir;
  private final SavedModel proto;

  private SavedModelDirectory(Path dir, SavedModel proto) {
    this.dir = dir;
    this.proto = proto;
  }

  /** True if {@code dir} is a directory holding {@code saved_model.pb} (or {@code .pbtxt}). */
  static boolean isSavedModel(Path dir) {
    return Files.isDirectory(dir) && (Files.isRegularFile(dir.resolve("saved_model.pb"))
        || Files.isRegularFile(dir.resolve("saved_model.pbtxt")));
  }

  /**
   * Reads {@code dir/saved_model.pb}.
   *
   * @throws IllegalArgumentException if {@code dir} is missing, not a directory, holds no
   *     {@code saved_model.pb} or an unreadable one
   */
  static SavedModelDirectory open(Path dir) {
    io.tfbridge.engine.JavaCpp.configure();
    if (!Files.exists(dir)) {
      throw new IllegalArgumentException("SavedModel directory " + dir + " does not exist");
    }
    if (!isSavedModel(dir)) {
      throw new IllegalArgumentException(dir + " is not a SavedModel directory: it holds no "
          + "saved_model.pb" + (Files.isDirectory(dir) ? " (found: " + listing(dir) + ")" : ""));
    }
    return new SavedModelDirectory(dir, parse(dir));
  }

  /** The directory. */
  Path path() {
    return dir;
  }

  /**
   * The meta graph tagged {@code tag}, checked to have the variables it needs.
   *
   * @throws IllegalArgumentException if there is none (listing the tag sets there are) or its
   *     variables are missing
   */
  MetaGraphDef metaGraph(String tag) {
    MetaGraphDef graph = proto.getMetaGraphsList().stream()
        .filter(g -> g.getMetaInfoDef().getTagsList().contains(tag)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("SavedModel " + dir + " has no meta graph "
            + "tagged '" + tag + "'; its tag sets are " + proto.getMetaGraphsList().stream()
                .map(g -> g.getMetaInfoDef().getTagsList()).toList()));
    checkVariables(graph);
    return graph;
  }

  /**
   * Loads the meta graph tagged {@code tag} into a new bundle, which the caller closes, refusing
   * unsafe ops ({@link UnsafeOps}).
   *
   * @throws IllegalArgumentException if the directory fails the checks or TensorFlow refuses it
   */
  SavedModelBundle load(String tag) {
    return load(tag, UnsafeOps.Policy.REFUSE);
  }

  /**
   * Loads the meta graph tagged {@code tag} into a new bundle, which the caller closes; unsafe ops
   * are refused unless {@code policy} allows them, before TensorFlow reads the graph.
   *
   * @throws UnsafeModelException if the graph holds an unsafe op and the policy refuses them
   * @throws IllegalArgumentException if the directory fails the checks or TensorFlow refuses it
   */
  SavedModelBundle load(String tag, UnsafeOps.Policy policy) {
    MetaGraphDef graph = metaGraph(tag);
    if (policy == UnsafeOps.Policy.REFUSE) {
      SavedModelSafety.check(dir, graph);
    }
    try {
      return SavedModelBundle.loader(dir.toString()).withTags(tag).withConfigProto(
          io.tfbridge.engine.SessionConfigs.singleDevice(
              org.tensorflow.proto.ConfigProto.getDefaultInstance())).load();
    } catch (TensorFlowException | TFInvalidArgumentException | TFUnimplementedException e) {
      throw new IllegalArgumentException("Cannot load SavedModel " + dir + ": "
          + firstLine(e.getMessage()), e);
    }
  }

  private void checkVariables(MetaGraphDef graph) {
    if (Files.isRegularFile(dir.resolve("variables").resolve("variables.index"))) {
      return;
    }
    List<String> variables = variableNames(graph);
    if (!variables.isEmpty()) {
      throw new IllegalArgumentException("SavedModel " + dir + " has no variables: "
          + dir.resolve("variables").resolve("variables.index")
          + " is missing, but the model holds " + variables.size() + " variable(s) (e.g. '"
          + variables.get(0) + "'). Copy the whole SavedModel directory, variables/ included.");
    }
  }

  /** The variables a meta graph needs: TF2 object-graph variables, else graph variable ops. */
  static List<String> variableNames(MetaGraphDef graph) {
    List<String> saved = graph.getObjectGraphDef().getNodesList().stream()
        .filter(SavedObject::hasVariable).map(n -> n.getVariable().getName()).distinct().toList();
    if (!saved.isEmpty()) {
      return saved;
    }
    return graph.getGraphDef().getNodeList().stream()
        .filter(n -> VARIABLE_OPS.contains(n.getOp())).map(NodeDef::getName).toList();
  }

  private static SavedModel parse(Path dir) {
    Path binary = dir.resolve("saved_model.pb");
    try {
      if (Files.isRegularFile(binary)) {
        return SavedModel.parseFrom(Files.readAllBytes(binary));
      }
      SavedModel.Builder builder = SavedModel.newBuilder();
      TextFormat.merge(Files.readString(dir.resolve("saved_model.pbtxt"), StandardCharsets.UTF_8),
          builder);
      return builder.build();
    } catch (InvalidProtocolBufferException | TextFormat.ParseException e) {
      throw new IllegalArgumentException("SavedModel " + dir + ": saved_model.pb is not a valid "
          + "SavedModel protocol buffer (truncated or corrupt?): " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read SavedModel " + dir, e);
    }
  }

  private static String listing(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : ""))
          .sorted().limit(10).toList();
      return names.isEmpty() ? "nothing" : String.join(", ", names);
    } catch (IOException e) {
      return "unreadable";
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.strip().lines().findFirst().orElse("");
  }
}

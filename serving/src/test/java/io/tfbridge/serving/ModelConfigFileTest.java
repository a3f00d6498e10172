package io.tfbridge.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TF Serving's {@code ModelServerConfig} text files: what parses, and what is refused and how. */
class ModelConfigFileTest {
  @TempDir
  Path dir;

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("models.config"), text);
  }

  private String refused(String text) throws IOException {
    Path file = write(text);
    String message = assertThrows(IllegalArgumentException.class,
        () -> ModelConfigFile.read(file, false)).getMessage();
    assertTrue(message.contains(file.toString()), "names the file: " + message);
    return message;
  }

  private static String config(String body) {
    return "model_config_list {\n  config {\n" + body + "\n  }\n}\n";
  }

  @Test
  void tfServingsDocumentedFileParses() throws IOException {
    Path file = write("""
        # two models, as in TF Serving's serving_config.md
        model_config_list {
          config {
            name: 'iris'
            base_path: '/models/iris/'
            model_platform: 'tensorflow'
            model_version_policy { specific { versions: 42 versions: 43 } }
            version_labels { key: 'stable' value: 42 }
            version_labels { key: 'canary' value: 43 }
          }
          config: {
            name: "two" base_path: "/models/two" model_type: TENSORFLOW
            model_version_policy { latest { num_versions: 0 } }
          }
          config { name: "all" base_path: "/models/all" model_platform: "tensorflow"
                   model_version_policy { all {} } }
        }
        """);
    List<ModelEntry> entries = ModelConfigFile.read(file, false);
    assertEquals(List.of(
        new ModelEntry("iris", Path.of("/models/iris/"), VersionPolicy.specific(Set.of(42L, 43L)),
            Map.of("stable", 42L, "canary", 43L)),
        new ModelEntry("two", Path.of("/models/two"), VersionPolicy.latest(1), Map.of()),
        new ModelEntry("all", Path.of("/models/all"), VersionPolicy.all(), Map.of())), entries);
  }

  @Test
  void syntaxErrorsAndUnknownFieldsNameTheLineAndColumn() throws IOException {
    String syntax = refused("model_config_list {\n  config {\n    name: 'iris'\n"
        + "    base_path '/m'\n  }\n}\n");
    assertTrue(syntax.startsWith("Invalid protobuf file: '"), syntax);
    assertTrue(syntax.contains("line 4, column 15"), syntax);
    String unknown = refused(config("    nmae: 'iris'"));
    assertTrue(unknown.contains("line 3, column 5"), unknown);
    assertTrue(unknown.contains("has no field named \"nmae\""), unknown);
    String twice = refused(config("    name: 'a' name: 'b'"));
    assertTrue(twice.contains("line 3") && twice.contains("name"), twice);
  }

  @Test
  void duplicateNamesAndBadPathsAreRefusedWithTfServingsTexts() throws IOException {
    String model = "model_platform: 'tensorflow' base_path: '/m' ";
    String duplicate = refused("model_config_list {\n  config { name: 'iris' " + model + "}\n"
        + "  config { name: 'iris' " + model + "}\n}\n");
    assertTrue(duplicate.contains("line 3, column 3: Illegal to list model iris multiple times "
        + "in config list"), duplicate);
    assertTrue(refused(config("name: 'iris' model_platform: 'tensorflow'")).contains(
        "Expected model iris to have an absolute path or URI; got base_path()="));
    assertTrue(refused(config("name: 'iris' model_platform: 'tensorflow' base_path: 'm/iris'"))
        .contains("got base_path()=m/iris"));
    assertTrue(refused(config("name: 'bad name' " + model)).contains("model_name must be"));
  }

  @Test
  void whatThisServerDoesNotImplementIsRefusedByName() throws IOException {
    assertTrue(refused(config("name: 'iris' base_path: '/m' model_platform: 'tflite'"))
        .contains("Model iris requests unsupported platform tflite"));
    assertTrue(refused(config("name: 'iris' base_path: '/m'")).contains("Illegal setting neither "
        + "ModelServerConfig::model_type (deprecated) nor ModelServerConfig::model_platform"));
    assertTrue(refused(config("name: 'iris' base_path: '/m' model_type: OTHER"))
        .contains("ModelServerConfig::model_type choice 2 not supported."));
    assertTrue(refused(config(model("iris") + " logging_config { sampling_config { "
        + "sampling_rate: 0.5 } }")).contains("logging_config (model iris) is not supported"));
    assertTrue(refused("custom_model_config { type_url: 'x' }")
        .contains("ModelServer does not yet support custom model config."));
    assertTrue(refused(config(model("iris") + " model_version_policy { specific {} }"))
        .contains("specific: at least one version is needed"));
    assertTrue(refused(config(model("iris") + " version_labels { key: 'a' value: 1 } "
        + "version_labels { key: 'a' value: 2 }")).contains("'a' of model iris is given twice"));
  }

  private static String model(String name) {
    return "name: '" + name + "' base_path: '/m' model_platform: 'tensorflow'";
  }

  @Test
  void anEmptyFileServesNothingAtStartAndIsRefusedOnAReload() throws IOException {
    Path file = write("# nothing yet\n");
    assertEquals(List.of(), ModelConfigFile.read(file, false));
    String message = assertThrows(IllegalArgumentException.class,
        () -> ModelConfigFile.read(file, true)).getMessage();
    assertTrue(message.contains("only legal to transition from one ModelConfigList to another"),
        message);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelConfigFile.read(
        dir.resolve("missing.config"), false)).getMessage().contains("missing.config"));
  }
}

package io.tfbridge.serving;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormatParseInfoTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code --model_config_file}: TF Serving's {@code ModelServerConfig} in protobuf text format,
 * parsed with protobuf's {@code TextFormat} (as TF Serving parses it: a field set twice is an
 * error) and checked as TF Serving's {@code ServerCore} checks it: unique names, absolute base
 * paths, the {@code tensorflow} platform. What TF Serving has but this server does not implement
 * ({@code custom_model_config}, {@code logging_config}, other platforms) is refused by name.
 */
final class ModelConfigFile {
  private ModelConfigFile() {}

  /**
   * The models {@code file} lists. An empty file lists none at start (TF Serving then serves
   * nothing) and is refused on a reload ({@code reload}), as TF Serving refuses it.
   *
   * @throws IllegalArgumentException naming the file (and line and column) for a file that cannot
   *     be read, does not parse, or lists models wrongly
   */
  static List<ModelEntry> read(Path file, boolean reload) {
    TextFormatParseInfoTree.Builder where = TextFormatParseInfoTree.builder();
    Message config = parse(file, where);
    TextFormatParseInfoTree tree = where.build();
    Descriptor type = config.getDescriptorForType();
    if (config.hasField(type.findFieldByName("custom_model_config"))) {
      throw new IllegalArgumentException(at(file, tree, type, "custom_model_config", 0)
          + "ModelServer does not yet support custom model config.");
    }
    FieldDescriptor listField = type.findFieldByName("model_config_list");
    if (!config.hasField(listField)) {
      if (reload) {
        throw new IllegalArgumentException("In model config file '" + file + "': Cannot "
            + "transition to requested config. It is only legal to transition from one "
            + "ModelConfigList to another.");
      }
      return List.of();
    }
    return entries(file, (Message) config.getField(listField), tree.getNestedTree(listField, 0));
  }

  private static Message parse(Path file, TextFormatParseInfoTree.Builder where) {
    return ProtoText.parse(file, "model config file", ModelServerConfigProto.MODEL_SERVER_CONFIG,
        ModelServerConfigProto::find, where);
  }

  private static List<ModelEntry> entries(Path file, Message list, TextFormatParseInfoTree tree) {
    FieldDescriptor configField = list.getDescriptorForType().findFieldByName("config");
    List<ModelEntry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.getRepeatedFieldCount(configField); i++) {
      String at = at(file, tree, list.getDescriptorForType(), "config", i);
      ModelEntry entry;
      try {
        entry = ModelConfigs.entry((Message) list.getRepeatedField(configField, i));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + e.getMessage(), e);
      }
      if (!names.add(entry.name())) {
        throw new IllegalArgumentException(at + "Illegal to list model " + entry.name()
            + " multiple times in config list");
      }
      entries.add(entry);
    }
    return List.copyOf(entries);
  }

  /** "In model config file 'F', line L, column C: ", where field {@code name}[{@code i}] starts. */
  private static String at(Path file, TextFormatParseInfoTree tree, Descriptor type, String name,
      int index) {
    try {
      var location = tree.getLocation(type.findFieldByName(name), index);
      return "In model config file '" + file + "', line " + (location.getLine() + 1)
          + ", column " + (location.getColumn() + 1) + ": ";
    } catch (IllegalArgumentException e) {
      return "In model config file '" + file + "': ";
    }
  }
}

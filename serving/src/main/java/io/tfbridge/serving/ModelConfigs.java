package io.tfbridge.serving;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One parsed {@code ModelConfig} message as a {@link ModelEntry}, checked as TF Serving's
 * {@code ServerCore} checks it, with its error texts: the platform (this server's only one is
 * {@code "tensorflow"}: SavedModels and Keras files), an absolute base path, the version policy.
 */
final class ModelConfigs {
  /** TF Serving's {@code kTensorFlowModelPlatform}. */
  static final String TENSORFLOW = "tensorflow";

  private static final System.Logger LOG = System.getLogger(ModelConfigs.class.getName());

  private ModelConfigs() {}

  /**
   * The entry {@code config} describes.
   *
   * @throws IllegalArgumentException for another platform, a relative or empty base path, a field
   *     this server does not implement, or a bad name, policy or label
   */
  static ModelEntry entry(Message config) {
    String name = string(config, "name");
    platform(config, name);
    if (config.hasField(field(config, "logging_config"))) {
      throw new IllegalArgumentException("logging_config (model " + name + ") is not supported "
          + "by this server: it logs no requests; remove it");
    }
    String basePath = string(config, "base_path");
    if (basePath.isEmpty() || !Path.of(basePath).isAbsolute()) {
      throw new IllegalArgumentException("Expected model " + name + " to have an absolute path "
          + "or URI; got base_path()=" + basePath);
    }
    VersionPolicy policy;
    try {
      policy = policy(config);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("model_version_policy of model " + name + ": "
          + e.getMessage(), e);
    }
    return new ModelEntry(name, Path.of(basePath), policy, labels(config));
  }

  private static void platform(Message config, String name) {
    EnumValueDescriptor type = (EnumValueDescriptor) config.getField(field(config, "model_type"));
    String platform = string(config, "model_platform");
    if (type.getNumber() != 0) {
      LOG.log(System.Logger.Level.WARNING, "Deprecated ModelServerConfig::model_type field "
          + "used. Prefer ModelServerConfig::model_platform.");
      if (!platform.isEmpty()) {
        throw new IllegalArgumentException("Illegal setting both ModelServerConfig::model_type "
            + "(deprecated) and ModelServerConfig::model_platform, model name is " + name);
      }
      if (!type.getName().equals("TENSORFLOW")) {
        throw new IllegalArgumentException("ModelServerConfig::model_type choice "
            + type.getNumber() + " not supported.");
      }
    } else if (platform.isEmpty()) {
      throw new IllegalArgumentException("Illegal setting neither ModelServerConfig::model_type "
          + "(deprecated) nor ModelServerConfig::model_platform, model name is " + name);
    } else if (!platform.equals(TENSORFLOW)) {
      throw new IllegalArgumentException("Model " + name + " requests unsupported platform "
          + platform + "; this server's only platform is \"" + TENSORFLOW + "\" (SavedModels "
          + "and Keras files)");
    }
  }

  /** {@code model_version_policy}: latest (num_versions, at least 1), all, or specific. */
  private static VersionPolicy policy(Message config) {
    Message policy = (Message) config.getField(field(config, "model_version_policy"));
    FieldDescriptor choice = policy.getOneofFieldDescriptor(policy.getDescriptorForType()
        .getOneofs().get(0));
    if (choice == null) {
      return VersionPolicy.latest(1);
    }
    Message value = (Message) policy.getField(choice);
    return switch (choice.getName()) {
      case "latest" -> VersionPolicy.latest(Math.max(1,
          (Integer) value.getField(field(value, "num_versions"))));
      case "all" -> VersionPolicy.all();
      default -> {
        @SuppressWarnings("unchecked")
        List<Long> versions = (List<Long>) value.getField(field(value, "versions"));
        yield VersionPolicy.specific(new HashSet<>(versions));
      }
    };
  }

  private static Map<String, Long> labels(Message config) {
    FieldDescriptor labels = field(config, "version_labels");
    Map<String, Long> map = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < config.getRepeatedFieldCount(labels); i++) {
      Message entry = (Message) config.getRepeatedField(labels, i);
      String label = string(entry, "key");
      if (!seen.add(label)) {
        throw new IllegalArgumentException("Version label '" + label + "' of model "
            + string(config, "name") + " is given twice");
      }
      map.put(label, (Long) entry.getField(field(entry, "value")));
    }
    return map;
  }

  private static FieldDescriptor field(Message message, String name) {
    return message.getDescriptorForType().findFieldByName(name);
  }

  private static String string(Message message, String name) {
    return (String) message.getField(field(message, name));
  }
}

package io.tfbridge.serving;

import com.google.protobuf.AnyProto;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * TF Serving's {@code tensorflow.serving.ModelServerConfig} as a protobuf descriptor, built once:
 * the messages of {@code config/model_server_config.proto} and those it uses
 * ({@code ServableVersionPolicy}, {@code LoggingConfig}, ...), with TF Serving's field names and
 * numbers, so any valid TF Serving config file parses (and the fields this server does not
 * implement can be refused by name rather than as unknown).
 */
final class ModelServerConfigProto {
  private static final String PACKAGE = ".tensorflow.serving.";

  private static final FileDescriptor FILE = build();

  /** The {@code ModelServerConfig} message. */
  static final Descriptor MODEL_SERVER_CONFIG = FILE.findMessageTypeByName("ModelServerConfig");

  private ModelServerConfigProto() {}

  /** The message named {@code fullName} (e.g. {@code tensorflow.serving.ModelConfig}), or null. */
  static Descriptor find(String fullName) {
    String prefix = FILE.getPackage() + ".";
    if (!fullName.startsWith(prefix)) {
      return null;
    }
    String[] path = fullName.substring(prefix.length()).split("\\.");
    Descriptor type = FILE.findMessageTypeByName(path[0]);
    for (int i = 1; i < path.length && type != null; i++) {
      type = type.findNestedTypeByName(path[i]);
    }
    return type;
  }

  private static FileDescriptor build() {
    FileDescriptorProto file = FileDescriptorProto.newBuilder()
        .setName("tensorflow_serving/config/model_server_config.proto")
        .setPackage("tensorflow.serving").setSyntax("proto3")
        .addDependency(AnyProto.getDescriptor().getName())
        .addEnumType(modelType()).addMessageType(versionPolicyHolder())
        .addMessageType(loggingConfig()).addMessageType(message("LogCollectorConfig",
            field("type", 1, Type.TYPE_STRING), field("filename_prefix", 2, Type.TYPE_STRING)))
        .addMessageType(samplingConfig()).addMessageType(message("PerTaskSamplingConfig",
            field("dc", 1, Type.TYPE_STRING), field("task_index", 2, Type.TYPE_INT32),
            field("sampling_rate", 3, Type.TYPE_DOUBLE)))
        .addMessageType(modelConfig())
        .addMessageType(message("ModelConfigList", repeated(message("config", 1, "ModelConfig"))))
        .addMessageType(modelServerConfig()).build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[] {AnyProto.getDescriptor()});
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("The ModelServerConfig descriptor is invalid", e);
    }
  }

  private static DescriptorProto modelServerConfig() {
    return DescriptorProto.newBuilder().setName("ModelServerConfig")
        .addOneofDecl(OneofDescriptorProto.newBuilder().setName("config"))
        .addField(message("model_config_list", 1, "ModelConfigList").toBuilder().setOneofIndex(0))
        .addField(any("custom_model_config", 2).toBuilder().setOneofIndex(0)).build();
  }

  private static DescriptorProto modelConfig() {
    DescriptorProto labelsEntry = message("VersionLabelsEntry",
        field("key", 1, Type.TYPE_STRING), field("value", 2, Type.TYPE_INT64)).toBuilder()
        .setOptions(MessageOptions.newBuilder().setMapEntry(true)).build();
    return message("ModelConfig", field("name", 1, Type.TYPE_STRING),
        field("base_path", 2, Type.TYPE_STRING),
        field("model_type", 3, Type.TYPE_ENUM).toBuilder().setTypeName(PACKAGE + "ModelType")
            .build(),
        field("model_platform", 4, Type.TYPE_STRING),
        message("model_version_policy", 7,
            "FileSystemStoragePathSourceConfig.ServableVersionPolicy"),
        repeated(message("version_labels", 8, "ModelConfig.VersionLabelsEntry")),
        message("logging_config", 6, "LoggingConfig")).toBuilder()
        .addReservedRange(DescriptorProto.ReservedRange.newBuilder().setStart(5).setEnd(6))
        .addReservedRange(DescriptorProto.ReservedRange.newBuilder().setStart(9).setEnd(10))
        .addNestedType(labelsEntry).build();
  }

  /** {@code FileSystemStoragePathSourceConfig}, holding only its {@code ServableVersionPolicy}. */
  private static DescriptorProto versionPolicyHolder() {
    String policy = "FileSystemStoragePathSourceConfig.ServableVersionPolicy.";
    DescriptorProto versionPolicy = DescriptorProto.newBuilder().setName("ServableVersionPolicy")
        .addNestedType(message("Latest", field("num_versions", 1, Type.TYPE_UINT32)))
        .addNestedType(message("All"))
        .addNestedType(message("Specific", repeated(field("versions", 1, Type.TYPE_INT64))))
        .addOneofDecl(OneofDescriptorProto.newBuilder().setName("policy_choice"))
        .addField(message("latest", 100, policy + "Latest").toBuilder().setOneofIndex(0))
        .addField(message("all", 101, policy + "All").toBuilder().setOneofIndex(0))
        .addField(message("specific", 102, policy + "Specific").toBuilder().setOneofIndex(0))
        .build();
    return DescriptorProto.newBuilder().setName("FileSystemStoragePathSourceConfig")
        .addNestedType(versionPolicy).build();
  }

  private static DescriptorProto loggingConfig() {
    return message("LoggingConfig", message("log_collector_config", 1, "LogCollectorConfig"),
        message("sampling_config", 2, "SamplingConfig"), any("custom_logging_config", 3));
  }

  private static DescriptorProto samplingConfig() {
    return message("SamplingConfig", field("sampling_rate", 1, Type.TYPE_DOUBLE),
        field("attributes", 2, Type.TYPE_INT32),
        repeated(message("per_task_sampling_configs", 3, "PerTaskSamplingConfig"))).toBuilder()
        .addEnumType(enumType("Attributes", "ATTR_DEFAULT", "ATTR_REQUEST_ORIGIN",
            "ATTR_REQUEST_CRITICALITY")).build();
  }

  private static EnumDescriptorProto modelType() {
    return enumType("ModelType", "MODEL_TYPE_UNSPECIFIED", "TENSORFLOW", "OTHER");
  }

  private static EnumDescriptorProto enumType(String name, String... values) {
    EnumDescriptorProto.Builder type = EnumDescriptorProto.newBuilder().setName(name);
    for (int i = 0; i < values.length; i++) {
      type.addValue(EnumValueDescriptorProto.newBuilder().setName(values[i]).setNumber(i));
    }
    return type.build();
  }

  static DescriptorProto message(String name, FieldDescriptorProto... fields) {
    DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(name);
    for (FieldDescriptorProto f : fields) {
      message.addField(f);
    }
    return message.build();
  }

  static FieldDescriptorProto field(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
        .setLabel(Label.LABEL_OPTIONAL).build();
  }

  private static FieldDescriptorProto message(String name, int number, String typeName) {
    return field(name, number, Type.TYPE_MESSAGE).toBuilder().setTypeName(PACKAGE + typeName)
        .build();
  }

  private static FieldDescriptorProto any(String name, int number) {
    return field(name, number, Type.TYPE_MESSAGE).toBuilder()
        .setTypeName("." + com.google.protobuf.Any.getDescriptor().getFullName()).build();
  }

  static FieldDescriptorProto repeated(FieldDescriptorProto field) {
    return field.toBuilder().setLabel(Label.LABEL_REPEATED).build();
  }
}

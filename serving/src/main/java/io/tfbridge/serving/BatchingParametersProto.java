package io.tfbridge.serving;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.WrappersProto;

/**
 * TF Serving's {@code tensorflow.serving.BatchingParameters} (of
 * {@code servables/tensorflow/session_bundle_config.proto}) as a protobuf descriptor, built once,
 * with TF Serving's field names, numbers and wrapper types ({@code max_batch_size { value: 32 }}),
 * so any valid TF Serving batching parameters file parses.
 */
final class BatchingParametersProto {
  private static final String WRAPPERS = ".google.protobuf.";

  /** The {@code BatchingParameters} message. */
  static final Descriptor BATCHING_PARAMETERS = build().findMessageTypeByName(
      "BatchingParameters");

  private BatchingParametersProto() {}

  /** The message named {@code fullName}, or null. */
  static Descriptor find(String fullName) {
    String wrappers = WrappersProto.getDescriptor().getPackage() + ".";
    return fullName.equals(BATCHING_PARAMETERS.getFullName()) ? BATCHING_PARAMETERS
        : fullName.startsWith(wrappers) ? WrappersProto.getDescriptor().findMessageTypeByName(
            fullName.substring(wrappers.length())) : null;
  }

  private static FileDescriptor build() {
    DescriptorProto message = ModelServerConfigProto.message("BatchingParameters",
        wrapper("max_batch_size", 1, "Int64Value"),
        wrapper("batch_timeout_micros", 2, "Int64Value"),
        wrapper("max_enqueued_batches", 3, "Int64Value"),
        wrapper("num_batch_threads", 4, "Int64Value"),
        wrapper("thread_pool_name", 5, "StringValue"),
        ModelServerConfigProto.repeated(ModelServerConfigProto.field("allowed_batch_sizes", 6,
            Type.TYPE_INT64)),
        ModelServerConfigProto.field("pad_variable_length_inputs", 7, Type.TYPE_BOOL),
        wrapper("enable_large_batch_splitting", 8, "BoolValue"),
        wrapper("max_execution_batch_size", 9, "Int64Value"));
    FileDescriptorProto file = FileDescriptorProto.newBuilder()
        .setName("tensorflow_serving/servables/tensorflow/session_bundle_config.proto")
        .setPackage("tensorflow.serving").setSyntax("proto3")
        .addDependency(WrappersProto.getDescriptor().getName()).addMessageType(message).build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[] {WrappersProto.getDescriptor()});
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("The BatchingParameters descriptor is invalid", e);
    }
  }

  private static FieldDescriptorProto wrapper(String name, int number, String type) {
    return ModelServerConfigProto.field(name, number, Type.TYPE_MESSAGE).toBuilder()
        .setTypeName(WRAPPERS + type).build();
  }
}

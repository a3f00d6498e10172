package io.tfbridge.serving;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.google.protobuf.TextFormatParseInfoTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one of TF Serving's protobuf text files ({@code --model_config_file},
 * {@code --batching_parameters_file}) into a {@code DynamicMessage} of a descriptor built once, as
 * TF Serving's {@code ParseProtoTextFile} does: a field set twice is an error, and an unknown field
 * is named with the fields its message has.
 */
final class ProtoText {
  /** The first field of TextFormat's "Input contains unknown fields" list ("3:5:\tNAME"). */
  private static final Pattern UNKNOWN = Pattern.compile("\n\\d+:\\d+:\t(\\S+)");

  private ProtoText() {}

  /**
   * The message of {@code type} that {@code file} (the {@code what}, e.g. "model config file")
   * holds; {@code find} gives a message type by its
   * full name (null if unknown), to list the fields of a message with an unknown one.
   *
   * @throws IllegalArgumentException naming the file, line and column for a file that cannot be
   *     read or does not parse
   */
  static Message parse(Path file, String what, Descriptor type, Function<String, Descriptor> find,
      TextFormatParseInfoTree.Builder where) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the " + what + " '" + file + "': " + e, e);
    }
    DynamicMessage.Builder message = DynamicMessage.newBuilder(type);
    try {
      TextFormat.Parser.newBuilder().setSingularOverwritePolicy(
          TextFormat.Parser.SingularOverwritePolicy.FORBID_SINGULAR_OVERWRITES)
          .setParseInfoTreeBuilder(where).build().merge(text, message);
    } catch (TextFormat.ParseException e) {
      Matcher unknown = UNKNOWN.matcher(e.getMessage());
      String detail = unknown.find() ? unknownField(unknown.group(1), find)
          : e.getMessage().replaceFirst("^-?\\d+:-?\\d+: ", "");
      throw new IllegalArgumentException("Invalid protobuf file: '" + file + "': line "
          + e.getLine() + ", column " + e.getColumn() + ": " + detail, e);
    }
    return message.build();
  }

  /** What TF Serving's parser says of field {@code fullName}, with the fields there are. */
  private static String unknownField(String fullName, Function<String, Descriptor> find) {
    int dot = fullName.lastIndexOf('.');
    String type = fullName.substring(0, Math.max(dot, 0));
    Descriptor message = find.apply(type);
    return "Message type \"" + type + "\" has no field named \"" + fullName.substring(dot + 1)
        + "\"" + (message == null ? "" : "; its fields are " + message.getFields().stream()
        .map(FieldDescriptor::getName).toList());
  }
}

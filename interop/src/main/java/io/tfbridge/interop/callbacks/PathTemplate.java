package io.tfbridge.interop.callbacks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checkpoint's file path with Python {@code str.format} placeholders, as Keras's ModelCheckpoint
 * fills them: {@code {epoch}}, {@code {epoch:02d}}, {@code {val_loss:.2f}}, {@code {batch}};
 * {@code {{} and {@code }}} stand for braces. The syntax and every format spec are checked when the
 * template is made; the names when it is filled.
 */
final class PathTemplate {
  /** A literal run of text (spec null) or a replacement field. */
  private record Part(String text, FormatSpec spec) {}

  private final String template;
  private final List<Part> parts;

  private PathTemplate(String template, List<Part> parts) {
    this.template = template;
    this.parts = parts;
  }

  /**
   * Parses {@code template}.
   *
   * @throws IllegalArgumentException for an unbalanced brace, an empty or converted field
   *     ({@code {}}, {@code {x!r}}) or an unsupported format spec, naming the template
   */
  static PathTemplate of(String template) {
    List<Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
        text.append(c);
        i++;
      } else if (c == '{') {
        int end = template.indexOf('}', i);
        if (end < 0) {
          throw invalid(template, "Single '{' encountered in format string");
        }
        parts.add(new Part(text.toString(), null));
        text.setLength(0);
        parts.add(field(template, template.substring(i + 1, end)));
        i = end;
      } else if (c == '}') {
        throw invalid(template, "Single '}' encountered in format string");
      } else {
        text.append(c);
      }
    }
    parts.add(new Part(text.toString(), null));
    return new PathTemplate(template, List.copyOf(parts));
  }

  private static Part field(String template, String field) {
    int colon = field.indexOf(':');
    String name = colon < 0 ? field : field.substring(0, colon);
    if (name.isEmpty() || name.contains("!") || name.contains("{")) {
      throw invalid(template, "unsupported placeholder {" + field + "}: expected {name} or "
          + "{name:spec}, e.g. {epoch:02d}");
    }
    try {
      return new Part(name, FormatSpec.parse(colon < 0 ? "" : field.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      throw invalid(template, e.getMessage());
    }
  }

  private static IllegalArgumentException invalid(String template, String reason) {
    return new IllegalArgumentException("Failed to format this callback filepath: \"" + template
        + "\". Reason: " + reason);
  }

  /** The template as given. */
  String template() {
    return template;
  }

  /** The placeholders' names, in order of appearance. */
  Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    parts.stream().filter(p -> p.spec() != null).forEach(p -> names.add(p.text()));
    return names;
  }

  /**
   * The path with every placeholder replaced by its value ({@link Integer} or {@link Double}).
   *
   * @throws IllegalArgumentException naming a placeholder without a value and the values there
   *     are, or a value its spec cannot format
   */
  String format(Map<String, ? extends Number> values) {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part.spec() == null) {
        out.append(part.text());
        continue;
      }
      Number value = values.get(part.text());
      if (value == null) {
        throw invalid(template, "no value for the placeholder {" + part.text() + "}; the values "
            + "available are " + String.join(", ", values.keySet()));
      }
      try {
        out.append(part.spec().format(value));
      } catch (IllegalArgumentException e) {
        throw invalid(template, "{" + part.text() + "}: " + e.getMessage());
      }
    }
    return out.toString();
  }
}

package io.tfbridge.models;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.engine.ModelDefinition;
import io.tfbridge.engine.ModelInput;
import io.tfbridge.engine.TensorRef;
import io.tfbridge.layers.Shapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keras 3's {@code model.summary()} table as it prints on an 80-column console: layer (type), output
 * shape and parameter count, plus the input layers and a "Connected to" column for a functional model;
 * cells too long for their column wrap at spaces, as Keras's (rich) table does.
 */
final class Summary {
  private static final int[] SEQUENTIAL = {33, 24, 15};
  private static final int[] FUNCTIONAL = {21, 19, 12, 19};

  private Summary() {}

  /** The table of a model: Keras's Sequential table for a chain, its functional one otherwise. */
  static String of(String modelName, List<ModelInput> inputs, List<LayerNode> layers) {
    return ModelDefinition.isChain(inputs, layers) ? sequential(modelName, layers)
        : functional(modelName, inputs, layers);
  }

  private static String sequential(String modelName, List<LayerNode> layers) {
    List<List<String>> rows = new ArrayList<>();
    for (LayerNode node : layers) {
      rows.add(List.of(node.name() + " (" + node.layer().className() + ")",
          Shapes.format(node.outputShape()), count(node.parameterCount())));
    }
    return table(modelName, SEQUENTIAL, List.of("Layer (type)", "Output Shape", "Param #"), rows)
        + totals(layers);
  }

  private static String functional(String modelName, List<ModelInput> inputs, List<LayerNode> layers) {
    List<List<String>> rows = new ArrayList<>();
    for (ModelInput in : inputs) {
      rows.add(List.of(in.name() + " (InputLayer)", Shapes.format(in.shape()), "0", "-"));
    }
    for (LayerNode node : layers) {
      // every call's positional tensors, as Keras lists a shared layer's: a[0][0], b[0][0]
      List<String> sources = node.calls().stream().flatMap(c -> c.args().stream())
          .map(TensorRef::toString).toList();
      rows.add(List.of(node.name() + " (" + node.layer().className() + ")",
          Shapes.format(node.outputShape()), count(node.parameterCount()), String.join(", ", sources)));
    }
    List<String> header = List.of("Layer (type)", "Output Shape", "Param #", "Connected to");
    return table(modelName, FUNCTIONAL, header, rows) + totals(layers);
  }

  private static String table(String modelName, int[] widths, List<String> header,
      List<List<String>> rows) {
    StringBuilder s = new StringBuilder("Model: \"" + modelName + "\"\n");
    s.append(rule(widths, '┏', '━', '┳', '┓'));
    s.append(row(widths, '┃', header));
    s.append(rule(widths, '┡', '━', '╇', '┩'));
    for (int i = 0; i < rows.size(); i++) {
      s.append(row(widths, '│', rows.get(i)));
      s.append(i < rows.size() - 1 ? rule(widths, '├', '─', '┼', '┤') : rule(widths, '└', '─', '┴', '┘'));
    }
    return s.toString();
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String rule(int[] widths, char left, char fill, char cross, char right) {
    StringBuilder s = new StringBuilder().append(left);
    for (int c = 0; c < widths.length; c++) {
      s.append(String.valueOf(fill).repeat(widths[c])).append(c < widths.length - 1 ? cross : right);
    }
    return s.append('\n').toString();
  }

  /** One table row, its cells wrapped to their columns; the parameter column is right-aligned. */
  private static String row(int[] widths, char bar, List<String> cells) {
    List<List<String>> wrapped = new ArrayList<>();
    int lines = 1;
    for (int c = 0; c < cells.size(); c++) {
      wrapped.add(wrap(cells.get(c), widths[c] - 2));
      lines = Math.max(lines, wrapped.get(c).size());
    }
    StringBuilder s = new StringBuilder();
    for (int line = 0; line < lines; line++) {
      s.append(bar);
      for (int c = 0; c < cells.size(); c++) {
        List<String> cell = wrapped.get(c);
        String text = line < cell.size() ? cell.get(line) : "";
        s.append(' ').append(pad(text, widths[c] - 2, c == 2)).append(' ').append(bar);
      }
      s.append('\n');
    }
    return s.toString();
  }

  /** Words onto lines of at most {@code width} characters; a longer word is cut. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      while (word.length() > width) {
        lines.add(word.substring(0, width));
        word = word.substring(width);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static String pad(String text, int width, boolean right) {
    String spaces = " ".repeat(Math.max(0, width - text.length()));
    return right ? spaces + text : text + spaces;
  }

  /** {@code Total params: 193 (772.00 B)}: float32 weights take four bytes each. */
  private static String totals(List<LayerNode> layers) {
    long total = layers.stream().mapToLong(LayerNode::parameterCount).sum();
    long trainable = layers.stream().mapToLong(LayerNode::trainableParameterCount).sum();
    return total(" Total params: ", total) + total(" Trainable params: ", trainable)
        + total(" Non-trainable params: ", total - trainable);
  }

  private static String total(String label, long count) {
    return label + String.format(Locale.ROOT, "%,d (%s)%n", count, bytes(count * 4));
  }

  private static String bytes(long bytes) {
    String[] units = {"B", "KB", "MB", "GB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.2f %s", value, units[unit]);
  }
}

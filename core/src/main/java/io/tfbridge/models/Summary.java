package io.tfbridge.models;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.Shapes;
import java.util.List;
import java.util.Locale;

/** Keras 3's {@code model.summary()} table: layer (type), output shape, parameter count, totals. */
final class Summary {
  private static final int[] WIDTHS = {33, 24, 15};

  private Summary() {}

  static String of(String modelName, List<LayerNode> layers) {
    StringBuilder s = new StringBuilder("Model: \"" + modelName + "\"\n");
    s.append(rule('┏', '━', '┳', '┓'));
    s.append(row('┃', "Layer (type)", "Output Shape", "Param #"));
    s.append(rule('┡', '━', '╇', '┩'));
    for (int i = 0; i < layers.size(); i++) {
      LayerNode node = layers.get(i);
      s.append(row('│', node.name() + " (" + node.layer().className() + ")",
          Shapes.format(node.outputShape()), String.format(Locale.ROOT, "%,d", node.parameterCount())));
      s.append(i < layers.size() - 1 ? rule('├', '─', '┼', '┤') : rule('└', '─', '┴', '┘'));
    }
    long total = layers.stream().mapToLong(LayerNode::parameterCount).sum();
    long trainable = layers.stream().mapToLong(LayerNode::trainableParameterCount).sum();
    s.append(totals(" Total params: ", total));
    s.append(totals(" Trainable params: ", trainable));
    s.append(totals(" Non-trainable params: ", total - trainable));
    return s.toString();
  }

  private static String rule(char left, char fill, char cross, char right) {
    StringBuilder s = new StringBuilder().append(left);
    for (int c = 0; c < WIDTHS.length; c++) {
      s.append(String.valueOf(fill).repeat(WIDTHS[c])).append(c < WIDTHS.length - 1 ? cross : right);
    }
    return s.append('\n').toString();
  }

  private static String row(char bar, String layer, String shape, String params) {
    return bar + " " + pad(layer, WIDTHS[0] - 2, false) + " " + bar + " "
        + pad(shape, WIDTHS[1] - 2, false) + " " + bar + " " + pad(params, WIDTHS[2] - 2, true)
        + " " + bar + "\n";
  }

  private static String pad(String text, int width, boolean right) {
    String fitted = text.length() > width ? text.substring(0, width) : text;
    String spaces = " ".repeat(width - fitted.length());
    return right ? spaces + fitted : fitted + spaces;
  }

  /** {@code Total params: 193 (772.00 B)}: float32 weights take four bytes each. */
  private static String totals(String label, long count) {
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

package io.tfbridge.layers;

import java.util.List;

/**
 * A two-dimensional size such as a kernel size, pool size or strides, printed Keras's way:
 * {@code (3, 3)}.
 *
 * @param rows the size along the rows (height) axis
 * @param cols the size along the columns (width) axis
 */
public record Window(int rows, int cols) {

  /** Validates that both sizes are positive, naming the Keras argument otherwise. */
  static Window of(String argument, int rows, int cols) {
    if (rows <= 0 || cols <= 0) {
      throw new IllegalArgumentException(
          "The `" + argument + "` argument must be a tuple of 2 positive integers. Received: ("
              + rows + ", " + cols + ")");
    }
    return new Window(rows, cols);
  }

  /** {@code [1, rows, cols, 1]}, the layout TensorFlow's NHWC ops take. */
  List<Long> asNhwc() {
    return List.of(1L, (long) rows, (long) cols, 1L);
  }

  @Override
  public String toString() {
    return "(" + rows + ", " + cols + ")";
  }
}

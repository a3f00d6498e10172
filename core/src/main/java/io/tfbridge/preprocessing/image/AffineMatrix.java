package io.tfbridge.preprocessing.image;

/**
 * The affine map Keras's {@code apply_affine_transform} hands to {@code scipy.ndimage}: rotation,
 * shift, shear and zoom composed in that order about the image centre, in Keras's (x, y) axes, then
 * swapped to (row, col). The result maps an output pixel {@code (r, c)} to the input point
 * {@code (b0 + a00 r + a01 c, b1 + a10 r + a11 c)}, stored as
 * {@code {a00, a01, b0, a10, a11, b1}}.
 */
final class AffineMatrix {
  private AffineMatrix() {
  }

  /** The map for {@code params} on an image of {@code height x width}. */
  static double[] of(TransformParams params, int height, int width) {
    double[][] m = identity();
    if (params.theta() != 0) {
      double t = Math.toRadians(params.theta());
      m = multiply(m, new double[][] {{Math.cos(t), -Math.sin(t), 0}, {Math.sin(t), Math.cos(t), 0},
          {0, 0, 1}});
    }
    if (params.tx() != 0 || params.ty() != 0) {
      m = multiply(m, new double[][] {{1, 0, params.tx()}, {0, 1, params.ty()}, {0, 0, 1}});
    }
    if (params.shear() != 0) {
      double s = Math.toRadians(params.shear());
      m = multiply(m, new double[][] {{1, -Math.sin(s), 0}, {0, Math.cos(s), 0}, {0, 0, 1}});
    }
    if (params.zx() != 1 || params.zy() != 1) {
      m = multiply(m, new double[][] {{params.zx(), 0, 0}, {0, params.zy(), 0}, {0, 0, 1}});
    }
    m = aboutCentre(m, height, width);
    return new double[] {m[1][1], m[1][0], m[1][2], m[0][1], m[0][0], m[0][2]};
  }

  /**
   * {@code map} ({@link #of}'s layout) followed by the params' flips: a horizontal flip reads column
   * {@code width - 1 - c}, a vertical one row {@code height - 1 - r}.
   */
  static double[] flipped(double[] map, TransformParams params, int height, int width) {
    double[] m = map.clone();
    if (params.flipHorizontal()) {
      m[2] += m[1] * (width - 1);
      m[5] += m[4] * (width - 1);
      m[1] = -m[1];
      m[4] = -m[4];
    }
    if (params.flipVertical()) {
      m[2] += m[0] * (height - 1);
      m[5] += m[3] * (height - 1);
      m[0] = -m[0];
      m[3] = -m[3];
    }
    return m;
  }

  private static double[][] aboutCentre(double[][] m, int height, int width) {
    double ox = height / 2.0 - 0.5;
    double oy = width / 2.0 - 0.5;
    double[][] offset = {{1, 0, ox}, {0, 1, oy}, {0, 0, 1}};
    double[][] reset = {{1, 0, -ox}, {0, 1, -oy}, {0, 0, 1}};
    return multiply(multiply(offset, m), reset);
  }

  private static double[][] identity() {
    return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    double[][] out = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        out[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
      }
    }
    return out;
  }
}

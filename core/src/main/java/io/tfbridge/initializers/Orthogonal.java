package io.tfbridge.initializers;

import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;

/**
 * Keras's {@code orthogonal} initializer: {@code gain} (default 1) times the Q factor of a QR
 * decomposition of a normal random matrix, transposed when the weight is wider than tall; a weight of
 * rank above 2 is made as a {@code (product of the leading dimensions, last)} matrix. The default
 * recurrent-kernel initializer.
 *
 * <pre>{@code
 * Initializer init = Orthogonal.of().gain(0.5);
 * }</pre>
 */
public final class Orthogonal implements Initializer {
  private static final Orthogonal INSTANCE = new Orthogonal(1.0);
  private final double gain;

  private Orthogonal(double gain) {
    this.gain = gain;
  }

  /** The orthogonal initializer with gain 1. */
  public static Orthogonal of() {
    return INSTANCE;
  }

  /** This initializer with a multiplicative factor. */
  public Orthogonal gain(double gain) {
    return new Orthogonal(gain);
  }

  /** The multiplicative factor. */
  public double gain() {
    return gain;
  }

  @Override
  public String kerasName() {
    return "Orthogonal";
  }

  @Override
  public float[] generate(Shape shape, SplittableRandom random) {
    if (shape.numDimensions() < 2) {
      throw new IllegalArgumentException("The tensor to initialize must be at least two-dimensional. "
          + "Received: shape=" + shape + " of rank " + shape.numDimensions() + ".");
    }
    int cols = Math.toIntExact(shape.get(shape.numDimensions() - 1));
    int rows = Math.toIntExact(shape.size() / Math.max(1, cols));
    int tall = Math.max(rows, cols);
    int wide = Math.min(rows, cols);
    double[][] q = orthonormalColumns(tall, wide, random);
    float[] values = new float[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        values[r * cols + c] = (float) (gain * (rows >= cols ? q[r][c] : q[c][r]));
      }
    }
    return values;
  }

  /**
   * Modified Gram-Schmidt on a {@code tall x wide} normal matrix: the Q of its QR decomposition with a
   * positive diagonal in R, which is what Keras gets after multiplying Q by {@code sign(diag(R))}.
   */
  private static double[][] orthonormalColumns(int tall, int wide, SplittableRandom random) {
    double[][] a = new double[tall][wide];
    for (int r = 0; r < tall; r++) {
      for (int c = 0; c < wide; c++) {
        a[r][c] = Distributions.normal(random);
      }
    }
    for (int c = 0; c < wide; c++) {
      for (int p = 0; p < c; p++) {
        double dot = 0;
        for (int r = 0; r < tall; r++) {
          dot += a[r][p] * a[r][c];
        }
        for (int r = 0; r < tall; r++) {
          a[r][c] -= dot * a[r][p];
        }
      }
      double norm = 0;
      for (int r = 0; r < tall; r++) {
        norm += a[r][c] * a[r][c];
      }
      norm = Math.sqrt(norm);
      for (int r = 0; r < tall; r++) {
        a[r][c] /= norm;
      }
    }
    return a;
  }

  @Override
  public io.tfbridge.saving.Config getConfig() {
    return io.tfbridge.saving.Config.builder().putNull("seed").put("gain", gain).build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Orthogonal other && other.gain == gain;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(gain);
  }
}

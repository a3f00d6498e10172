package io.tfbridge.initializers;

import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;

/** Keras's {@code zeros} initializer (the default for biases). */
public final class Zeros implements Initializer {
  private static final Zeros INSTANCE = new Zeros();

  private Zeros() {}

  /** The zeros initializer. */
  public static Zeros of() {
    return INSTANCE;
  }

  @Override
  public String kerasName() {
    return "Zeros";
  }

  @Override
  public float[] generate(Shape shape, SplittableRandom random) {
    return new float[Math.toIntExact(shape.size())];
  }

  @Override
  public java.util.OptionalDouble constantValue() {
    return java.util.OptionalDouble.of(0);
  }
}

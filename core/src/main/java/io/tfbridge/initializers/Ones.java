package io.tfbridge.initializers;

import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;

/** Keras's {@code ones} initializer (the default for BatchNormalization's gamma and moving variance). */
public final class Ones implements Initializer {
  private static final Ones INSTANCE = new Ones();

  private Ones() {}

  /** The ones initializer. */
  public static Ones of() {
    return INSTANCE;
  }

  @Override
  public String kerasName() {
    return "Ones";
  }

  @Override
  public float[] generate(Shape shape, SplittableRandom random) {
    float[] values = new float[Math.toIntExact(shape.size())];
    java.util.Arrays.fill(values, 1f);
    return values;
  }

  @Override
  public java.util.OptionalDouble constantValue() {
    return java.util.OptionalDouble.of(1);
  }
}

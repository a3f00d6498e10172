package io.tfbridge.preprocessing.image;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A {@code width_shift_range} or {@code height_shift_range} as Keras reads it:
 * <ul>
 *   <li>a float {@code r}: a shift drawn uniformly from {@code [-r, r)}, a fraction of the image
 *       size when {@code r < 1}, pixels otherwise;</li>
 *   <li>an int {@code n}: a whole number of pixels from {@code (-n, n)} (numpy's
 *       {@code choice(n)} times a random sign);</li>
 *   <li>a list of choices: one of them times a random sign, fractions of the size when all are
 *       below 1.</li>
 * </ul>
 *
 * <pre>{@code
 * ShiftRange.fraction(0.1);          // up to 10% of the size either way
 * ShiftRange.pixels(3);              // -2 .. 2 pixels
 * ShiftRange.choices(-4, 0, 4);      // one of these, with a random sign
 * }</pre>
 */
public final class ShiftRange {
  private static final ShiftRange NONE = new ShiftRange(0, null, false);

  private final double range;
  private final double[] choices;
  private final boolean integer;

  private ShiftRange(double range, double[] choices, boolean integer) {
    this.range = range;
    this.choices = choices;
    this.integer = integer;
  }

  /** No shift (Keras's default 0.0). */
  public static ShiftRange none() {
    return NONE;
  }

  /** A float range: a fraction of the size below 1, pixels from 1 on. */
  public static ShiftRange fraction(double range) {
    if (!(range >= 0) || Double.isInfinite(range)) {
      throw new IllegalArgumentException("A shift range should be a non-negative finite float."
          + " Received: " + range);
    }
    return new ShiftRange(range, null, false);
  }

  /** An int range {@code n}: a whole number of pixels from {@code (-n, n)}. */
  public static ShiftRange pixels(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("A shift range should be non-negative. Received: " + n);
    }
    return new ShiftRange(n, null, true);
  }

  /** A list of choices, each drawn with a random sign. */
  public static ShiftRange choices(double... values) {
    if (values.length == 0) {
      return NONE;
    }
    return new ShiftRange(Arrays.stream(values).max().orElseThrow(), values.clone(), false);
  }

  /** Whether a shift is drawn at all (Keras's truth value of the option). */
  public boolean isActive() {
    return choices != null || range != 0;
  }

  /** Draws a shift in pixels for an image dimension of {@code size}, as Keras draws it. */
  double draw(RandomGenerator random, int size) {
    double shift;
    if (choices != null) {
      shift = choices[random.nextInt(choices.length)] * sign(random);
    } else if (integer) {
      shift = random.nextInt((int) range) * sign(random);
    } else {
      shift = range * (2 * random.nextDouble() - 1);
    }
    return range < 1 ? shift * size : shift;
  }

  private static int sign(RandomGenerator random) {
    return random.nextBoolean() ? 1 : -1;
  }

  @Override
  public String toString() {
    if (choices != null) {
      return Arrays.toString(choices);
    }
    return integer ? Integer.toString((int) range) : Double.toString(range);
  }
}

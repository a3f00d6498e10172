package io.tfbridge.callbacks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr} of a float, as Keras prints learning rates and {@code csv} writes figures:
 * the shortest decimal that reads back as the same double ({@code 0.0009999999776482583}),
 * positional for exponents -4 to 15, else as {@code 1e-05} or {@code 1.5e+16}; and {@code nan},
 * {@code inf}, {@code -inf}.
 */
final class PythonFloat {
  private PythonFloat() {}

  static String repr(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return 1 / v < 0 ? "-0.0" : "0.0";
    }
    BigDecimal d = shortest(v);
    int exponent = d.precision() - d.scale() - 1;
    if (exponent >= -4 && exponent < 16) {
      String plain = d.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String digits = d.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (v < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
        + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
  }

  /** The fewest significant digits that round-trip, correctly rounded (Python's algorithm). */
  private static BigDecimal shortest(double v) {
    BigDecimal exact = new BigDecimal(v);
    for (int digits = 1; digits < 17; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == v) {
        return rounded.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }
}

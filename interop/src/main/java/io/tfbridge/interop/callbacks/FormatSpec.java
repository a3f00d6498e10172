package io.tfbridge.interop.callbacks;

import io.tfbridge.utils.PyFormat;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One replacement field's format spec in Python's format mini-language, for the numbers a
 * checkpoint's file name holds: fill and alignment, sign, zero padding, width, precision and the
 * types {@code d}, {@code f}, {@code e}, {@code g}, {@code %} (and their upper-case forms); no type
 * prints an int as {@code str} and a float as {@code repr}. Rounding is Python's: of the exact
 * binary value, half to even.
 */
record FormatSpec(char fill, char align, char sign, int width, int precision, char type) {
  private static final Pattern SPEC = Pattern.compile(
      "(?:(.)?([<>=^]))?([-+ ])?(0)?(\\d+)?(?:\\.(\\d+))?([deEfFgG%])?");

  /**
   * Parses {@code spec} ({@code 02d}, {@code .2f}, {@code >8.3e}).
   *
   * @throws IllegalArgumentException for what this subset does not support, naming the spec
   */
  static FormatSpec parse(String spec) {
    Matcher m = SPEC.matcher(spec);
    if (!m.matches()) {
      throw new IllegalArgumentException("unsupported format spec '" + spec + "': expected "
          + "[[fill]align][sign][0][width][.precision][type] with type one of d, e, E, f, F, g, G, %");
    }
    boolean zero = m.group(4) != null;
    char fill = m.group(1) != null ? m.group(1).charAt(0) : zero ? '0' : ' ';
    char align = m.group(2) != null ? m.group(2).charAt(0) : zero ? '=' : '>';
    char sign = m.group(3) != null ? m.group(3).charAt(0) : '-';
    int width = m.group(5) != null ? Integer.parseInt(m.group(5)) : 0;
    int precision = m.group(6) != null ? Integer.parseInt(m.group(6)) : -1;
    char type = m.group(7) != null ? m.group(7).charAt(0) : 0;
    return new FormatSpec(fill, align, sign, width, precision, type);
  }

  /**
   * Formats an int ({@link Integer} or {@link Long}) or a float ({@link Double}) as Python's
   * {@code format(value, spec)} does.
   *
   * @throws IllegalArgumentException for {@code d} with a float, as Python's ValueError
   */
  String format(Number value) {
    boolean integral = value instanceof Integer || value instanceof Long;
    if (type == 'd' && !integral) {
      throw new IllegalArgumentException("Unknown format code 'd' for object of type 'float'");
    }
    if (integral && precision >= 0 && (type == 0 || type == 'd')) {
      throw new IllegalArgumentException("Precision not allowed in integer format specifier");
    }
    double v = value.doubleValue();
    boolean negative = v < 0 || (v == 0 && 1 / v < 0);
    String digits = integral ? Long.toString(Math.abs(value.longValue())) : body(Math.abs(v));
    String signText = negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
    return pad(signText, digits);
  }

  private String body(double v) {
    if (!Double.isFinite(v)) {
      String text = Double.isNaN(v) ? "nan" : "inf";
      return Character.isUpperCase(type) ? text.toUpperCase(Locale.ROOT) : text;
    }
    int p = precision >= 0 ? precision : 6;
    return switch (type) {
      case 'f', 'F' -> fixed(v, p);
      case 'e', 'E' -> scientific(v, p, type == 'E');
      case 'g', 'G' -> general(v, Math.max(p, 1), type == 'G');
      case '%' -> fixed(v * 100, p) + "%";
      default -> precision >= 0 ? general(v, Math.max(p, 1), false) : PyFormat.repr(v);
    };
  }

  private static String fixed(double v, int decimals) {
    return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String scientific(double v, int decimals, boolean upper) {
    BigDecimal d = new BigDecimal(v).round(new MathContext(decimals + 1, RoundingMode.HALF_EVEN));
    int exponent = v == 0 ? 0 : d.precision() - d.scale() - 1;
    String mantissa = d.movePointLeft(exponent).setScale(decimals, RoundingMode.HALF_EVEN)
        .toPlainString();
    String e = String.format(Locale.ROOT, "%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
    return mantissa + (upper ? "E" : "e") + e;
  }

  /** Python's {@code g}: fixed or scientific by the exponent, trailing zeros removed. */
  private static String general(double v, int significant, boolean upper) {
    BigDecimal d = new BigDecimal(v).round(new MathContext(significant, RoundingMode.HALF_EVEN));
    int exponent = v == 0 ? 0 : d.precision() - d.scale() - 1;
    if (exponent >= -4 && exponent < significant) {
      return stripZeros(fixed(v, significant - 1 - exponent));
    }
    String s = scientific(v, significant - 1, upper);
    int e = s.indexOf(upper ? 'E' : 'e');
    return stripZeros(s.substring(0, e)) + s.substring(e);
  }

  private static String stripZeros(String number) {
    if (!number.contains(".")) {
      return number;
    }
    String stripped = number.replaceAll("0+$", "");
    return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
  }

  private String pad(String signText, String digits) {
    int missing = width - signText.length() - digits.length();
    if (missing <= 0) {
      return signText + digits;
    }
    String fillText = String.valueOf(fill).repeat(missing);
    return switch (align) {
      case '<' -> signText + digits + fillText;
      case '=' -> signText + fillText + digits;
      case '^' -> fillText.substring(0, missing / 2) + signText + digits
          + fillText.substring(missing / 2);
      default -> fillText + signText + digits;
    };
  }
}

package io.tfbridge.utils;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbers as Python prints them, so that a lesson's output, a log or a checkpoint's file name reads
 * like the Python program's:
 * {@code repr(float)} for scalars and numpy's {@code str(ndarray)} for float32 matrices.
 *
 * <pre>{@code
 * PyFormat.repr(44.0 / 45);     // "0.9777777777777777"
 * PyFormat.repr(1e-5);          // "1e-05"
 * PyFormat.array(new float[][] {{0.6018277f}, {0.40149626f}, {0.7301385f}});
 * // [[0.6018277 ]
 * //  [0.40149626]
 * //  [0.7301385 ]]
 * }</pre>
 *
 * <p>Both use the shortest digits that read back as the same number, as Python and numpy do. Arrays
 * follow numpy's defaults ({@code precision=8}, {@code floatmode='maxprec'}, scientific notation
 * when the magnitudes call for it) except that rows are not wrapped at 75 characters.
 */
public final class PyFormat {
  private static final int NUMPY_PRECISION = 8;

  private PyFormat() {}

  /** Python's {@code repr(value)} of a float: {@code 0.5}, {@code 1.0}, {@code 1e-05}. */
  public static String repr(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0.0" : "0.0";
    }
    BigDecimal d = shortest(value, 17, false);
    int exponent = d.precision() - d.scale() - 1;
    if (exponent < -4 || exponent >= 16) {
      String[] parts = scientific(d, exponent);
      String fraction = parts[1].isEmpty() ? "" : "." + parts[1];
      return parts[0] + fraction + "e" + signed(exponent, 2);
    }
    String plain = d.toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  /** numpy's {@code str(array)} of a 2-D float32 array, e.g. {@code [[0.5 ]\n [0.25]]}. */
  public static String array(float[][] rows) {
    List<Float> finite = new ArrayList<>();
    for (float[] row : rows) {
      for (float v : row) {
        if (Float.isFinite(v)) {
          finite.add(v);
        }
      }
    }
    String[][] cells = useScientific(finite) ? scientificCells(rows) : positionalCells(rows);
    List<String> lines = new ArrayList<>();
    for (String[] row : cells) {
      lines.add("[" + String.join(" ", row) + "]");
    }
    return "[" + String.join("\n ", lines) + "]";
  }

  private static String[][] positionalCells(float[][] rows) {
    String[][] ints = new String[rows.length][];
    String[][] fracs = new String[rows.length][];
    int left = 0;
    int right = 0;
    for (int i = 0; i < rows.length; i++) {
      ints[i] = new String[rows[i].length];
      fracs[i] = new String[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        String s = positional(rows[i][j]);
        int dot = s.indexOf('.');
        ints[i][j] = dot < 0 ? s : s.substring(0, dot);
        fracs[i][j] = dot < 0 ? null : s.substring(dot + 1);
        if (dot >= 0) {
          left = Math.max(left, ints[i][j].length());
          right = Math.max(right, fracs[i][j].length());
        }
      }
    }
    return pad(ints, fracs, left, right);
  }

  private static String[][] scientificCells(float[][] rows) {
    String[][] ints = new String[rows.length][];
    String[][] fracs = new String[rows.length][];
    int right = 0;
    int expDigits = 2;
    for (int i = 0; i < rows.length; i++) {
      ints[i] = new String[rows[i].length];
      fracs[i] = new String[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        float v = rows[i][j];
        if (!Float.isFinite(v)) {
          ints[i][j] = nonFinite(v);
          continue;
        }
        BigDecimal d = shortest(v, NUMPY_PRECISION + 1, true);
        int exponent = v == 0 ? 0 : d.precision() - d.scale() - 1;
        String[] parts = v == 0 ? new String[] {"0", ""} : scientific(d, exponent);
        ints[i][j] = parts[0];
        fracs[i][j] = parts[1] + "e" + exponent;
        right = Math.max(right, parts[1].length());
        expDigits = Math.max(expDigits, String.valueOf(Math.abs(exponent)).length());
      }
    }
    return padScientific(ints, fracs, right, expDigits);
  }

  private static String[][] padScientific(
      String[][] ints, String[][] fracs, int right, int expDigits) {
    int left = 0;
    for (int i = 0; i < fracs.length; i++) {
      for (int j = 0; j < fracs[i].length; j++) {
        if (fracs[i][j] != null) {
          String[] parts = fracs[i][j].split("e");
          String digits = parts[0] + "0".repeat(right - parts[0].length());
          fracs[i][j] = digits + "e" + signed(Integer.parseInt(parts[1]), expDigits);
          left = Math.max(left, ints[i][j].length());
        }
      }
    }
    return pad(ints, fracs, left, right + 2 + expDigits);
  }

  /**
   * numpy's alignment: integer parts right-aligned to {@code left}, fractions left-aligned to
   * {@code right}; a cell without a fraction (nan, inf) is right-aligned to the whole width.
   */
  private static String[][] pad(String[][] ints, String[][] fracs, int left, int right) {
    String[][] out = new String[ints.length][];
    for (int i = 0; i < ints.length; i++) {
      out[i] = new String[ints[i].length];
      for (int j = 0; j < ints[i].length; j++) {
        String frac = fracs[i][j];
        out[i][j] = frac == null ? leftPad(ints[i][j], left + 1 + right)
            : leftPad(ints[i][j], left) + "." + frac + " ".repeat(right - frac.length());
      }
    }
    return out;
  }

  private static String leftPad(String s, int width) {
    return " ".repeat(Math.max(0, width - s.length())) + s;
  }

  /** numpy's positional digits of a float32: shortest, at most 8 decimals, {@code 1.} for one. */
  private static String positional(float v) {
    if (!Float.isFinite(v)) {
      return nonFinite(v);
    }
    BigDecimal d = shortest(v, NUMPY_PRECISION + 1, true);
    if (d.scale() > NUMPY_PRECISION) {
      d = new BigDecimal(v).setScale(NUMPY_PRECISION, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
    String plain = d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    return plain.contains(".") ? plain : plain + ".";
  }

  /** numpy switches to scientific notation for tiny, huge or widely spread magnitudes. */
  private static boolean useScientific(List<Float> finite) {
    double max = 0;
    double min = Double.POSITIVE_INFINITY;
    for (float v : finite) {
      if (v != 0) {
        max = Math.max(max, Math.abs(v));
        min = Math.min(min, Math.abs(v));
      }
    }
    return max > 0 && (max >= 1e8 || min < 1e-4 || max / min > 1e3);
  }

  /** The fewest significant digits (up to {@code maxDigits}) that read back as {@code value}. */
  private static BigDecimal shortest(double value, int maxDigits, boolean asFloat) {
    BigDecimal exact = new BigDecimal(value);
    for (int n = 1; n < maxDigits; n++) {
      BigDecimal r = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
      if (asFloat ? r.floatValue() == (float) value : r.doubleValue() == value) {
        return r.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(maxDigits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  /** {@code {"-1", "5"}} for -1.5e-05: the first digit (with its sign) and the other digits. */
  private static String[] scientific(BigDecimal d, int exponent) {
    String digits = d.unscaledValue().abs().toString();
    String sign = d.signum() < 0 ? "-" : "";
    return new String[] {sign + digits.charAt(0), digits.substring(1)};
  }

  private static String signed(int exponent, int digits) {
    String magnitude = String.valueOf(Math.abs(exponent));
    String zeros = "0".repeat(Math.max(0, digits - magnitude.length()));
    return (exponent < 0 ? "-" : "+") + zeros + magnitude;
  }

  private static String nonFinite(float v) {
    return Float.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
  }
}

package io.tfbridge.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for the golden files the Python scripts write (test-only; the JDK has
 * no JSON parser). Objects become {@code Map<String, Object>}, arrays {@code List<Object>},
 * integers {@code Long}, other numbers (and Python's {@code NaN}/{@code Infinity}) {@code
 * Double}.
 */
public final class MiniJson {
  private final String s;
  private int pos;

  private MiniJson(String s) {
    this.s = s;
  }

  /** Parses a classpath resource. */
  public static Object resource(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Object parse(String text) {
    MiniJson p = new MiniJson(text);
    Object v = p.value();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw new IllegalArgumentException("trailing text at " + p.pos);
    }
    return v;
  }

  private Object value() {
    skipSpace();
    char c = s.charAt(pos);
    if (c == '{') {
      return object();
    } else if (c == '[') {
      return array();
    } else if (c == '"') {
      return string();
    }
    for (String word : new String[] {"null", "true", "false", "NaN", "Infinity", "-Infinity"}) {
      if (s.startsWith(word, pos)) {
        pos += word.length();
        return switch (word) {
          case "null" -> null;
          case "true" -> Boolean.TRUE;
          case "false" -> Boolean.FALSE;
          default -> Double.parseDouble(word);
        };
      }
    }
    return number();
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    pos++;
    while (!consume('}')) {
      skipSpace();
      String key = string();
      skipSpace();
      expect(':');
      map.put(key, value());
      consume(',');
    }
    return map;
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    pos++;
    while (!consume(']')) {
      list.add(value());
      consume(',');
    }
    return list;
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (s.charAt(pos) != '"') {
      char c = s.charAt(pos++);
      if (c == '\\') {
        char e = s.charAt(pos++);
        sb.append(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'u' -> (char) Integer.parseInt(s.substring(pos, pos += 4), 16);
          default -> e;
        });
      } else {
        sb.append(c);
      }
    }
    pos++;
    return sb.toString();
  }

  private Object number() {
    int start = pos;
    while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    String n = s.substring(start, pos);
    boolean integral = n.chars().noneMatch(ch -> ch == '.' || ch == 'e' || ch == 'E');
    return integral ? (Object) Long.parseLong(n) : (Object) Double.parseDouble(n);
  }

  private boolean consume(char c) {
    skipSpace();
    if (pos < s.length() && s.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!consume(c)) {
      throw new IllegalArgumentException("expected '" + c + "' at " + pos);
    }
  }

  private void skipSpace() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  // ---- conversions for tests ----

  @SuppressWarnings("unchecked")
  public static Map<String, Object> obj(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  public static int[] ints(Object o) {
    return list(o).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
  }

  public static long[] longs(Object o) {
    return list(o).stream().mapToLong(v -> ((Number) v).longValue()).toArray();
  }

  public static double[] doubles(Object o) {
    return list(o).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }

  public static float[] floats(Object o) {
    double[] d = doubles(o);
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  public static int[][] intMatrix(Object o) {
    return list(o).stream().map(MiniJson::ints).toArray(int[][]::new);
  }

  public static float[][] floatMatrix(Object o) {
    return list(o).stream().map(MiniJson::floats).toArray(float[][]::new);
  }
}

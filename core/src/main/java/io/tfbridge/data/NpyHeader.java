package io.tfbridge.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a {@code .npy} file: magic string, version, and the Python dict literal
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}.
 *
 * <p>Format reference: numpy's {@code numpy/lib/format.py} (NEP 1). Versions 1.0 and 2.0
 * differ only in the width of the header-length field (2 or 4 bytes); 3.0 encodes the
 * header as UTF-8 rather than latin-1.
 */
record NpyHeader(NpyDtype dtype, ByteOrder order, long[] shape) {

  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int MAX_HEADER_LENGTH = 1 << 20;
  private static final int ALIGNMENT = 64;
  private static final Pattern DESCR =
      Pattern.compile("['\"]descr['\"]\\s*:\\s*(['\"])([^'\"]*)\\1");
  private static final Pattern DESCR_KEY = Pattern.compile("['\"]descr['\"]\\s*:");
  private static final Pattern FORTRAN =
      Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

  /** Reads and parses the header, leaving {@code in} at the first data byte. */
  static NpyHeader read(InputStream in, String source) throws IOException {
    int major = readVersion(in, source);
    int width = major == 1 ? 2 : 4;
    ByteBuffer len = ByteBuffer.wrap(readExactly(in, width, source, "header length"))
        .order(ByteOrder.LITTLE_ENDIAN);
    long headerLength = width == 2 ? len.getShort() & 0xFFFF : len.getInt() & 0xFFFFFFFFL;
    if (headerLength > MAX_HEADER_LENGTH) {
      throw new IllegalArgumentException(source + ": .npy header length " + headerLength
          + " exceeds the limit of " + MAX_HEADER_LENGTH + " bytes");
    }
    Charset charset = major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    byte[] text = readExactly(in, (int) headerLength, source, "header");
    return parse(new String(text, charset), source);
  }

  /** Checks the magic string and returns the major version (1, 2 or 3). */
  private static int readVersion(InputStream in, String source) throws IOException {
    byte[] magic = readExactly(in, MAGIC.length + 2, source, "magic string and version");
    if (!Arrays.equals(magic, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IllegalArgumentException(source + ": not a .npy file: expected magic "
          + "string \\x93NUMPY, found " + hex(magic, MAGIC.length));
    }
    int major = magic[6] & 0xFF;
    int minor = magic[7] & 0xFF;
    if (major < 1 || major > 3 || minor != 0) {
      throw new IllegalArgumentException(source + ": unsupported .npy format version "
          + major + "." + minor + ", expected 1.0, 2.0 or 3.0");
    }
    return major;
  }

  /** Parses the dict literal of a header. */
  static NpyHeader parse(String text, String source) {
    String dict = text.strip();
    if (!dict.startsWith("{") || !dict.endsWith("}")) {
      throw bad(source, "a Python dict literal {...}", dict);
    }
    String descr = descr(dict, source);
    checkCOrder(dict, source);
    Matcher shape = SHAPE.matcher(dict);
    if (!shape.find()) {
      throw bad(source, "'shape': (d0, d1, ...)", dict);
    }
    long[] dims = parseShape(shape.group(1), source);
    return new NpyHeader(NpyDtype.parse(descr, source), NpyDtype.order(descr), dims);
  }

  private static String descr(String dict, String source) {
    Matcher descr = DESCR.matcher(dict);
    if (descr.find()) {
      return descr.group(2);
    }
    String what = DESCR_KEY.matcher(dict).find()
        ? "structured or non-string 'descr' (only simple dtypes are supported: "
            + NpyDtype.supported() + ")"
        : "no 'descr' key";
    throw new IllegalArgumentException(source + ": bad .npy header: " + what + " in " + dict);
  }

  private static void checkCOrder(String dict, String source) {
    Matcher fortran = FORTRAN.matcher(dict);
    if (!fortran.find()) {
      throw bad(source, "'fortran_order': True or False", dict);
    }
    if (fortran.group(1).equals("True")) {
      throw new IllegalArgumentException(source + ": Fortran-order (column-major) arrays are "
          + "not supported: expected 'fortran_order': False, found True; save the array "
          + "with np.save(path, np.ascontiguousarray(a))");
    }
  }

  /** The header bytes numpy would write: magic, version, length and padded dict. */
  static byte[] format(NpyDtype dtype, long[] shape) {
    String dict = "{'descr': '" + dtype.descr + "', 'fortran_order': False, 'shape': "
        + NpyArray.shapeString(shape) + ", }";
    int major = paddedLength(dict, MAGIC.length + 4) <= 65535 ? 1 : 2;
    int prefix = MAGIC.length + 2 + (major == 1 ? 2 : 4);
    int padded = paddedLength(dict, prefix);
    String header = dict + " ".repeat(padded - dict.length() - 1) + "\n";
    ByteBuffer buf = ByteBuffer.allocate(prefix + padded).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(MAGIC).put((byte) major).put((byte) 0);
    if (major == 1) {
      buf.putShort((short) padded);
    } else {
      buf.putInt(padded);
    }
    return buf.put(header.getBytes(StandardCharsets.ISO_8859_1)).array();
  }

  /** Length of dict + spaces + newline so that prefix + header is a multiple of 64. */
  private static int paddedLength(String dict, int prefix) {
    int unpadded = dict.length() + 1;
    return unpadded + (ALIGNMENT - (prefix + unpadded) % ALIGNMENT) % ALIGNMENT;
  }

  private static long[] parseShape(String dims, String source) {
    List<Long> out = new ArrayList<>();
    for (String part : dims.split(",")) {
      String p = part.strip();
      if (p.endsWith("L")) {
        p = p.substring(0, p.length() - 1); // Python 2 long literal
      }
      if (p.isEmpty()) {
        continue;
      }
      try {
        out.add(Long.parseLong(p));
      } catch (NumberFormatException e) {
        throw bad(source, "integer dimensions in 'shape'", "(" + dims + ")");
      }
    }
    long[] shape = out.stream().mapToLong(Long::longValue).toArray();
    try {
      NpyArray.sizeOf(shape);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": bad .npy header: " + e.getMessage(), e);
    }
    return shape;
  }

  static byte[] readExactly(InputStream in, int n, String source, String what) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      throw new IllegalArgumentException(source + ": truncated .npy file: expected " + n
          + " bytes of " + what + ", found " + b.length);
    }
    return b;
  }

  private static IllegalArgumentException bad(String source, String expected, String found) {
    return new IllegalArgumentException(
        source + ": bad .npy header: expected " + expected + ", found " + found);
  }

  private static String hex(byte[] b, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(String.format("\\x%02x", b[i] & 0xFF));
    }
    return sb.toString();
  }
}

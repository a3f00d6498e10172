package io.tfbridge.interop.npy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/**
 * String {@code .npy} files: numpy's unicode arrays ({@code '<U8'}, UTF-32, what
 * {@code np.save("x.npy", np.array(["a", "b"]))} writes) and byte-string arrays ({@code '|S8'},
 * read as UTF-8), as {@code NdArray<String>}. Strings are written as {@code '<U<n>'}, {@code n} the
 * longest string's length in code points; trailing NULs are dropped on reading, as numpy does.
 *
 * <pre>{@code
 * NdArray<String> names = NpyStrings.read(Path.of("names.npy"));
 * NpyStrings.write(Path.of("greetings.npy"), greetings);
 * }</pre>
 */
public final class NpyStrings {
  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|=])([US])(\\d+)'");
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

  private NpyStrings() {}

  /** True if {@code header} (an .npy header dict) describes a string array. */
  static boolean isStringHeader(String header) {
    return DESCR.matcher(header).find();
  }

  /** The header dict of the .npy file {@code file}, read from its start. */
  static String header(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return readHeader(new DataInputStream(in), file);
    }
  }

  /**
   * Reads a {@code '<U'} or {@code '|S'} .npy file.
   *
   * @throws IllegalArgumentException if it is not one, naming the file
   */
  public static NdArray<String> read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      String header = readHeader(in, file);
      Matcher descr = DESCR.matcher(header);
      Matcher shape = SHAPE.matcher(header);
      if (!descr.find() || !shape.find() || header.contains("'fortran_order': True")) {
        throw new IllegalArgumentException(file + ": not a C-order string .npy array: " + header);
      }
      boolean unicode = descr.group(2).equals("U");
      int width = Integer.parseInt(descr.group(3)) * (unicode ? 4 : 1);
      ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      NdArray<String> out = NdArrays.ofObjects(String.class, parseShape(shape.group(1)));
      byte[] item = new byte[width];
      for (var scalar : out.scalars()) {
        in.readFully(item);
        scalar.setObject(unicode ? decodeUtf32(item, order) : decodeBytes(item));
      }
      return out;
    }
  }

  /** Writes {@code strings} as a {@code '<U<n>'} .npy file that {@code np.load} reads. */
  public static void write(Path file, NdArray<String> strings) throws IOException {
    int width = Math.max(1, strings.streamOfObjects()
        .mapToInt(s -> (int) s.codePoints().count()).max().orElse(1));
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(headerBytes("{'descr': '<U" + width + "', 'fortran_order': False, 'shape': "
          + shapeText(strings.shape()) + ", }"));
      ByteBuffer item = ByteBuffer.allocate(width * 4).order(ByteOrder.LITTLE_ENDIAN);
      for (String s : (Iterable<String>) strings.streamOfObjects()::iterator) {
        item.clear();
        s.codePoints().forEach(item::putInt);
        while (item.hasRemaining()) {
          item.put((byte) 0);
        }
        out.write(item.array());
      }
    }
  }

  private static String readHeader(DataInputStream in, Path file) throws IOException {
    byte[] magic = new byte[8];
    in.readFully(magic);
    if ((magic[0] & 0xFF) != 0x93 || !new String(magic, 1, 5, StandardCharsets.ISO_8859_1)
        .equals("NUMPY")) {
      throw new IllegalArgumentException(file + ": not a .npy file (no \\x93NUMPY magic string)");
    }
    ByteBuffer length = ByteBuffer.wrap(in.readNBytes(magic[6] == 1 ? 2 : 4))
        .order(ByteOrder.LITTLE_ENDIAN);
    int size = magic[6] == 1 ? length.getShort() & 0xFFFF : length.getInt();
    if (size < 0 || size > (1 << 20)) {
      throw new IllegalArgumentException(file + ": bad .npy header length " + size);
    }
    byte[] text = new byte[size];
    in.readFully(text);
    return new String(text, magic[6] == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }

  private static byte[] headerBytes(String dict) {
    int total = 10 + dict.length() + 1;
    String padded = dict + " ".repeat((64 - total % 64) % 64) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    out.write(padded.length() & 0xFF);
    out.write(padded.length() >> 8);
    out.writeBytes(padded.getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  private static String decodeUtf32(byte[] item, ByteOrder order) {
    ByteBuffer buf = ByteBuffer.wrap(item).order(order);
    int[] codePoints = new int[item.length / 4];
    int end = 0;
    for (int i = 0; i < codePoints.length; i++) {
      codePoints[i] = buf.getInt();
      end = codePoints[i] != 0 ? i + 1 : end;
    }
    return new String(codePoints, 0, end);
  }

  private static String decodeBytes(byte[] item) {
    int end = item.length;
    while (end > 0 && item[end - 1] == 0) {
      end--;
    }
    return new String(item, 0, end, StandardCharsets.UTF_8);
  }

  private static Shape parseShape(String dims) {
    String[] parts = dims.replace(" ", "").split(",");
    return Shape.of(java.util.Arrays.stream(parts).filter(p -> !p.isEmpty())
        .mapToLong(Long::parseLong).toArray());
  }

  private static String shapeText(Shape shape) {
    long[] dims = shape.asArray();
    String body = java.util.Arrays.stream(dims).mapToObj(Long::toString)
        .collect(java.util.stream.Collectors.joining(", "));
    return "(" + body + (dims.length == 1 ? ",)" : ")");
  }
}

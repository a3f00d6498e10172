package io.tfbridge.data;

import io.tfbridge.utils.TempFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Reads and writes numpy {@code .npy} files, like {@code np.load} and {@code np.save}.
 *
 * <p>Supports format versions 1.0, 2.0 and 3.0, C (row-major) order, and the dtypes of
 * {@link NpyArray}. Big-endian files ({@code '>f4'}) are read too. Files are always written
 * little-endian as version 1.0 (2.0 only if the header would not fit), exactly as numpy does.
 *
 * <pre>{@code
 * Npy.write(Path.of("x.npy"), NpyArray.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
 * NpyArray x = Npy.read(Path.of("x.npy"));   // np.load("x.npy")
 * float[][] rows = x.toFloatMatrix();
 * }</pre>
 *
 * <p>A malformed file (bad magic string, unsupported version or dtype, Fortran order,
 * truncated data) raises {@link IllegalArgumentException} naming the file, what was expected
 * and what was found; I/O failures raise {@link IOException}.
 */
public final class Npy {

  private static final int CHUNK_BYTES = 1 << 16;

  private Npy() {}

  /**
   * Reads a {@code .npy} file.
   *
   * @throws IllegalArgumentException if the file is not a valid, supported {@code .npy} file
   * @throws IOException              if it cannot be read
   */
  public static NpyArray read(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads one array from a stream positioned at a {@code .npy} magic string, leaving the
   * stream just after the array's data. The stream is not closed.
   */
  public static NpyArray read(InputStream in) throws IOException {
    return read(in, "<stream>");
  }

  /** As {@link #read(InputStream)}, naming {@code source} (a file or archive member) in errors. */
  static NpyArray read(InputStream in, String source) throws IOException {
    NpyHeader header = NpyHeader.read(in, source);
    long count = NpyArray.sizeOf(header.shape());
    NpyDtype dtype = header.dtype();
    if (count > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(source + ": shape " + NpyArray.shapeString(header.shape())
          + " has " + count + " elements, more than a Java array can hold");
    }
    Object data = dtype.allocate((int) count);
    readData(in, header, data, (int) count, source);
    return new NpyArray(dtype.descr, header.shape(), data);
  }

  /**
   * Writes a {@code .npy} file that {@code np.load} reads back. The bytes go to a temporary
   * file in the same directory that is then moved over {@code file}, so a failure never
   * leaves a half-written file behind.
   */
  public static void write(Path file, NpyArray array) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = TempFiles.create(dir, "." + file.getFileName(), ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
        write(out, array);
      }
      makeWorldReadable(tmp);
      moveIntoPlace(tmp, file);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes the {@code .npy} bytes of {@code array} to a stream, which is not closed. */
  public static void write(OutputStream out, NpyArray array) throws IOException {
    NpyDtype dtype = NpyDtype.of(array.dtype());
    out.write(NpyHeader.format(dtype, array.shape()));
    int count = (int) array.size();
    int perChunk = CHUNK_BYTES / dtype.itemSize;
    ByteBuffer buf = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (int done = 0, n; done < count; done += n) { // += n never overflows past count
      n = Math.min(perChunk, count - done);
      buf.clear();
      dtype.encode(array.data(), done, n, buf);
      out.write(buf.array(), 0, n * dtype.itemSize);
    }
  }

  private static void readData(
      InputStream in, NpyHeader header, Object data, int count, String source)
      throws IOException {
    NpyDtype dtype = header.dtype();
    int perChunk = CHUNK_BYTES / dtype.itemSize;
    ByteBuffer buf = ByteBuffer.allocate(CHUNK_BYTES).order(header.order());
    for (int done = 0, n; done < count; done += n) {
      n = Math.min(perChunk, count - done);
      int want = n * dtype.itemSize;
      int got = in.readNBytes(buf.array(), 0, want);
      if (got < want) {
        long expected = (long) count * dtype.itemSize;
        long found = (long) done * dtype.itemSize + got;
        throw new IllegalArgumentException(source + ": truncated .npy data: expected "
            + expected + " bytes for shape " + NpyArray.shapeString(header.shape())
            + " and dtype '" + dtype.descr + "', found " + found);
      }
      buf.clear();
      dtype.decode(buf, data, done, n);
    }
  }

  private static void moveIntoPlace(Path tmp, Path file) throws IOException {
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Temp files are created owner-only; give the result the usual rw-r--r-- instead. */
  private static void makeWorldReadable(Path tmp) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    if (view != null) {
      view.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
    }
  }
}

package io.tfbridge.datasets;

import io.tfbridge.data.NpyArray;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of the original MNIST distribution
 * (http://yann.lecun.com/exdb/mnist/), optionally gzipped.
 *
 * <p>An IDX file starts with a 4-byte magic number {@code 0x00 0x00 <type> <ndim>}, then
 * {@code ndim} big-endian 32-bit dimensions, then the data in C order. Only type
 * {@code 0x08} (unsigned byte), the type of every MNIST file, is supported: images have
 * magic {@code 0x00000803}, labels {@code 0x00000801}.
 *
 * <pre>{@code
 * NpyArray images = Idx.read(Path.of("train-images-idx3-ubyte.gz"));
 * images.shapeString();   // "(60000, 28, 28)", dtype '|u1'
 * }</pre>
 */
public final class Idx {

  /** The IDX type code of unsigned bytes. */
  public static final int UNSIGNED_BYTE = 0x08;

  private Idx() {}

  /**
   * Reads an IDX file of unsigned bytes as a {@code '|u1'} array; gzip compression is detected
   * from the content, whatever the file name.
   *
   * @throws IllegalArgumentException on a bad magic number or truncated data, naming the file
   */
  public static NpyArray read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** As {@link #read(Path)} from a stream, naming {@code source} in errors; does not close it. */
  public static NpyArray read(InputStream in, String source) throws IOException {
    try {
      return readBody(maybeGunzip(new BufferedInputStream(in)), source);
    } catch (EOFException | ZipException e) {
      throw new IllegalArgumentException(source + ": truncated or corrupt gzip data: "
          + e.getMessage(), e);
    }
  }

  private static NpyArray readBody(InputStream body, String source) throws IOException {
    long[] shape = readShape(body, readDimensionCount(body, source), source);
    long size = 1;
    for (long d : shape) {
      size = Math.min(size * d, Long.MAX_VALUE / (1L << 32)); // saturates, cannot overflow
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(source + ": IDX dimensions " + shapeString(shape)
          + " hold more bytes than a Java array can hold");
    }
    byte[] data = body.readNBytes((int) size);
    if (data.length < size) {
      throw new IllegalArgumentException(source + ": truncated IDX data: expected " + size
          + " bytes for dimensions " + shapeString(shape) + ", found " + data.length);
    }
    return NpyArray.ofUint8(data, shape);
  }

  /** Checks the magic number {@code 0x000008NN} and returns NN, the number of dimensions. */
  private static int readDimensionCount(InputStream in, String source) throws IOException {
    int magic = ByteBuffer.wrap(readExactly(in, 4, source, "magic number")).getInt();
    int ndim = magic & 0xFF;
    if ((magic & 0xFFFFFF00) != UNSIGNED_BYTE << 8 || ndim == 0) {
      throw new IllegalArgumentException(String.format("%s: bad IDX magic number: expected "
          + "0x000008NN (unsigned bytes, NN dimensions), found 0x%08X", source, magic));
    }
    return ndim;
  }

  private static long[] readShape(InputStream in, int ndim, String source) throws IOException {
    ByteBuffer dims = ByteBuffer.wrap(readExactly(in, 4 * ndim, source, ndim + " dimensions"));
    long[] shape = new long[ndim];
    for (int i = 0; i < ndim; i++) {
      shape[i] = dims.getInt() & 0xFFFFFFFFL;
    }
    return shape;
  }

  private static InputStream maybeGunzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in)) : in;
  }

  private static byte[] readExactly(InputStream in, int n, String source, String what)
      throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      throw new IllegalArgumentException(source + ": truncated IDX file: expected " + n
          + " bytes of " + what + ", found " + b.length);
    }
    return b;
  }

  static String shapeString(long[] shape) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return sb.append(shape.length == 1 ? ",)" : ")").toString();
  }
}

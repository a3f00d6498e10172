package io.tfbridge.interop.keras;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.object.datatype.FloatingPoint;
import io.tfbridge.engine.WeightSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.tensorflow.ndarray.buffer.ByteDataBuffer;

/**
 * A float32 dataset stored as Keras stores weights (contiguous, unfiltered, little-endian), copied
 * from the HDF5 file straight into a tensor in 64 KB chunks: a model's weights never sit whole on
 * the heap.
 */
final class RawFloats implements WeightSource {
  private static final int CHUNK = 1 << 16;
  private final Path file;
  private final long offset;
  private final long count;
  private final String where;

  private RawFloats(Path file, long offset, long count, String where) {
    this.file = file;
    this.offset = offset;
    this.count = count;
    this.where = where;
  }

  /**
   * The dataset as raw floats when it is stored so (and the platform is little-endian, as TensorFlow's
   * tensors then are); null otherwise, for the caller to read it through jhdf.
   *
   * @param base the file offset HDF5 addresses count from (the user block's size)
   */
  static RawFloats of(Path file, long base, Dataset d, String where) {
    if (!(d instanceof ContiguousDataset c) || d.isScalar() || !d.getFilters().isEmpty()
        || !(d.getDataType() instanceof FloatingPoint fp) || fp.getSize() != 4
        || fp.getByteOrder() != ByteOrder.LITTLE_ENDIAN
        || ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN
        || d.getStorageInBytes() != 4 * d.getSize()) {
      return null;
    }
    return new RawFloats(file, base + c.getDataAddress(), d.getSize(), where);
  }

  @Override
  public long size() {
    return count;
  }

  @Override
  public void copyTo(ByteDataBuffer target) {
    byte[] chunk = new byte[CHUNK];
    ByteBuffer buffer = ByteBuffer.wrap(chunk);
    long bytes = 4 * count;
    try (FileChannel fc = FileChannel.open(file)) {
      for (long pos = 0; pos < bytes; ) {
        buffer.clear().limit((int) Math.min(CHUNK, bytes - pos));
        int n = fc.read(buffer, offset + pos);
        if (n <= 0) {
          throw new IOException(where + " ends after " + pos + " of " + bytes + " bytes");
        }
        target.offset(pos).write(chunk, 0, n);
        pos += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + where + " failed: " + e.getMessage(), e);
    }
  }
}

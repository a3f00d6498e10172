package io.tfbridge.interop.keras;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_TRUNC;
import static org.bytedeco.hdf5.global.hdf5.H5S_SCALAR;
import static org.bytedeco.hdf5.global.hdf5.H5T_CSET_UTF8;
import static org.bytedeco.hdf5.global.hdf5.H5T_VARIABLE;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.bytedeco.hdf5.Attribute;
import org.bytedeco.hdf5.DataSet;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.DataType;
import org.bytedeco.hdf5.Group;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.hdf5.H5Object;
import org.bytedeco.hdf5.PredType;
import org.bytedeco.hdf5.StrType;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Writes an HDF5 file through the HDF5 library itself (1.14, by the JavaCPP presets), as h5py writes
 * Keras's files: strings as variable-length UTF-8 (so a model config of any size fits an attribute),
 * float32 and int64 datasets, groups made as paths are used. Reading stays with jhdf.
 *
 * <p>The HDF5 build is not thread-safe: one file is written at a time in the JVM (a lock held from
 * {@link #create} to {@link #close}). A failure surfaces as a {@link KerasFileException} naming the
 * file and the object being written; the caller writes to a temporary file, so nothing half-written
 * is left.
 *
 * <pre>{@code
 * try (H5Writer h5 = H5Writer.create(file)) {
 *   h5.attribute("", "model_config", json);
 *   h5.dataset("model_weights/dense/dense", "kernel", new long[] {3, 4}, values);
 * }
 * }</pre>
 */
final class H5Writer implements AutoCloseable {
  private static final ReentrantLock LOCK = new ReentrantLock();

  private final Path file;
  private final H5File h5;
  private final Map<String, Group> groups = new HashMap<>();
  private final List<Group> opened = new ArrayList<>();
  private boolean closed;

  private H5Writer(Path file, H5File h5) {
    this.file = file;
    this.h5 = h5;
  }

  /** Creates (or truncates) {@code file}; the writer must be closed. */
  static H5Writer create(Path file) {
    LOCK.lock();
    try {
      org.bytedeco.hdf5.Exception.dontPrint(); // failures are reported as exceptions, not on stderr
      return new H5Writer(file, new H5File(file.toString(), H5F_ACC_TRUNC));
    } catch (RuntimeException e) {
      LOCK.unlock();
      throw new KerasFileException(file, "HDF5 could not create the file: " + e.getMessage(), e);
    }
  }

  /** A scalar UTF-8 string attribute on the group at {@code path} ("" is the root). */
  void attribute(String path, String name, String value) {
    strings(path, name, new String[] {value}, true);
  }

  /** A one-dimensional UTF-8 string array attribute on the group at {@code path}. */
  void attribute(String path, String name, List<String> values) {
    strings(path, name, values.toArray(String[]::new), false);
  }

  /** A float32 dataset of {@code shape} ({@code []} for a scalar) in the group at {@code path}. */
  void dataset(String path, String name, long[] shape, float[] values) {
    run(path + "/" + name, () -> {
      try (FloatPointer data = new FloatPointer(values)) {
        write(path, name, shape, PredType.IEEE_F32LE(), data, PredType.NATIVE_FLOAT());
      }
    });
  }

  /** A scalar int64 dataset in the group at {@code path} (Keras's optimizer iteration count). */
  void dataset(String path, String name, long value) {
    run(path + "/" + name, () -> {
      try (LongPointer data = new LongPointer(new long[] {value})) {
        write(path, name, new long[0], PredType.STD_I64LE(), data, PredType.NATIVE_INT64());
      }
    });
  }

  /** Creates the group at {@code path} (and its parents) if it does not exist yet. */
  void group(String path) {
    run(path, () -> groupAt(path));
  }

  private void write(String path, String name, long[] shape, DataType fileType, Pointer data,
      DataType memoryType) {
    try (DataSpace space = space(shape)) {
      DataSet set = groupAt(path).createDataSet(name, fileType, space);
      set.write(data, memoryType);
      set._close();
    }
  }

  private void strings(String path, String name, String[] values, boolean scalar) {
    run(path + "@" + name, () -> {
      List<BytePointer> bytes = new ArrayList<>();
      for (String v : values) {
        bytes.add(new BytePointer(v, StandardCharsets.UTF_8));
      }
      try (StrType type = new StrType(PredType.C_S1(), H5T_VARIABLE);
          DataSpace space = scalar ? new DataSpace(H5S_SCALAR) : space(new long[] {values.length});
          PointerPointer<BytePointer> data = new PointerPointer<>(values.length)) {
        type.setCset(H5T_CSET_UTF8);
        for (int i = 0; i < values.length; i++) {
          data.put(i, bytes.get(i));
        }
        H5Object owner = path.isEmpty() ? h5 : groupAt(path);
        Attribute attribute = owner.createAttribute(name, type, space);
        attribute.write(type, data);
        attribute._close();
      } finally {
        bytes.forEach(Pointer::close);
      }
    });
  }

  private static DataSpace space(long[] shape) {
    return shape.length == 0 ? new DataSpace(H5S_SCALAR) : new DataSpace(shape.length, shape);
  }

  /** The group at a path relative to the root, made with its missing parents. */
  private Group groupAt(String path) {
    Group group = groups.get(path);
    if (group == null) {
      int slash = path.lastIndexOf('/');
      String name = path.substring(slash + 1);
      group = slash < 0 ? h5.createGroup(name) : groupAt(path.substring(0, slash)).createGroup(name);
      groups.put(path, group);
      opened.add(group);
    }
    return group;
  }

  /** Runs one HDF5 call, its failure an error naming the file and the object. */
  private void run(String what, Runnable call) {
    if (closed) {
      throw new IllegalStateException(file + ": the HDF5 writer is closed");
    }
    try {
      call.run();
    } catch (RuntimeException e) {
      throw new KerasFileException(file, "HDF5 could not write " + what + ": " + e.getMessage(), e);
    }
  }

  /** Closes the groups and the file and releases the JVM-wide HDF5 lock; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      for (int i = opened.size() - 1; i >= 0; i--) {
        opened.get(i)._close();
      }
      h5._close();
    } catch (RuntimeException e) {
      throw new KerasFileException(file, "HDF5 could not finish the file: " + e.getMessage(), e);
    } finally {
      LOCK.unlock();
    }
  }
}

package io.tfbridge.interop.keras;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** The two Keras model file formats: the Keras 3 {@code .keras} zip and the legacy HDF5 {@code .h5}. */
enum KerasFormat {
  /** Keras 3's zip of config.json, metadata.json and model.weights.h5. */
  KERAS,
  /** Keras's legacy HDF5 file: model_config/training_config attributes and a model_weights group. */
  LEGACY_H5;

  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

  /** The format to save to, from the file name's extension. */
  static KerasFormat forName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".keras")) {
      return KERAS;
    }
    if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
      return LEGACY_H5;
    }
    throw new IllegalArgumentException("cannot tell the format from the file name: use a name "
        + "ending in .keras (Keras 3) or .h5 (legacy HDF5)");
  }

  /** The format of an existing file, from its first bytes. */
  static KerasFormat detect(Path file) throws IOException {
    byte[] head = new byte[HDF5_MAGIC.length];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n == 0) {
      throw new IllegalArgumentException("the file is empty");
    }
    if (n >= ZIP_MAGIC.length && Arrays.equals(head, 0, ZIP_MAGIC.length, ZIP_MAGIC, 0, ZIP_MAGIC.length)) {
      return KERAS;
    }
    if (n == HDF5_MAGIC.length && Arrays.equals(head, HDF5_MAGIC)) {
      return LEGACY_H5;
    }
    throw new IllegalArgumentException("neither a Keras 3 .keras file (a zip archive) nor a legacy "
        + "Keras .h5 file (HDF5): its first bytes match neither format");
  }
}

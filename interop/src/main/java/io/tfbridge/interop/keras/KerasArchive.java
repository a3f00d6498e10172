package io.tfbridge.interop.keras;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The zip container of a Keras 3 {@code .keras} file: {@code config.json}, {@code metadata.json} and
 * {@code model.weights.h5}. Reading checks that the archive is whole and holds the parts Keras needs.
 */
final class KerasArchive {
  static final String CONFIG = "config.json";
  static final String METADATA = "metadata.json";
  static final String WEIGHTS = "model.weights.h5";
  /** The largest entry read into memory (2 GiB, a Java array's limit). */
  private static final long MAX_ENTRY = Integer.MAX_VALUE - 8;

  private KerasArchive() {}

  /**
   * The config.json of a {@code .keras} archive, after checking that the archive is whole and holds
   * model.weights.h5 too.
   *
   * @throws IllegalArgumentException if the zip is truncated or corrupt, or lacks a part
   */
  static byte[] readConfig(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      require(zip, WEIGHTS);
      return entry(zip, CONFIG, true);
    } catch (ZipException e) {
      throw corrupt(e);
    }
  }

  /**
   * Unpacks model.weights.h5 to a temporary file (streamed, never whole in memory), which the caller
   * deletes.
   *
   * @throws IllegalArgumentException if the zip is corrupt or the entry truncated
   */
  static Path extractWeights(Path file) throws IOException {
    Path out = Files.createTempFile("tfbridge-weights-", ".h5");
    try (ZipFile zip = new ZipFile(file.toFile());
        CheckedInputStream in = checked(zip, require(zip, WEIGHTS))) {
      long copied = Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      long size = zip.getEntry(WEIGHTS).getSize();
      if (size >= 0 && copied != size) {
        throw new ZipException(WEIGHTS + " is truncated: " + copied + " of " + size + " bytes");
      }
      checkCrc(zip.getEntry(WEIGHTS), in);
      return out;
    } catch (ZipException | java.io.EOFException e) {
      Files.deleteIfExists(out);
      throw corrupt(e);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(out);
      throw e;
    }
  }

  private static ZipEntry require(ZipFile zip, String name) {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      throw new IllegalArgumentException("the archive holds no " + name + " (entries: "
          + names(zip) + "); a .keras file holds config.json, metadata.json and model.weights.h5");
    }
    return entry;
  }

  private static IllegalArgumentException corrupt(IOException e) {
    return new IllegalArgumentException("not a readable zip archive (truncated or corrupt: "
        + e.getMessage() + "); a .keras file is a zip of config.json, metadata.json and "
        + "model.weights.h5");
  }

  private static byte[] entry(ZipFile zip, String name, boolean required) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      if (!required) {
        return new byte[0];
      }
      throw new IllegalArgumentException("the archive holds no " + name + " (entries: "
          + names(zip) + "); a .keras file holds config.json, metadata.json and model.weights.h5");
    }
    if (entry.getSize() > MAX_ENTRY) {
      throw new IllegalArgumentException(name + " is too large to read: " + entry.getSize() + " bytes");
    }
    try (CheckedInputStream in = checked(zip, entry)) {
      byte[] bytes = in.readAllBytes();
      if (entry.getSize() >= 0 && bytes.length != entry.getSize()) {
        throw new ZipException(name + " is truncated: " + bytes.length + " of " + entry.getSize()
            + " bytes");
      }
      checkCrc(entry, in);
      return bytes;
    } catch (java.io.EOFException e) {
      throw new ZipException(name + " is truncated (" + e.getMessage() + ")");
    }
  }

  private static CheckedInputStream checked(ZipFile zip, ZipEntry entry) throws IOException {
    return new CheckedInputStream(zip.getInputStream(entry), new CRC32());
  }

  /**
   * Refuses an entry whose bytes do not match the CRC-32 its zip header records, as Python's
   * zipfile (and so Keras) does: a flipped bit in the weights must not load as other weights.
   */
  private static void checkCrc(ZipEntry entry, CheckedInputStream read) {
    long computed = read.getChecksum().getValue();
    if (entry.getCrc() != -1 && entry.getCrc() != computed) {
      throw new IllegalArgumentException(String.format("Bad CRC-32 for zip entry '%s' (the header "
          + "records %08x, the bytes give %08x): the file is corrupt", entry.getName(),
          entry.getCrc(), computed));
    }
  }

  private static String names(ZipFile zip) {
    List<String> names = new ArrayList<>();
    zip.stream().forEach(e -> names.add(e.getName()));
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  /** Writes an archive with the three parts, in the order Keras writes them. */
  static void write(Path file, byte[] config, byte[] metadata, byte[] weights) throws IOException {
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      put(zip, METADATA, metadata);
      put(zip, CONFIG, config);
      put(zip, WEIGHTS, weights);
    }
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }
}

package io.tfbridge.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads numpy {@code .npz} archives, as written by {@code np.savez} (stored) and
 * {@code np.savez_compressed} (deflated): a zip file with one {@code .npy} member per array.
 *
 * <pre>{@code
 * Map<String, NpyArray> npz = Npz.read(Path.of("mnist.npz"));   // np.load("mnist.npz")
 * NpyArray xTrain = npz.get("x_train");                          // shape (60000, 28, 28)
 * }</pre>
 *
 * <p>Keys are member names without the {@code .npy} suffix, in archive order, as numpy's
 * {@code NpzFile.files}. Members that are not {@code .npy} files are skipped.
 */
public final class Npz {

  private static final String SUFFIX = ".npy";

  private Npz() {}

  /**
   * Reads every array of a {@code .npz} archive.
   *
   * @return an unmodifiable map from array name (e.g. {@code "x_train"}) to array
   * @throws IllegalArgumentException if the file is not a zip archive, or a member is not a
   *                                  valid {@code .npy} file (the message names the member)
   * @throws IOException              if the file cannot be read
   */
  public static Map<String, NpyArray> read(Path file) throws IOException {
    try (ZipFile zip = open(file)) {
      Map<String, NpyArray> arrays = new LinkedHashMap<>();
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (!entry.isDirectory() && entry.getName().endsWith(SUFFIX)) {
          arrays.put(key(entry), readMember(zip, entry, file));
        }
      }
      return Collections.unmodifiableMap(arrays);
    }
  }

  /**
   * Reads one array of a {@code .npz} archive, like {@code np.load(file)[key]}.
   *
   * @throws IllegalArgumentException if there is no such key; the message lists the keys found
   */
  public static NpyArray read(Path file, String key) throws IOException {
    try (ZipFile zip = open(file)) {
      ZipEntry entry = zip.getEntry(key + SUFFIX);
      if (entry == null) {
        throw new IllegalArgumentException(file + ": no array '" + key + "' in .npz archive, found "
            + zip.stream().map(Npz::key).toList());
      }
      return readMember(zip, entry, file);
    }
  }

  private static ZipFile open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such .npz file");
    }
    try {
      return new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new IllegalArgumentException(file + ": not a .npz file: expected a zip archive, found "
          + "bytes that are not one (" + e.getMessage() + ")", e);
    }
  }

  private static NpyArray readMember(ZipFile zip, ZipEntry entry, Path file) throws IOException {
    String source = file + " (member " + entry.getName() + ")";
    try (InputStream in = new BufferedInputStream(zip.getInputStream(entry))) {
      return Npy.read(in, source);
    } catch (ZipException e) {
      throw new IllegalArgumentException(source + ": corrupt zip data: " + e.getMessage(), e);
    }
  }

  private static String key(ZipEntry entry) {
    String name = entry.getName();
    return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
  }
}

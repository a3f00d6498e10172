package io.tfbridge.utils;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Temporary files in a given directory (beside the file they will replace), as
 * {@link Files#createTempFile(Path, String, String)} makes them (new, empty, readable and writable
 * by the owner only) but named by this process's id and a counter instead of a random number: the
 * first random name seeds {@code SecureRandom}, about 50 ms of a command's cold start.
 *
 * <pre>{@code
 * Path tmp = TempFiles.create(dir, ".model.keras.", ".tmp");
 * }</pre>
 */
public final class TempFiles {
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final int ATTEMPTS = 1000;
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final FileAttribute<?> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private TempFiles() {}

  /**
   * A new empty file {@code dir/PREFIX<pid>-<n>SUFFIX}.
   *
   * @throws IOException if none can be created
   */
  public static Path create(Path dir, String prefix, String suffix) throws IOException {
    String stem = prefix + ProcessHandle.current().pid() + "-";
    for (int attempt = 1; ; attempt++) {
      Path file = dir.resolve(stem + COUNTER.incrementAndGet() + suffix);
      try {
        return POSIX ? Files.createFile(file, OWNER_ONLY) : Files.createFile(file);
      } catch (FileAlreadyExistsException e) { // left by an earlier process of the same pid
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}

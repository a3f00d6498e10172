package io.tfbridge.interop;

import io.tfbridge.utils.TempFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that it appears whole or not at all, even if the process is killed or the
 * machine loses power: the contents go to a temporary file beside the target (named
 * {@code .<name>.<random>.tmp}), which is flushed to disk ({@code fsync}) and then renamed over the
 * target in one atomic step; the directory is flushed after the rename. A process killed while
 * writing leaves the previous file intact and at most a stale temporary file.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("checkpoint.json"),
 *     tmp -> Files.writeString(tmp, "{\"epoch\": 3}"));
 * }</pre>
 */
public final class AtomicFiles {
  /** The suffix of the temporary files, for a caller that cleans up after a crash. */
  public static final String TEMP_SUFFIX = ".tmp";

  private AtomicFiles() {}

  /** What writes the contents, given the temporary file to write them to. */
  @FunctionalInterface
  public interface Contents {
    /** Writes the whole contents to {@code file}, which exists empty. */
    void writeTo(Path file) throws IOException;
  }

  /**
   * Writes {@code target} through {@code contents}, atomically; the parent directory must exist.
   * On failure the temporary file is deleted and {@code target} is left as it was.
   */
  public static void write(Path target, Contents contents) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path tmp = TempFiles.create(dir, "." + absolute.getFileName() + ".", TEMP_SUFFIX);
    try {
      contents.writeTo(tmp);
      sync(tmp, StandardOpenOption.WRITE);
      move(tmp, absolute);
      syncDirectory(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Whether {@code file} is one of the temporary files {@link #write} makes. */
  public static boolean isTemporary(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void sync(Path path, StandardOpenOption mode) throws IOException {
    try (FileChannel channel = FileChannel.open(path, mode)) {
      channel.force(true);
    }
  }

  /** Flushes the rename; some platforms (Windows) cannot open a directory, which is then skipped. */
  private static void syncDirectory(Path dir) {
    try {
      sync(dir, StandardOpenOption.READ);
    } catch (IOException e) {
      // best effort: the rename is atomic either way, only its durability is at stake
    }
  }
}

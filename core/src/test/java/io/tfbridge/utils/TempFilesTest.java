package io.tfbridge.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempFilesTest {
  @TempDir
  Path dir;

  @Test
  void newEmptyOwnerOnlyFilesWithTheirOwnNames() throws IOException {
    Path a = TempFiles.create(dir, ".model.keras.", ".tmp");
    Path b = TempFiles.create(dir, ".model.keras.", ".tmp");
    assertNotEquals(a, b);
    assertEquals(dir, a.getParent());
    String name = a.getFileName().toString();
    assertTrue(name.startsWith(".model.keras." + ProcessHandle.current().pid() + "-")
        && name.endsWith(".tmp"), name);
    assertEquals(0, Files.size(a));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(a)));
  }

  @Test
  void aNameLeftByAnEarlierProcessIsSkipped() throws IOException {
    Path first = TempFiles.create(dir, "x", ".tmp");
    String name = first.getFileName().toString();
    long n = Long.parseLong(name.substring(name.indexOf('-') + 1, name.length() - 4));
    Files.createFile(dir.resolve("x" + ProcessHandle.current().pid() + "-" + (n + 1) + ".tmp"));
    Path next = TempFiles.create(dir, "x", ".tmp");
    assertTrue(next.getFileName().toString().endsWith("-" + (n + 2) + ".tmp"), next.toString());
  }

  @Test
  void aMissingDirectoryIsAnError() {
    assertThrows(NoSuchFileException.class,
        () -> TempFiles.create(dir.resolve("missing"), "x", ".tmp"));
  }
}

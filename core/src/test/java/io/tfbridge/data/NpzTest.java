package io.tfbridge.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Npz against np.savez (stored) and np.savez_compressed (deflated) archives. */
class NpzTest {
  @TempDir Path tmp;

  private Path copyResource(String name) throws IOException {
    Path file = tmp.resolve(name);
    Files.write(file, NpyTest.resourceBytes(name));
    return file;
  }

  @ParameterizedTest
  @ValueSource(strings = {"stored.npz", "deflated.npz"})
  void readsArchivesNumpyWrote(String name) throws IOException {
    Map<String, NpyArray> npz = Npz.read(copyResource(name));
    assertEquals(List.of("x", "y"), List.copyOf(npz.keySet()));
    Map<String, Object> expected = MiniJson.obj(NpyTest.MANIFEST.get(name));
    NpyTest.assertMatches(MiniJson.obj(expected.get("x")), npz.get("x"));
    NpyTest.assertMatches(MiniJson.obj(expected.get("y")), npz.get("y"));
  }

  @Test
  void readsOneKey() throws IOException {
    Path file = copyResource("deflated.npz");
    assertEquals(Npz.read(file).get("y"), Npz.read(file, "y"));
    var e = assertThrows(IllegalArgumentException.class, () -> Npz.read(file, "z"));
    assertEquals(file + ": no array 'z' in .npz archive, found [x, y]", e.getMessage());
  }

  @Test
  void readsArchivesWrittenWithZipOutputStream() throws IOException {
    Path file = tmp.resolve("java.npz");
    NpyArray a = NpyArray.ofUint8(new byte[] {0, (byte) 255, 7, 8}, 2, 2);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("a.npy"));
      Npy.write(zip, a);
      zip.putNextEntry(new ZipEntry("notes.txt")); // not an array: skipped, as numpy lists it apart
      zip.write("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertEquals(Map.of("a", a), Npz.read(file));
  }

  @Test
  void notAZipFileIsNamed() throws IOException {
    Path file = copyResource("f4.npy");
    var e = assertThrows(IllegalArgumentException.class, () -> Npz.read(file));
    assertTrue(e.getMessage().startsWith(file + ": not a .npz file: expected a zip archive"),
        e.getMessage());
  }

  @Test
  void badMemberIsNamed() throws IOException {
    Path file = tmp.resolve("bad.npz");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("x.npy"));
      OutputStream out = zip;
      out.write(new byte[] {1, 2, 3});
    }
    var e = assertThrows(IllegalArgumentException.class, () -> Npz.read(file));
    assertTrue(e.getMessage().startsWith(file + " (member x.npy): "), e.getMessage());
  }

  @Test
  void missingFileIsAnIoError() {
    assertThrows(NoSuchFileException.class, () -> Npz.read(tmp.resolve("nope.npz")));
  }
}

package org.edward4j.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads archives written by the system's tar, in the formats npm and GNU tar produce. */
class TarReaderTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ustar", "gnu", "pax"})
  void readsNamesAndContentsIncludingLongNames(String format) throws Exception {
    // 120 characters: beyond ustar's 100-byte name field, so gnu and pax need their long-name
    // records (ustar splits it into prefix and name instead).
    String longDir = "d".repeat(60) + "/" + "e".repeat(40);
    Files.createDirectories(dir.resolve("src/" + longDir));
    Files.writeString(dir.resolve("src/short.txt"), "hello");
    byte[] big = new byte[1500]; // spans three blocks, with padding after it
    Arrays.fill(big, (byte) 7);
    Files.write(dir.resolve("src/" + longDir + "/long-file-name.bin"), big);
    Path tar = dir.resolve("archive.tar");
    assumeTrue(run("tar", "--format=" + format, "-cf", tar.toString(), "-C",
        dir.resolve("src").toString(), "short.txt", longDir + "/long-file-name.bin"));

    Map<String, byte[]> files = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(tar)) {
      TarReader.forEachFile(in, (name, size, content) -> files.put(name, content.readAllBytes()));
    }

    assertEquals(2, files.size(), files.keySet().toString());
    assertEquals("hello", new String(files.get("short.txt"), StandardCharsets.UTF_8));
    assertEquals(1500, files.get(longDir + "/long-file-name.bin").length);
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 600})
  void truncatedArchiveIsAnError(int length) throws Exception {
    Files.write(dir.resolve("f"), new byte[1000]);
    Path tar = dir.resolve("a.tar");
    assumeTrue(run("tar", "-cf", tar.toString(), "-C", dir.toString(), "f"));
    byte[] cut = Arrays.copyOf(Files.readAllBytes(tar), length);

    assertThrows(IOException.class, () -> TarReader.forEachFile(
        new ByteArrayInputStream(cut), (name, size, content) -> content.readAllBytes()));
  }

  private static boolean run(String... command) throws Exception {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false; // no tar on this machine
    }
  }
}

package org.edward4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @Test
  void writesTheWholeFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("sub/out.txt");
    AtomicFiles.write(target, out -> out.write("hello".getBytes(StandardCharsets.UTF_8)));
    assertEquals("hello", Files.readString(target));
    try (Stream<Path> s = Files.list(target.getParent())) {
      assertEquals(1, s.count());
    }
    // The umask applies, as for any other new file (createTempFile would make it owner-only).
    Path reference = Files.createFile(dir.resolve("reference"));
    assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(target));
  }

  @Test
  void aFailedWriteKeepsThePreviousVersion(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("out.txt");
    Files.writeString(target, "old");
    assertThrows(
        IOException.class,
        () -> AtomicFiles.write(target, out -> {
          out.write("half".getBytes(StandardCharsets.UTF_8));
          throw new IOException("disk full");
        }));
    assertEquals("old", Files.readString(target));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(1, s.count(), "the temporary file must be removed");
    }
  }
}

package org.edward4j.core.checkpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.exceptions.TFResourceExhaustedException;

/**
 * Saves that TensorFlow's {@code SaveV2} refuses natively (a full disk, a path over the file
 * system's limit) surface as a {@link CheckpointException} naming the directory and keeping the
 * native error as the cause, and leave the previous checkpoint current and restorable.
 */
class NativeSaveFailureTest {

  @TempDir Path dir;

  @Test
  void aNativeErrorDuringTheSaveIsWrappedWithThePathAndThePreviousCheckpointStaysCurrent() throws IOException {
    String first;
    try (CheckpointFixtures a = new CheckpointFixtures(1)) {
      a.setAll(1);
      first = a.snapshot();
      Saver.builder(a.ctx).build().save(dir);
      a.setAll(2);
      // Thrown where SaveV2's own error would surface: after the bundle, before anything moves in.
      Saver full = Saver.builder(a.ctx).observer(s -> {
        if (s == Saver.Stage.BUNDLE_WRITTEN) {
          throw new TFResourceExhaustedException("simulated: No space left on device");
        }
      }).build();
      CheckpointException e = assertThrows(CheckpointException.class, () -> full.save(dir));
      assertInstanceOf(TFResourceExhaustedException.class, e.getCause());
      assertEquals(dir.toAbsolutePath().normalize(), e.path());
      assertTrue(e.getMessage().contains("ckpt-2") && e.getMessage().contains("No space left")
          && e.getMessage().contains("previous checkpoint stays current"), e.getMessage());
    }
    assertEquals(dir.resolve("ckpt-1"), Checkpoints.latest(dir).orElseThrow());
    try (CheckpointFixtures b = new CheckpointFixtures(7)) {
      Checkpoints.restore(b.ctx, dir);
      assertEquals(first, b.snapshot());
    }
  }

  @Test
  void aPathOverTheSystemLimitIsACheckpointExceptionNotARawTensorFlowError() throws IOException {
    // Directories whose absolute path is a little under PATH_MAX (4096 on Linux): Java can still
    // create the staging directory in it, but SaveV2's temporary file names are longer than the limit.
    Path deep = dir;
    while (deep.toString().length() < 4096 - 60 - 220) {
      deep = deep.resolve("d".repeat(200));
    }
    deep = deep.resolve("c".repeat(4096 - 60 - deep.toString().length()));
    Files.createDirectories(deep);
    Path target = deep;
    try (CheckpointFixtures a = new CheckpointFixtures(1)) {
      a.setAll(1);
      CheckpointException e = assertThrows(CheckpointException.class, () -> Saver.builder(a.ctx).build().save(target));
      // TF Java 1.1.0 reports ENAMETOOLONG as TFInvalidArgumentException (an IllegalArgumentException).
      assertEquals("org.tensorflow.exceptions", e.getCause().getClass().getPackageName(), String.valueOf(e.getCause()));
      assertTrue(e.getMessage().contains("File name too long"), e.getMessage());
      assertTrue(e.getMessage().contains(target.toString()) && e.getMessage().contains("cannot write checkpoint ckpt-1"),
          e.getMessage());
    }
    assertTrue(Checkpoints.latest(target).isEmpty(), "a failed first save must leave no state file");
  }

  @Test
  void aFullDiskIsACheckpointExceptionAndThePreviousCheckpointStaysCurrent() throws Exception {
    Path mount = Files.createDirectory(dir.resolve("tiny"));
    Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString()),
        "needs root to mount a 64 KiB tmpfs");
    try {
      String first;
      Path ckpts = mount.resolve("ckpts");
      try (CheckpointFixtures a = new CheckpointFixtures(1)) {
        a.setAll(1);
        first = a.snapshot();
        Saver saver = Saver.builder(a.ctx).build();
        saver.save(ckpts);
        fill(mount.resolve("filler"));
        a.setAll(2);
        CheckpointException e = assertThrows(CheckpointException.class, () -> saver.save(ckpts));
        assertTrue(e.getMessage().contains("ckpt-2") && e.getMessage().contains(ckpts.toString()), e.getMessage());
        Files.delete(mount.resolve("filler"));
      }
      assertEquals(ckpts.resolve("ckpt-1"), Checkpoints.latest(ckpts).orElseThrow());
      try (CheckpointFixtures b = new CheckpointFixtures(7)) {
        Checkpoints.restore(b.ctx, ckpts);
        assertEquals(first, b.snapshot());
      }
    } finally {
      run("umount", mount.toString());
    }
  }

  /** Writes until the file system is full. */
  private static void fill(Path file) {
    byte[] block = new byte[1024];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < 1 << 20; i++) {
        out.write(block);
        out.flush();
      }
    } catch (IOException expected) {
      // "No space left on device": the disk is full now.
    }
  }

  private static boolean run(String... command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}

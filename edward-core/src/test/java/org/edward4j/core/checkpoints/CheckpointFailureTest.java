package org.edward4j.core.checkpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Saves that die midway, and checkpoints that are missing or damaged. */
class CheckpointFailureTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = Saver.Stage.class, names = {"BUNDLE_WRITTEN", "FILES_MOVED"})
  void aSaveThatDiesLeavesThePreviousCheckpointCurrentAndUsable(Saver.Stage stage) throws IOException {
    String first;
    try (CheckpointFixtures a = new CheckpointFixtures(1)) {
      a.setAll(1);
      first = a.snapshot();
      Saver.builder(a.ctx).build().save(dir);
      a.setAll(2);
      Saver dying = Saver.builder(a.ctx).observer(s -> {
        if (s == stage) {
          throw new IOException("simulated crash at " + s);
        }
      }).build();
      CheckpointException e = assertThrows(CheckpointException.class, () -> dying.save(dir));
      assertTrue(e.getMessage().contains("simulated crash"), e.getMessage());
    }
    assertEquals(dir.resolve("ckpt-1"), Checkpoints.latest(dir).orElseThrow());
    try (CheckpointFixtures b = new CheckpointFixtures(7)) {
      Checkpoints.restore(b.ctx, dir);
      assertEquals(first, b.snapshot());
      // The next save steps over the remains of the dead one and clears its staging directory.
      assertEquals(dir.resolve("ckpt-" + (stage == Saver.Stage.FILES_MOVED ? 3 : 2)), Checkpoints.save(b.ctx, dir));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".tmp")), "staging must be cleared");
    }
  }

  @Test
  void aMissingCheckpointIsReportedWithItsPath() throws IOException {
    try (CheckpointFixtures a = new CheckpointFixtures(1)) {
      CheckpointNotFoundException none = assertThrows(CheckpointNotFoundException.class, () -> Checkpoints.restore(a.ctx, dir));
      assertTrue(none.getMessage().contains("no `checkpoint` state file") && none.getMessage().contains(dir.toString()),
          none.getMessage());
      Path absent = dir.resolve("absent");
      assertEquals(absent, assertThrows(CheckpointNotFoundException.class, () -> Checkpoints.restore(a.ctx, absent)).path());
      Checkpoints.save(a.ctx, dir);
      Files.delete(dir.resolve("ckpt-1.index"));
      CorruptCheckpointException gone = assertThrows(CorruptCheckpointException.class, () -> Checkpoints.restore(a.ctx, dir));
      assertTrue(gone.getMessage().contains("index file is missing"), gone.getMessage());
    }
  }

  @Test
  void aTruncatedDataFileIsReportedBeforeAnyNativeRead() throws IOException {
    Path data = saveOne().resolveSibling("ckpt-1.data-00000-of-00001");
    try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
      f.setLength(f.length() - 5);
    }
    try (CheckpointFixtures b = new CheckpointFixtures(2)) {
      String before = b.snapshot();
      CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class, () -> Checkpoints.restore(b.ctx, dir));
      assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains(data.toString()), e.getMessage());
      assertEquals(before, b.snapshot(), "a failed restore must change nothing");
    }
  }

  @Test
  void aFlippedByteInTheDataFailsItsChecksum() throws IOException {
    Path data = saveOne().resolveSibling("ckpt-1.data-00000-of-00001");
    flip(data, 3);
    try (CheckpointFixtures b = new CheckpointFixtures(2)) {
      CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class, () -> Checkpoints.restore(b.ctx, dir));
      assertTrue(e.getMessage().contains("CRC-32C"), e.getMessage());
    }
  }

  @Test
  void aDamagedIndexOrStateFileIsReported() throws IOException {
    Path index = saveOne().resolveSibling("ckpt-1.index");
    byte[] original = Files.readAllBytes(index);
    flip(index, 20);
    assertTrue(assertThrows(CorruptCheckpointException.class, () -> CheckpointReader.open(dir)).getMessage().contains("CRC-32C"));
    Files.write(index, java.util.Arrays.copyOf(original, original.length - 10));
    assertTrue(assertThrows(CorruptCheckpointException.class, () -> CheckpointReader.open(dir)).getMessage().contains("magic"));
    Files.write(index, new byte[3]);
    assertTrue(assertThrows(CorruptCheckpointException.class, () -> CheckpointReader.open(dir)).getMessage().contains("too short"));
    Files.write(index, original);
    Files.writeString(dir.resolve("checkpoint"), "model_checkpoint_path ckpt-1\n");
    CorruptCheckpointException state = assertThrows(CorruptCheckpointException.class, () -> CheckpointReader.open(dir));
    assertEquals(dir.resolve("checkpoint"), state.path());
  }

  private Path saveOne() {
    try (CheckpointFixtures a = new CheckpointFixtures(1)) {
      a.setAll(4);
      return Checkpoints.save(a.ctx, dir);
    }
  }

  private static void flip(Path file, int position) throws IOException {
    byte[] b = Files.readAllBytes(file);
    b[position] ^= 0x40;
    Files.write(file, b);
  }
}

package org.edward4j.core.checkpoints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.edward4j.core.io.AtomicFiles;

/**
 * The file side of saving: where a new checkpoint is staged, how it is moved into the directory,
 * and which old ones are deleted. {@link Saver} drives the commit protocol:
 *
 * <ol>
 *   <li>{@code SaveV2} writes {@code ckpt-N.index} and {@code ckpt-N.data-00000-of-00001} into a
 *       fresh staging directory {@code .tmp-ckpt-N-<uuid>} inside the checkpoint directory (same
 *       file system, so later renames are atomic);
 *   <li>the staged bundle is reopened and checked (index, sizes, checksums);
 *   <li>the data file, then the index, are renamed into the directory; the name {@code ckpt-N} is
 *       never one the state file lists, so nothing a reader trusts is touched;
 *   <li>the {@code checkpoint} state file is replaced atomically: this rename is the commit;
 *   <li>checkpoints beyond {@code maxToKeep} are deleted, and the staging directory is removed.
 * </ol>
 *
 * A crash before step 4 leaves the state file naming the previous checkpoint, whose files were not
 * touched; stray files of the unfinished one are ignored by readers and removed by the next save.
 */
final class CheckpointFiles {

  static final String BASENAME = "ckpt";
  private static final Pattern NUMBERED = Pattern.compile(Pattern.quote(BASENAME) + "-(\\d+)\\.(index|data-\\d{5}-of-\\d{5})");
  private static final String STAGING = ".tmp-" + BASENAME + "-";

  private CheckpointFiles() {}

  /** The name of checkpoint number {@code n}. */
  static String name(long n) {
    return BASENAME + "-" + n;
  }

  /**
   * One more than the highest number found in the state file or among the files, so a new
   * checkpoint never takes the name of a listed one or of the remains of an unfinished save.
   */
  static long nextNumber(Path dir, Optional<CheckpointState> state) {
    long max = 0;
    List<String> names = new ArrayList<>(state.map(CheckpointState::all).orElse(List.of()));
    names.addAll(fileNames(dir));
    for (String n : names) {
      Matcher m = Pattern.compile(Pattern.quote(BASENAME) + "-(\\d+)").matcher(Path.of(n).getFileName().toString());
      if (m.lookingAt()) {
        max = Math.max(max, Long.parseLong(m.group(1)));
      }
    }
    return max + 1;
  }

  /** Creates the staging directory of one save. */
  static Path createStaging(Path dir, String name) throws IOException {
    return Files.createDirectory(dir.resolve(STAGING + name.substring(BASENAME.length() + 1) + "-" + java.util.UUID.randomUUID()));
  }

  /**
   * Moves a staged bundle into the directory: data files first, the index last, each fsynced
   * before its rename and the directory after it, so the state file written next never names
   * files a power loss could leave empty.
   */
  static void moveIn(Path stagedPrefix, Path dir, int shards) throws IOException {
    String name = stagedPrefix.getFileName().toString();
    for (int s = 0; s < shards; s++) {
      Path data = CheckpointReader.dataFile(stagedPrefix, s, shards);
      AtomicFiles.moveDurably(data, dir.resolve(data.getFileName()));
    }
    AtomicFiles.moveDurably(CheckpointReader.indexFile(stagedPrefix), dir.resolve(name + ".index"));
  }

  /** Deletes the index and data files of one checkpoint name in the directory. */
  static void deleteBundle(Path dir, String name) throws IOException {
    Files.deleteIfExists(dir.resolve(name + ".index"));
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, name + ".data-*")) {
      for (Path p : s) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Removes staging directories left by saves that died, and the finished one. */
  static void deleteStaging(Path dir) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, STAGING + "*")) {
      for (Path p : s) {
        deleteRecursively(p);
      }
    }
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static List<String> fileNames(Path dir) {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        Matcher m = NUMBERED.matcher(p.getFileName().toString());
        if (m.matches()) {
          out.add(name(Long.parseLong(m.group(1))));
        }
      }
    } catch (IOException e) {
      throw new CheckpointException(dir, "cannot list the checkpoint directory: " + e.getMessage(), e);
    }
    return out;
  }
}

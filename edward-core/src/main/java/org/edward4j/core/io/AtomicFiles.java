package org.edward4j.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes files so that a reader never sees half of one: the bytes go to a temporary file in the
 * same directory, which is then renamed over the target.
 *
 * <p>A crash or exception mid-write leaves the previous version of the target (if any) intact and
 * removes the temporary file where it can.
 */
public final class AtomicFiles {

  /** Writes the body of a file to the given stream. */
  @FunctionalInterface
  public interface Writer {
    /**
     * Writes the whole content.
     *
     * @param out the stream to the temporary file; do not close it
     * @throws IOException when writing fails; the target is then left untouched
     */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code target} atomically.
   *
   * @param target the file to create or replace; its parent directories are created
   * @param writer writes the content
   * @return {@code target}
   * @throws IOException when writing or renaming fails; the target is then left as it was
   */
  public static Path write(Path target, Writer writer) throws IOException {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(writer, "writer");
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    // A random name opened with CREATE_NEW, not createTempFile: the latter makes the file owner-only,
    // and the rename would carry that mode to the target; this way the umask applies as usual.
    Path tmp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        writer.writeTo(out);
      }
      moveAtomically(tmp, absolute);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return target;
  }

  /**
   * Renames {@code source} over {@code target}, atomically where the file system allows it.
   *
   * @param source a complete file, usually in the target's directory
   * @param target the destination, replaced if it exists
   * @throws IOException when the move fails
   */
  public static void moveAtomically(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

package org.edward4j.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
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
 * removes the temporary file where it can. Durable as databases make their files: the temporary
 * file is fsynced before the rename and the directory after it, so that after a power loss the
 * target is either the old or the new content, never empty (a rename alone may reach the disk
 * before the data it names).
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
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        writer.writeTo(out);
        out.flush();
        channel.force(true);
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
    syncDirectory(target.toAbsolutePath().getParent());
  }

  /**
   * Renames a complete file that another writer produced (TensorFlow's {@code SaveV2}, a
   * download) over {@code target} durably: the file's content is fsynced first, then renamed
   * atomically, then its new directory is fsynced.
   *
   * @param source a complete file, in the target's file system
   * @param target the destination, replaced if it exists
   * @throws IOException when the sync or the move fails; the target is then as it was
   */
  public static void moveDurably(Path source, Path target) throws IOException {
    sync(source);
    moveAtomically(source, target);
  }

  /**
   * Forces a file's content and metadata to the storage device ({@code fsync}).
   *
   * @param file an existing regular file
   * @throws IOException when it cannot be opened or synced
   */
  public static void sync(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /**
   * Forces a directory's entries (names created, renamed or removed in it) to the storage device,
   * as databases do after a rename. Best effort: on platforms where a directory cannot be opened
   * (Windows) this does nothing, since there renames are already durable when they return.
   *
   * @param dir an existing directory
   * @throws IOException when the directory can be opened but not synced
   */
  public static void syncDirectory(Path dir) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(dir, StandardOpenOption.READ);
    } catch (IOException | UnsupportedOperationException e) {
      return;
    }
    try (channel) {
      channel.force(true);
    }
  }
}

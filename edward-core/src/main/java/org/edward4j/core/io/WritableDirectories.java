package org.edward4j.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * Creates a directory the program will write into, and says in one sentence why it cannot: an
 * empty name, a file in the way, a read-only location, a missing permission. {@code java.nio}'s
 * own exceptions carry only a path as their message ({@code AccessDeniedException: /data}), and
 * a read-only special file system such as {@code /proc} answers {@code mkdir} with "no such
 * file", which misleads; this checks the nearest existing ancestor and reports what it is.
 *
 * <pre>{@code
 * Path out = WritableDirectories.create(Path.of("out/gan"), "output directory (--out)");
 * }</pre>
 */
public final class WritableDirectories {

  private WritableDirectories() {}

  /**
   * Creates {@code dir} and its parents if needed, and checks that a file can be created in it.
   *
   * @param dir the directory
   * @param role what the directory is for, named in messages, e.g. {@code "output directory (--out)"}
   * @return {@code dir}
   * @throws IOException whose message is one sentence naming the directory, the role and the cause
   */
  public static Path create(Path dir, String role) throws IOException {
    Objects.requireNonNull(role, "role");
    if (dir == null || dir.toString().isBlank()) {
      throw new IOException("the " + role + " must name a directory, got an empty path");
    }
    Path abs;
    try {
      abs = dir.toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new IOException("the " + role + " `" + dir + "` is not a valid path: " + e.getReason(), e);
    }
    if (Files.exists(abs) && !Files.isDirectory(abs)) {
      throw new IOException("cannot use " + abs + " as the " + role + ": it is a file, not a directory");
    }
    try {
      Files.createDirectories(abs);
    } catch (IOException e) {
      throw new IOException("cannot create the " + role + " " + abs + ": " + whyNotCreated(abs, e), e);
    }
    Path probe = abs.resolve(".edward4j-write-test-" + UUID.randomUUID());
    try {
      Files.createFile(probe);
      Files.delete(probe);
    } catch (IOException e) {
      throw new IOException("cannot write into the " + role + " " + abs + ": " + reason(e, abs), e);
    }
    return dir;
  }

  /**
   * A short reason for an I/O failure, for messages that already name the file: the operating
   * system's reason when it gave one, else what the exception's type means.
   *
   * @param e the failure
   * @return e.g. {@code "permission denied"}, {@code "Read-only file system"}
   */
  public static String reason(IOException e) {
    return reason(e, null);
  }

  private static String reason(IOException e, Path dir) {
    if (e instanceof AccessDeniedException) {
      return dir != null && readOnly(dir) ? "the location is read-only" : "permission denied";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "already exists";
    }
    if (e instanceof java.nio.file.DirectoryNotEmptyException) {
      return "directory not empty";
    }
    String type = e.getClass().getSimpleName().replace("Exception", "");
    return e.getMessage() == null ? type : type + " " + e.getMessage();
  }

  /** Looks at the nearest ancestor that exists to say why {@code mkdir} failed. */
  private static String whyNotCreated(Path dir, IOException e) {
    Path ancestor = dir.getParent();
    while (ancestor != null && !Files.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    if (ancestor == null) {
      return reason(e);
    }
    if (!Files.isDirectory(ancestor)) {
      return ancestor + " is a file, not a directory";
    }
    if (readOnly(ancestor) || e instanceof java.nio.file.NoSuchFileException) {
      // Special file systems (/proc, /sys) refuse mkdir with ENOENT although the parent exists.
      return ancestor + " is read-only or does not accept new directories";
    }
    if (e instanceof AccessDeniedException) {
      return "no permission to create directories in " + ancestor;
    }
    return reason(e);
  }

  private static boolean readOnly(Path existing) {
    try {
      return Files.getFileStore(existing).isReadOnly() || !Files.isWritable(existing);
    } catch (IOException e) {
      return false;
    }
  }
}

package org.edward4j.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.edward4j.core.io.AtomicFiles;

/**
 * Checks cached dataset files against their SHA-256 before they are used, cheaply: a file is
 * hashed once, and its size and modification time are remembered in the sidecar {@value #SIDECAR}
 * (written atomically); later loads hash it again only when either changed. So bytes overwritten
 * in the cache (a bad disk, a stray script, a half-finished copy) are found, not trained on, at the
 * cost of one hash per change (about a quarter of a second for MNIST's training images).
 *
 * <p>A rewrite that keeps both the size and the modification time goes unnoticed; that takes a
 * deliberate {@code touch -r}, and the sidecar can be deleted to force a full check.
 */
final class VerifiedCache {

  /** The sidecar's file name in the cache directory: lines of {@code name size mtime sha256}. */
  static final String SIDECAR = "verified.sha256";

  private record Entry(long size, long modifiedMillis, String sha256) {}

  private final Path directory;
  private final Map<String, Entry> entries;
  private boolean changed;

  private VerifiedCache(Path directory, Map<String, Entry> entries) {
    this.directory = directory;
    this.entries = entries;
  }

  /**
   * Reads the sidecar of a cache directory; a missing or unreadable one means nothing is verified.
   *
   * @param directory the cache directory
   * @return the verification state
   */
  static VerifiedCache open(Path directory) {
    Map<String, Entry> entries = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(directory.resolve(SIDECAR), StandardCharsets.UTF_8)) {
        String[] f = line.strip().split(" ");
        if (f.length == 4 && f[3].matches("[0-9a-f]{64}")) {
          entries.put(f[0], new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]));
        }
      }
    } catch (IOException | NumberFormatException e) {
      entries.clear(); // a damaged sidecar only costs a re-hash
    }
    return new VerifiedCache(directory, entries);
  }

  /**
   * Checks one file against its expected hash.
   *
   * @param file a file of the cache directory
   * @param expectedSha256 the SHA-256 of its uncompressed content
   * @return empty when it matches, else what is wrong with it
   * @throws IOException when it cannot be read at all
   */
  Optional<String> problem(Path file, String expectedSha256) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Optional.of("the file is missing");
    }
    String name = file.getFileName().toString();
    Entry known = entries.get(name);
    long size = attributes.size();
    long modified = attributes.lastModifiedTime().toMillis();
    if (known != null && known.size() == size && known.modifiedMillis() == modified && known.sha256().equals(expectedSha256)) {
      return Optional.empty();
    }
    String found;
    try {
      found = Sha256.ofContent(file);
    } catch (CorruptDatasetException e) {
      return Optional.of(e.problem());
    }
    if (!found.equals(expectedSha256)) {
      entries.remove(name);
      changed = true;
      return Optional.of("its content has SHA-256 " + found + ", expected " + expectedSha256);
    }
    entries.put(name, new Entry(size, modified, found));
    changed = true;
    return Optional.empty();
  }

  /**
   * Writes the sidecar if anything changed. A cache that cannot be written (a read-only shared
   * copy) is still verified, by hashing on every load.
   */
  void save() {
    if (!changed) {
      return;
    }
    StringBuilder text = new StringBuilder();
    entries.forEach((name, e) -> text.append(name).append(' ').append(e.size()).append(' ')
        .append(e.modifiedMillis()).append(' ').append(e.sha256()).append('\n'));
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    try {
      AtomicFiles.write(directory.resolve(SIDECAR), out -> out.write(bytes));
      changed = false;
    } catch (IOException e) {
      // Verification still happened; only the shortcut for the next load is lost.
    }
  }

  /** The names the sidecar vouches for, for tests. */
  List<String> verifiedNames() {
    return List.copyOf(entries.keySet());
  }
}

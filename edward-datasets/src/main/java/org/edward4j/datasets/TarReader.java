package org.edward4j.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the regular files of a tar stream, enough for the tarballs {@code npm pack} produces.
 *
 * <p>Hand-written rather than taken from Apache commons-compress because one caller needs only
 * regular files by name from a trusted tool's output: 512-byte ustar headers, octal or base-256
 * sizes, and the long names of GNU ({@code L}) and pax ({@code x}) headers. A dependency of 1 MB
 * and a new managed version in the root pom would buy nothing more here.
 */
final class TarReader {

  /** Receives one regular file. */
  @FunctionalInterface
  interface FileVisitor {
    /**
     * Handles one file.
     *
     * @param name the path inside the archive, for example {@code package/data/x}
     * @param size the file's length in bytes
     * @param content exactly {@code size} bytes; need not be read to the end, must not be closed
     */
    void visit(String name, long size, InputStream content) throws IOException;
  }

  private static final int BLOCK = 512;

  private TarReader() {}

  /**
   * Calls {@code visitor} for each regular file in archive order.
   *
   * @param tar an uncompressed tar stream, positioned at its first header
   * @throws IOException when the stream ends inside an entry or a header is malformed
   */
  static void forEachFile(InputStream tar, FileVisitor visitor) throws IOException {
    byte[] header = new byte[BLOCK];
    String longName = null;
    while (true) {
      int read = tar.readNBytes(header, 0, BLOCK);
      if (read == 0 || isZero(header)) {
        return; // two zero blocks (or a bare end of stream) close the archive
      }
      if (read < BLOCK) {
        throw new IOException("tar stream ends inside a header");
      }
      long size = parseSize(header);
      char type = (char) header[156];
      String name = longName != null ? longName : headerName(header);
      longName = null;
      BoundedStream content = new BoundedStream(tar, size);
      if (type == 'L') {
        longName = trimNul(new String(content.readAllBytes(), StandardCharsets.UTF_8));
      } else if (type == 'x') {
        longName = paxPath(new String(content.readAllBytes(), StandardCharsets.UTF_8));
      } else if (type == '0' || type == '\0') {
        visitor.visit(name, size, content);
      }
      content.skipRest();
      long padding = (BLOCK - size % BLOCK) % BLOCK;
      tar.skipNBytes(padding);
    }
  }

  private static String headerName(byte[] header) {
    String name = field(header, 0, 100);
    String prefix = field(header, 345, 155);
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static long parseSize(byte[] header) throws IOException {
    if ((header[124] & 0x80) != 0) {
      // GNU base-256 encoding for sizes of 8 GiB and more.
      long size = header[124] & 0x7F;
      for (int i = 125; i < 136; i++) {
        size = (size << 8) | (header[i] & 0xFF);
      }
      return size;
    }
    String octal = field(header, 124, 12).trim();
    try {
      return octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
    } catch (NumberFormatException e) {
      throw new IOException("malformed tar header: size field \"" + octal + "\" is not octal", e);
    }
  }

  /** Finds the {@code path} record among pax records of the form {@code "LEN key=value\n"}. */
  private static String paxPath(String records) {
    for (String line : records.split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0 && line.startsWith("path=", space + 1)) {
        return line.substring(space + 1 + "path=".length());
      }
    }
    return null;
  }

  private static String field(byte[] header, int offset, int length) {
    return trimNul(new String(header, offset, length, StandardCharsets.UTF_8));
  }

  private static String trimNul(String text) {
    int nul = text.indexOf('\0');
    return nul < 0 ? text : text.substring(0, nul);
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** A view of the next {@code size} bytes of the archive. */
  private static final class BoundedStream extends InputStream {
    private final InputStream in;
    private long remaining;

    BoundedStream(InputStream in, long size) {
      this.in = in;
      this.remaining = size;
    }

    @Override
    public int read() throws IOException {
      if (remaining == 0) {
        return -1;
      }
      int b = in.read();
      if (b < 0) {
        throw new IOException("tar stream ends inside an entry");
      }
      remaining--;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (remaining == 0) {
        return -1;
      }
      int n = in.read(buffer, offset, (int) Math.min(length, remaining));
      if (n < 0) {
        throw new IOException("tar stream ends inside an entry");
      }
      remaining -= n;
      return n;
    }

    void skipRest() throws IOException {
      in.skipNBytes(remaining);
      remaining = 0;
    }
  }
}

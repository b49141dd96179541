package org.edward4j.datasets;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipException;

/** SHA-256 of a file's uncompressed content, the form in which {@link MnistFile} states hashes. */
final class Sha256 {

  private Sha256() {}

  /**
   * Hashes the file's content, decompressing it first when it is gzip.
   *
   * @return lower-case hex
   * @throws CorruptDatasetException when the gzip stream is damaged
   */
  static String ofContent(Path file) throws IOException {
    MessageDigest digest = newDigest();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = IdxReader.openContent(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (EOFException | ZipException e) {
      throw new CorruptDatasetException(file, "damaged gzip stream: " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to provide SHA-256.
      throw new IllegalStateException(e);
    }
  }
}

package org.edward4j.core.summaries;

import java.util.zip.CRC32C;

/** TFRecord's masked CRC-32C: {@code ((crc >>> 15) | (crc << 17)) + 0xa282ead8}. */
final class Crc32c {

  private Crc32c() {}

  static int masked(byte[] data, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(data, offset, length);
    int c = (int) crc.getValue();
    return ((c >>> 15) | (c << 17)) + 0xa282ead8;
  }
}

package org.edward4j.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Tiny MNIST look-alikes (5 train and 3 test images of 4x3 pixels) with their true hashes. */
final class SyntheticMnist {

  static final int HEIGHT = 4;
  static final int WIDTH = 3;
  static final int TRAIN = 5;
  static final int TEST = 3;

  private final Map<MnistFile, byte[]> raw = new EnumMap<>(MnistFile.class);

  SyntheticMnist(long seed) {
    Random random = new Random(seed);
    raw.put(MnistFile.TRAIN_IMAGES, images(TRAIN, HEIGHT, WIDTH, randomBytes(random, TRAIN)));
    raw.put(MnistFile.TRAIN_LABELS, labels(randomLabels(random, TRAIN)));
    raw.put(MnistFile.TEST_IMAGES, images(TEST, HEIGHT, WIDTH, randomBytes(random, TEST)));
    raw.put(MnistFile.TEST_LABELS, labels(randomLabels(random, TEST)));
  }

  byte[] raw(MnistFile file) {
    return raw.get(file).clone();
  }

  byte[] gzip(MnistFile file) {
    return gzip(raw.get(file));
  }

  String sha256(MnistFile file) {
    return sha256(raw.get(file));
  }

  /** Points the fetcher's expected hashes at these synthetic files. */
  MnistFetcher.Builder expectHashes(MnistFetcher.Builder builder) {
    for (MnistFile file : MnistFile.values()) {
      builder.expectedSha256(file, sha256(file));
    }
    return builder;
  }

  void writeGzip(Path directory, MnistFile... files) throws IOException {
    for (MnistFile file : files) {
      Files.write(directory.resolve(file.gzipFileName()), gzip(file));
    }
  }

  void writeRaw(Path directory, MnistFile... files) throws IOException {
    for (MnistFile file : files) {
      Files.write(directory.resolve(file.fileName()), raw(file));
    }
  }

  static byte[] images(int count, int height, int width, byte[] pixels) {
    ByteBuffer buffer = ByteBuffer.allocate(16 + pixels.length);
    buffer.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(height).putInt(width).put(pixels);
    return buffer.array();
  }

  static byte[] labels(byte[] labels) {
    ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
    buffer.putInt(IdxReader.LABELS_MAGIC).putInt(labels.length).put(labels);
    return buffer.array();
  }

  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] randomBytes(Random random, int count) {
    byte[] pixels = new byte[count * HEIGHT * WIDTH];
    random.nextBytes(pixels);
    return pixels;
  }

  private static byte[] randomLabels(Random random, int count) {
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      labels[i] = (byte) random.nextInt(10);
    }
    return labels;
  }
}

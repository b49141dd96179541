package org.edward4j.examples;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Callable;
import org.edward4j.datasets.DatasetCache;

/**
 * A tiny stand-in for MNIST, so tests run the examples without the real data set (and without a
 * network): four IDX files in MNIST's layout holding 256 training and 64 test images of noise.
 */
final class TinyMnist {

  private TinyMnist() {}

  /** Writes the four files into {@code dir}. */
  static void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Random rng = new Random(1);
    writeIdx(dir.resolve("train-images-idx3-ubyte"), 2051, new int[] {256, 28, 28}, rng);
    writeIdx(dir.resolve("train-labels-idx1-ubyte"), 2049, new int[] {256}, rng);
    writeIdx(dir.resolve("t10k-images-idx3-ubyte"), 2051, new int[] {64, 28, 28}, rng);
    writeIdx(dir.resolve("t10k-labels-idx1-ubyte"), 2049, new int[] {64}, rng);
  }

  /**
   * Runs {@code work} with the data-set cache pointed at a fresh cache under {@code root} holding
   * the tiny MNIST, so {@code Mnist.load()} reads it; the cache setting is put back afterwards.
   */
  static <T> T withCache(Path root, Callable<T> work) throws Exception {
    write(root.resolve("mnist"));
    String old = System.getProperty(DatasetCache.PROPERTY);
    System.setProperty(DatasetCache.PROPERTY, root.toString());
    try {
      return work.call();
    } finally {
      if (old == null) {
        System.clearProperty(DatasetCache.PROPERTY);
      } else {
        System.setProperty(DatasetCache.PROPERTY, old);
      }
    }
  }

  private static void writeIdx(Path file, int magic, int[] dims, Random rng) throws IOException {
    try (OutputStream os = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(os)) {
      out.writeInt(magic);
      int n = 1;
      for (int d : dims) {
        out.writeInt(d);
        n *= d;
      }
      byte[] body = new byte[n];
      for (int i = 0; i < n; i++) {
        body[i] = (byte) (magic == 2049 ? rng.nextInt(10) : rng.nextInt(256));
      }
      out.write(body);
    }
  }
}

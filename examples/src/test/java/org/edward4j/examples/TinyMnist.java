package org.edward4j.examples;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.edward4j.datasets.Mnist;

/**
 * A tiny stand-in for MNIST, so tests run the examples without the real data set (and without a
 * network): four IDX files in MNIST's layout holding images of noise.
 */
final class TinyMnist {

  private TinyMnist() {}

  /** Writes the four files into {@code dir}, with {@code train} and {@code test} images. */
  static void write(Path dir, int train, int test) throws IOException {
    Files.createDirectories(dir);
    Random rng = new Random(1);
    writeIdx(dir.resolve("train-images-idx3-ubyte"), 2051, new int[] {train, 28, 28}, rng);
    writeIdx(dir.resolve("train-labels-idx1-ubyte"), 2049, new int[] {train}, rng);
    writeIdx(dir.resolve("t10k-images-idx3-ubyte"), 2051, new int[] {test, 28, 28}, rng);
    writeIdx(dir.resolve("t10k-labels-idx1-ubyte"), 2049, new int[] {test}, rng);
  }

  /**
   * Writes the four files into {@code dir} and reads them. (Not through {@code Mnist.load()}: the
   * cache checks MNIST's checksums and would fetch the real files over the network.)
   */
  static Mnist read(Path dir, int train, int test) throws IOException {
    write(dir, train, test);
    return Mnist.read(dir);
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

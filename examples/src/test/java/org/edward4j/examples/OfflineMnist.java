package org.edward4j.examples;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.edward4j.datasets.DatasetCache;
import org.edward4j.datasets.MnistFile;

/** Tests never fetch MNIST: a test that needs it skips, saying so, when the dataset cache lacks a file. */
public final class OfflineMnist {

  private OfflineMnist() {}

  /** Skips the calling test unless all four MNIST files are in the dataset cache. */
  public static void assumeCached() {
    Path dir = DatasetCache.directoryFor("mnist");
    for (MnistFile file : MnistFile.values()) {
      assumeTrue(Files.isRegularFile(dir.resolve(file.fileName())), "MNIST is not in the dataset cache (" + dir
          + " lacks " + file.fileName() + "); tests do not use the network: run `bin/edward gan --iterations 1` once to fetch it");
    }
  }
}

package org.edward4j.examples.classifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.edward4j.datasets.DatasetCache;
import org.edward4j.datasets.Mnist;
import org.edward4j.datasets.MnistSplit;

/**
 * Keeps the trained {@link MnistConvNet} in the cache directory, so it is trained once per machine
 * and reused by every quality measurement.
 *
 * <p>The weights live in {@code <cache>/classifiers/mnist-convnet/checkpoint/} as a TensorFlow
 * checkpoint ({@code <cache>} is {@link DatasetCache#root()}, {@code ~/.cache/edward4j} by
 * default), beside {@code classifier.properties} with the architecture, the training settings and
 * the measured test accuracy; both are written atomically. A classifier saved for another
 * architecture, or a damaged one, is replaced by training anew. Training takes three to four
 * minutes on two CPU cores (see {@link ClassifierTraining}).
 *
 * <pre>{@code
 * try (MnistConvNet classifier = ClassifierCache.loadOrTrain(Mnist.load(), System.out)) {
 *   System.out.println(ClassifierCache.testAccuracy(ClassifierCache.defaultDirectory()));
 * }
 * }</pre>
 */
public final class ClassifierCache {

  /** The seed of the cached network's initial weights. */
  public static final long SEED = 20170101L;

  private static final String ARCHITECTURE_KEY = "architecture";

  private ClassifierCache() {}

  /**
   * {@code <cache>/classifiers/mnist-convnet}.
   *
   * @return the directory the cached classifier is kept in
   */
  public static Path defaultDirectory() {
    return DatasetCache.root().resolve("classifiers").resolve("mnist-convnet");
  }

  /**
   * The cached classifier from {@link #defaultDirectory()}, trained with the default {@link
   * ClassifierTraining} and saved first when there is none.
   *
   * @param mnist the data set, for training and the test accuracy
   * @param log where to say what happens (training takes minutes); {@code null} for silence
   * @return the trained network; the caller closes it
   * @throws IOException if the weights cannot be written
   */
  public static MnistConvNet loadOrTrain(Mnist mnist, PrintStream log) throws IOException {
    return loadOrTrain(defaultDirectory(), mnist, ClassifierTraining.builder().verbose(log != null).build(), log);
  }

  /**
   * The classifier saved in {@code directory}, or one trained with {@code training} on MNIST and
   * saved there.
   *
   * @param directory the classifier's directory
   * @param mnist the data set
   * @param training the settings used when there is no usable saved network
   * @param log where to say what happens; {@code null} for silence
   * @return the trained network; the caller closes it
   * @throws IOException if the weights cannot be written
   */
  public static MnistConvNet loadOrTrain(Path directory, Mnist mnist, ClassifierTraining training, PrintStream log)
      throws IOException {
    Objects.requireNonNull(mnist, "mnist");
    return loadOrTrain(directory, mnist.train(), mnist.test(), training, log);
  }

  /**
   * The classifier saved in {@code directory}, or one trained with {@code training} on {@code
   * train}, measured on {@code test}, and saved there.
   *
   * @param directory the classifier's directory
   * @param train labelled 28x28 training images
   * @param test labelled 28x28 images for the recorded accuracy
   * @param training the settings used when there is no usable saved network
   * @param log where to say what happens; {@code null} for silence
   * @return the trained network; the caller closes it
   * @throws IOException if the weights cannot be written
   */
  public static MnistConvNet loadOrTrain(
      Path directory, MnistSplit train, MnistSplit test, ClassifierTraining training, PrintStream log)
      throws IOException {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(training, "training");
    try {
      Optional<MnistConvNet> cached = load(directory);
      if (cached.isPresent()) {
        say(log, "classifier: loaded " + directory + " (test accuracy "
            + testAccuracy(directory).map(a -> String.format("%.4f", a)).orElse("unknown") + ")");
        return cached.get();
      }
    } catch (IOException e) {
      say(log, "classifier: cannot use " + directory + " (" + e.getMessage() + "); training anew");
    }
    say(log, "classifier: training " + training + " (once; saved to " + directory + ")");
    MnistConvNet net = MnistConvNet.create(SEED);
    try {
      ClassifierTraining.Report report = training.train(net, train, test);
      say(log, report.toString());
      Map<String, String> metadata = new LinkedHashMap<>();
      metadata.put(ARCHITECTURE_KEY, MnistConvNet.ARCHITECTURE);
      metadata.put("seed", Long.toString(SEED));
      metadata.put("training", training.toString());
      report.fields().forEach(e -> metadata.put(e.getKey(), e.getValue()));
      ClassifierCheckpoint.save(net, metadata, directory);
      return net;
    } catch (IOException | RuntimeException e) {
      net.close();
      throw e;
    }
  }

  /**
   * The classifier saved in {@code directory}, if there is one for this architecture.
   *
   * @param directory the classifier's directory
   * @return the network, or empty when nothing has been saved there
   * @throws IOException if the saved classifier is damaged or was saved for another architecture
   */
  public static Optional<MnistConvNet> load(Path directory) throws IOException {
    Objects.requireNonNull(directory, "directory");
    if (!Files.isRegularFile(directory.resolve(ClassifierCheckpoint.METADATA))) {
      return Optional.empty();
    }
    String saved = ClassifierCheckpoint.metadata(directory).get(ARCHITECTURE_KEY);
    if (!MnistConvNet.ARCHITECTURE.equals(saved)) {
      throw new IOException(directory + " holds a classifier of architecture " + saved + ", not "
          + MnistConvNet.ARCHITECTURE);
    }
    MnistConvNet net = MnistConvNet.create(SEED);
    try {
      ClassifierCheckpoint.restore(net, directory);
      return Optional.of(net);
    } catch (IOException | RuntimeException e) {
      net.close();
      throw e;
    }
  }

  /**
   * The test accuracy recorded when the classifier in {@code directory} was trained.
   *
   * @param directory the classifier's directory
   * @return the accuracy, or empty when there is no readable record
   */
  public static Optional<Double> testAccuracy(Path directory) {
    return metadata(directory).map(m -> m.get("testAccuracy")).map(Double::valueOf);
  }

  /**
   * The metadata recorded with the classifier in {@code directory}: architecture, seed, training
   * settings, steps, seconds and test accuracy.
   *
   * @param directory the classifier's directory
   * @return the metadata, or empty when there is no readable file
   */
  public static Optional<Map<String, String>> metadata(Path directory) {
    Objects.requireNonNull(directory, "directory");
    try {
      return Optional.of(ClassifierCheckpoint.metadata(directory));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void say(PrintStream log, String message) {
    if (log != null) {
      log.println(message);
    }
  }
}

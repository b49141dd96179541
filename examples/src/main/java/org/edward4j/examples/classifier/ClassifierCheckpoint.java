package org.edward4j.examples.classifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.edward4j.core.checkpoints.CheckpointException;
import org.edward4j.core.checkpoints.Saver;
import org.edward4j.core.io.AtomicFiles;

/**
 * The classifier on disk: its weights as a TensorFlow checkpoint (so TensorFlow can read them too)
 * in {@code <dir>/checkpoint/}, and its metadata (architecture, training settings, test accuracy)
 * in {@code <dir>/classifier.properties}, each written atomically, metadata last.
 *
 * <p>{@link ClassifierCache} goes through {@link #save}, {@link #restore} and {@link #metadata}
 * only; checkpoint failures surface as {@link IOException}s naming the directory, so a damaged
 * cache is retrained.
 */
final class ClassifierCheckpoint {

  /** The checkpoint directory inside the classifier's directory. */
  static final String CHECKPOINTS = "checkpoint";
  /** The metadata file inside the classifier's directory. */
  static final String METADATA = "classifier.properties";

  private ClassifierCheckpoint() {}

  /**
   * Writes the network's weights, then its metadata.
   *
   * @param net the network
   * @param metadata key-value pairs to record
   * @param dir the classifier's directory, created if needed
   * @throws IOException when writing fails; a previous metadata file is then left intact
   */
  static void save(MnistConvNet net, Map<String, String> metadata, Path dir) throws IOException {
    try {
      saver(net).save(dir.resolve(CHECKPOINTS));
    } catch (CheckpointException e) {
      throw new IOException("cannot write the classifier's checkpoint in " + dir + ": " + e.getMessage(), e);
    }
    Properties p = new Properties();
    p.putAll(metadata);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    p.store(bytes, "edward4j MNIST classifier");
    AtomicFiles.write(dir.resolve(METADATA), out -> bytes.writeTo(out));
  }

  /**
   * Reads the weights into the network.
   *
   * @param net a network of the same architecture
   * @param dir the classifier's directory
   * @return the recorded metadata
   * @throws IOException when the metadata or checkpoint is missing, damaged, or does not match
   */
  static Map<String, String> restore(MnistConvNet net, Path dir) throws IOException {
    Map<String, String> metadata = metadata(dir);
    try {
      saver(net).restore(dir.resolve(CHECKPOINTS));
    } catch (CheckpointException e) {
      throw new IOException("cannot restore the classifier from " + dir + ": " + e.getMessage(), e);
    }
    return metadata;
  }

  /**
   * The recorded metadata.
   *
   * @param dir the classifier's directory
   * @return the key-value pairs, sorted by key
   * @throws IOException when the metadata file is missing or unreadable
   */
  static Map<String, String> metadata(Path dir) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(dir.resolve(METADATA), StandardCharsets.ISO_8859_1)) {
      p.load(in);
    } catch (IllegalArgumentException e) {
      throw new IOException(dir.resolve(METADATA) + " is damaged: " + e.getMessage(), e);
    }
    Map<String, String> out = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
    return out;
  }

  private static Saver saver(MnistConvNet net) {
    return Saver.builder(net.context()).variables(net.weights()).maxToKeep(1).build();
  }
}

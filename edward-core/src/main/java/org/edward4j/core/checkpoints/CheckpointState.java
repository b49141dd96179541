package org.edward4j.core.checkpoints;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.edward4j.core.io.AtomicFiles;

/**
 * The {@code checkpoint} state file of a checkpoint directory: TensorFlow's {@code
 * CheckpointState} protocol buffer in text form, which {@code tf.train.latest_checkpoint} and
 * {@code tf.train.get_checkpoint_state} read.
 *
 * <pre>
 * model_checkpoint_path: "ckpt-3"
 * all_model_checkpoint_paths: "ckpt-2"
 * all_model_checkpoint_paths: "ckpt-3"
 * </pre>
 *
 * <p>Paths are written relative to the directory (TensorFlow joins a relative path with it), so a
 * checkpoint directory can be moved. Writing goes through {@link AtomicFiles}: the rename of this
 * file is the moment a new checkpoint becomes current. Unknown fields (TensorFlow's timestamps) are
 * ignored when reading.
 *
 * @param current the prefix of the latest checkpoint, relative or absolute as stored
 * @param all every kept checkpoint's prefix, oldest first, ending with {@code current}
 */
record CheckpointState(String current, List<String> all) {

  /** The file name TensorFlow uses. */
  static final String FILE_NAME = "checkpoint";

  CheckpointState {
    all = List.copyOf(all);
  }

  /**
   * Reads the state file of a directory.
   *
   * @param dir a checkpoint directory
   * @return the state, or empty when the directory has no state file
   * @throws CorruptCheckpointException if the file cannot be read or parsed
   */
  static Optional<CheckpointState> read(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CorruptCheckpointException(file, "checkpoint state file cannot be read: " + e.getMessage(), e);
    }
    String current = null;
    List<String> all = new ArrayList<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new CorruptCheckpointException(file, "checkpoint state file has a line that is not `field: value`: " + line);
      }
      String field = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      if (field.equals("model_checkpoint_path")) {
        current = unquote(value, file);
      } else if (field.equals("all_model_checkpoint_paths")) {
        all.add(unquote(value, file));
      }
    }
    if (current == null || current.isEmpty()) {
      throw new CorruptCheckpointException(file, "checkpoint state file names no model_checkpoint_path");
    }
    if (all.isEmpty() || !all.get(all.size() - 1).equals(current)) {
      all.remove(current);
      all.add(current);
    }
    return Optional.of(new CheckpointState(current, all));
  }

  /**
   * Writes this state atomically into a directory.
   *
   * @param dir the checkpoint directory
   * @throws IOException when writing fails; the previous state file is then intact
   */
  void write(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("model_checkpoint_path: ").append(quote(current)).append('\n');
    for (String p : all) {
      sb.append("all_model_checkpoint_paths: ").append(quote(p)).append('\n');
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(dir.resolve(FILE_NAME), out -> out.write(bytes));
  }

  /**
   * A stored path resolved against the directory.
   *
   * @param dir the checkpoint directory
   * @param stored a path as stored in the file
   * @return the prefix path
   */
  static Path resolve(Path dir, String stored) {
    Path p = Path.of(stored);
    return p.isAbsolute() ? p : dir.resolve(p);
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String unquote(String value, Path file) {
    if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
      throw new CorruptCheckpointException(file, "checkpoint state file has an unquoted path: " + value);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < value.length() - 1; i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() - 1) {
        c = value.charAt(++i);
      }
      sb.append(c);
    }
    return sb.toString();
  }
}

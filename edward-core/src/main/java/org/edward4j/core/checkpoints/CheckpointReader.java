package org.edward4j.core.checkpoints;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.CRC32C;
import org.tensorflow.proto.DataType;

/**
 * Lists and reads a TensorFlow V2 checkpoint without a graph: TensorFlow's {@code
 * tf.train.load_checkpoint} / {@code list_variables}, in Java.
 *
 * <p>Opening checks the checkpoint before any native code sees it: the index must parse (magic
 * number, block checksums, protocol buffers) and every data file must exist and be long enough for
 * the tensors it should hold; reading a tensor checks its CRC-32C. Each problem is reported as a
 * {@link CheckpointNotFoundException} or {@link CorruptCheckpointException} naming the file.
 *
 * <p>Besides the variables, a checkpoint written by {@link Saver} holds int64 scalars under {@code
 * edward4j_meta/}: the context's random step and any metadata the caller added (a data stream's
 * position, say); {@link #metadata()} returns them and {@link #variables()} leaves them out.
 *
 * <pre>{@code
 * CheckpointReader reader = CheckpointReader.open(Path.of("out/gan/checkpoints"));
 * reader.variables().forEach(System.out::println);   // Gen/dense/kernel float32 [100, 128] ...
 * float[] kernel = reader.floats("Gen/dense/kernel");
 * long step = reader.randomStep().orElse(0);
 * }</pre>
 */
public final class CheckpointReader {

  /** The name scope of edward4j's own int64 scalars in a checkpoint. */
  public static final String META_SCOPE = "edward4j_meta";
  /** The metadata key of the context's random step. */
  public static final String RANDOM_STEP = "random_step";

  private final Path prefix;
  private final BundleIndex index;

  private CheckpointReader(Path prefix, BundleIndex index) {
    this.prefix = prefix;
    this.index = index;
  }

  /**
   * Opens the latest checkpoint of a directory (through its {@code checkpoint} state file), or the
   * checkpoint at a prefix such as {@code dir/ckpt-3}.
   *
   * @param dirOrPrefix a checkpoint directory or prefix
   * @return the reader
   * @throws CheckpointNotFoundException if there is no checkpoint there
   * @throws CorruptCheckpointException if its files are damaged or incomplete
   */
  public static CheckpointReader open(Path dirOrPrefix) {
    Path prefix = resolvePrefix(dirOrPrefix);
    BundleIndex index = BundleIndex.read(indexFile(prefix));
    long[] needed = new long[index.numShards()];
    for (CheckpointEntry e : index.entries().values()) {
      needed[e.shard()] = Math.max(needed[e.shard()], e.offset() + e.size());
    }
    for (int shard = 0; shard < needed.length; shard++) {
      Path data = dataFile(prefix, shard, index.numShards());
      if (!Files.isRegularFile(data)) {
        throw new CorruptCheckpointException(data, "checkpoint data file is missing");
      }
      long length;
      try {
        length = Files.size(data);
      } catch (IOException e) {
        throw new CorruptCheckpointException(data, "checkpoint data file cannot be read: " + e.getMessage(), e);
      }
      if (length < needed[shard]) {
        throw new CorruptCheckpointException(
            data, "checkpoint data file is truncated: " + length + " bytes, the index needs " + needed[shard]);
      }
    }
    return new CheckpointReader(prefix, index);
  }

  /**
   * The prefix whose {@code .index} and {@code .data-*} files were opened.
   *
   * @return the prefix whose {@code .index} and {@code .data-*} files were opened
   */
  public Path prefix() {
    return prefix;
  }

  /**
   * Every stored tensor except edward4j's metadata, in name order.
   *
   * @return every stored tensor except edward4j's metadata, in name order
   */
  public List<CheckpointEntry> variables() {
    List<CheckpointEntry> out = new ArrayList<>();
    for (CheckpointEntry e : index.entries().values()) {
      if (!e.name().startsWith(META_SCOPE + "/")) {
        out.add(e);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The entry of one stored tensor.
   *
   * @param name e.g. {@code Gen/dense/kernel}
   * @return the entry, or empty
   */
  public Optional<CheckpointEntry> entry(String name) {
    return Optional.ofNullable(index.entries().get(name));
  }

  /**
   * The int64 metadata stored by {@link Saver} (key without the {@code edward4j_meta/} scope).
   *
   * @return the int64 metadata stored by {@link Saver} (key without the {@code edward4j_meta/} scope)
   */
  public Map<String, Long> metadata() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (CheckpointEntry e : index.entries().values()) {
      if (e.name().startsWith(META_SCOPE + "/") && e.dataType() == DataType.DT_INT64 && e.dims().length == 0) {
        out.put(e.name().substring(META_SCOPE.length() + 1), longs(e.name())[0]);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The random step saved with the checkpoint, when a {@link Saver} wrote it.
   *
   * @return the random step saved with the checkpoint, when a {@link Saver} wrote it
   */
  public OptionalLong randomStep() {
    Long step = metadata().get(RANDOM_STEP);
    return step == null ? OptionalLong.empty() : OptionalLong.of(step);
  }

  /**
   * The values of a float32 tensor, row-major.
   *
   * @param name the tensor's name
   * @return its values
   * @throws IllegalArgumentException if there is no such float32 tensor
   * @throws CorruptCheckpointException if its bytes fail the checksum
   */
  public float[] floats(String name) {
    ByteBuffer b = bytes(name, DataType.DT_FLOAT);
    float[] out = new float[b.remaining() / 4];
    b.asFloatBuffer().get(out);
    return out;
  }

  /**
   * The values of an int64 tensor, row-major.
   *
   * @param name the tensor's name
   * @return its values
   * @throws IllegalArgumentException if there is no such int64 tensor
   * @throws CorruptCheckpointException if its bytes fail the checksum
   */
  public long[] longs(String name) {
    ByteBuffer b = bytes(name, DataType.DT_INT64);
    long[] out = new long[b.remaining() / 8];
    b.asLongBuffer().get(out);
    return out;
  }

  /**
   * Reads every tensor of the list and checks its CRC-32C, as a restore is about to trust them.
   *
   * @param entries entries of this checkpoint
   * @throws CorruptCheckpointException naming the first tensor whose bytes are damaged
   */
  void verify(Collection<CheckpointEntry> entries) {
    for (CheckpointEntry e : entries) {
      bytes(e.name(), e.dataType());
    }
  }

  private ByteBuffer bytes(String name, DataType expected) {
    CheckpointEntry e = index.entries().get(name);
    if (e == null || e.dataType() != expected) {
      throw new IllegalArgumentException(
          "checkpoint " + prefix + " has no " + CheckpointEntry.dtypeName(expected) + " tensor `" + name + "`"
              + (e == null ? "" : " (it is " + e.dtypeName() + ")"));
    }
    if (e.size() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("tensor `" + name + "` has " + e.size() + " bytes, too many for one Java array");
    }
    Path data = dataFile(prefix, e.shard(), index.numShards());
    ByteBuffer buffer = ByteBuffer.allocate((int) e.size());
    try (FileChannel ch = FileChannel.open(data, StandardOpenOption.READ)) {
      while (buffer.hasRemaining()) {
        if (ch.read(buffer, e.offset() + buffer.position()) < 0) {
          throw new CorruptCheckpointException(data, "checkpoint data file ends inside tensor `" + name + "`");
        }
      }
    } catch (IOException ex) {
      throw new CorruptCheckpointException(data, "checkpoint data file cannot be read: " + ex.getMessage(), ex);
    }
    CRC32C crc = new CRC32C();
    crc.update(buffer.array());
    if (BundleIndex.mask((int) crc.getValue()) != e.crc32c()) {
      throw new CorruptCheckpointException(data, "tensor `" + name + "` fails its CRC-32C check: the data file is damaged");
    }
    buffer.flip();
    return buffer.order(ByteOrder.LITTLE_ENDIAN);
  }

  static Path resolvePrefix(Path dirOrPrefix) {
    Path p = dirOrPrefix.toAbsolutePath().normalize();
    if (Files.isRegularFile(indexFile(p))) {
      return p;
    }
    if (!Files.isDirectory(p)) {
      throw new CheckpointNotFoundException(p, "no checkpoint: neither a directory nor a prefix with an .index file");
    }
    CheckpointState state = CheckpointState.read(p).orElseThrow(() -> new CheckpointNotFoundException(
        p, "no checkpoint in this directory: it has no `" + CheckpointState.FILE_NAME + "` state file"));
    Path prefix = CheckpointState.resolve(p, state.current());
    if (!Files.isRegularFile(indexFile(prefix))) {
      throw new CorruptCheckpointException(
          indexFile(prefix), "the `checkpoint` state file names " + state.current() + ", whose index file is missing");
    }
    return prefix;
  }

  static Path indexFile(Path prefix) {
    return prefix.resolveSibling(prefix.getFileName() + ".index");
  }

  static Path dataFile(Path prefix, int shard, int shards) {
    return prefix.resolveSibling(String.format("%s.data-%05d-of-%05d", prefix.getFileName(), shard, shards));
  }

  @Override
  public String toString() {
    return "CheckpointReader(" + prefix + ", " + variables().size() + " variables, metadata=" + metadata() + ")";
  }
}

package org.edward4j.core.checkpoints;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.tensorflow.proto.BundleEntryProto;
import org.tensorflow.proto.BundleHeaderProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * The {@code .index} file of a TensorFlow tensor bundle (the V2 checkpoint format), read in Java so
 * that a checkpoint can be listed and checked before any native call.
 *
 * <p>The file is a LevelDB-style sorted table (TensorFlow's {@code core/lib/io/table}): data
 * blocks of prefix-compressed key/value entries with restart points, each followed by a one-byte
 * compression type and a masked CRC-32C; an index block mapping to them; and a 48-byte footer ending
 * in the magic number {@code 0xdb4775248b80fb57}. The key {@code ""} holds the {@code
 * BundleHeaderProto}; every other key is a tensor name whose value is a {@code BundleEntryProto}
 * (dtype, shape, shard, offset, size, CRC-32C). TensorFlow writes the blocks uncompressed; a
 * compressed block is reported as unsupported.
 */
final class BundleIndex {

  private static final long TABLE_MAGIC = 0xdb4775248b80fb57L;
  private static final int FOOTER_LENGTH = 48;
  private static final int BLOCK_TRAILER = 5;

  private final int numShards;
  private final Map<String, CheckpointEntry> entries;

  private BundleIndex(int numShards, Map<String, CheckpointEntry> entries) {
    this.numShards = numShards;
    this.entries = Collections.unmodifiableMap(entries);
  }

  /**
   * Reads and checks an index file.
   *
   * @param file the {@code <prefix>.index} file
   * @return its entries in key order
   * @throws CheckpointNotFoundException if the file does not exist
   * @throws CorruptCheckpointException if it is unreadable or malformed
   */
  static BundleIndex read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CheckpointNotFoundException(file, "checkpoint index file does not exist");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CorruptCheckpointException(file, "checkpoint index file cannot be read: " + e.getMessage(), e);
    }
    try {
      return parse(bytes, file);
    } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException | NegativeArraySizeException
        | IllegalArgumentException e) {
      throw new CorruptCheckpointException(file, "checkpoint index file is truncated or malformed", e);
    }
  }

  private static BundleIndex parse(byte[] bytes, Path file) {
    if (bytes.length < FOOTER_LENGTH) {
      throw new CorruptCheckpointException(
          file, "checkpoint index file is " + bytes.length + " bytes, too short for a tensor bundle index");
    }
    ByteBuffer footer = ByteBuffer.wrap(bytes, bytes.length - FOOTER_LENGTH, FOOTER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
    if (footer.getLong(bytes.length - 8) != TABLE_MAGIC) {
      throw new CorruptCheckpointException(file, "checkpoint index file lacks the table magic number (not a tensor bundle index, or truncated)");
    }
    int[] pos = {bytes.length - FOOTER_LENGTH};
    readVarint(bytes, pos); // metaindex block offset: TensorFlow leaves it empty
    readVarint(bytes, pos);
    long indexOffset = readVarint(bytes, pos);
    long indexSize = readVarint(bytes, pos);
    Map<String, CheckpointEntry> entries = new LinkedHashMap<>();
    Integer shards = null;
    for (byte[][] handle : blockEntries(block(bytes, indexOffset, indexSize, file))) {
      int[] p = {0};
      long offset = readVarint(handle[1], p);
      long size = readVarint(handle[1], p);
      for (byte[][] kv : blockEntries(block(bytes, offset, size, file))) {
        String key = new String(kv[0], StandardCharsets.UTF_8);
        try {
          if (key.isEmpty()) {
            BundleHeaderProto header = BundleHeaderProto.parseFrom(kv[1]);
            if (header.getEndianness() != BundleHeaderProto.Endianness.LITTLE) {
              throw new CorruptCheckpointException(file, "checkpoint was written big-endian, which this reader does not support");
            }
            shards = header.getNumShards();
          } else {
            entries.put(key, entry(key, BundleEntryProto.parseFrom(kv[1]), file));
          }
        } catch (InvalidProtocolBufferException e) {
          throw new CorruptCheckpointException(file, "checkpoint index entry `" + key + "` is not a valid protocol buffer", e);
        }
      }
    }
    if (shards == null || shards < 1) {
      throw new CorruptCheckpointException(file, "checkpoint index has no bundle header");
    }
    for (CheckpointEntry e : entries.values()) {
      if (e.shard() >= shards) {
        throw new CorruptCheckpointException(file, "tensor `" + e.name() + "` names shard " + e.shard() + " of " + shards);
      }
    }
    return new BundleIndex(shards, entries);
  }

  private static CheckpointEntry entry(String key, BundleEntryProto p, Path file) {
    if (p.getSlicesCount() > 0) {
      throw new CorruptCheckpointException(file, "tensor `" + key + "` is stored in slices (a partitioned variable), which is not supported");
    }
    TensorShapeProto shape = p.getShape();
    long[] dims = new long[shape.getDimCount()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = shape.getDim(i).getSize();
    }
    return new CheckpointEntry(key, p.getDtype(), dims, p.getShardId(), p.getOffset(), p.getSize(), p.getCrc32C());
  }

  /** The contents of one block, after checking its trailer's type and checksum. */
  private static byte[] block(byte[] bytes, long offset, long size, Path file) {
    if (offset < 0 || size < 0 || offset + size + BLOCK_TRAILER > bytes.length - FOOTER_LENGTH) {
      throw new CorruptCheckpointException(file, "checkpoint index block at " + offset + " (+" + size + ") lies outside the file");
    }
    int start = (int) offset;
    int length = (int) size;
    byte type = bytes[start + length];
    if (type != 0) {
      throw new CorruptCheckpointException(file, "checkpoint index block is compressed (type " + type + "), which is not supported");
    }
    int stored = ByteBuffer.wrap(bytes, start + length + 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    CRC32C crc = new CRC32C();
    crc.update(bytes, start, length + 1);
    if (mask((int) crc.getValue()) != stored) {
      throw new CorruptCheckpointException(file, "checkpoint index block at " + offset + " fails its CRC-32C check");
    }
    byte[] out = new byte[length];
    System.arraycopy(bytes, start, out, 0, length);
    return out;
  }

  /** The key/value pairs of a block, undoing the prefix compression. */
  private static List<byte[][]> blockEntries(byte[] block) {
    int restarts = ByteBuffer.wrap(block, block.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int limit = block.length - 4 - 4 * restarts;
    List<byte[][]> out = new ArrayList<>();
    byte[] previous = new byte[0];
    int[] pos = {0};
    while (pos[0] < limit) {
      int shared = (int) readVarint(block, pos);
      int unshared = (int) readVarint(block, pos);
      int valueLength = (int) readVarint(block, pos);
      byte[] key = new byte[shared + unshared];
      System.arraycopy(previous, 0, key, 0, shared);
      System.arraycopy(block, pos[0], key, shared, unshared);
      pos[0] += unshared;
      byte[] value = new byte[valueLength];
      System.arraycopy(block, pos[0], value, 0, valueLength);
      pos[0] += valueLength;
      out.add(new byte[][] {key, value});
      previous = key;
    }
    return out;
  }

  private static long readVarint(byte[] b, int[] pos) {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte x = b[pos[0]++];
      result |= (long) (x & 0x7f) << shift;
      if ((x & 0x80) == 0) {
        return result;
      }
    }
    throw new IndexOutOfBoundsException("varint longer than 64 bits");
  }

  /** LevelDB's checksum mask: {@code ((crc >>> 15) | (crc << 17)) + 0xa282ead8}. */
  static int mask(int crc) {
    return ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
  }

  /** The number of data files. */
  int numShards() {
    return numShards;
  }

  /** The tensors by name, in key order. */
  Map<String, CheckpointEntry> entries() {
    return entries;
  }
}

package org.edward4j.criticisms.quality;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.edward4j.core.Feeds;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.edward4j.core.io.AtomicFiles;
import org.edward4j.core.variables.Variable;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The classifier's weights in a small self-describing file: a magic line, metadata as {@code
 * key=value} lines, then each float32 variable's name, shape and values, and a CRC-32 of all of it.
 *
 * <p>It stands in for the project's checkpoint API until that lands: {@link ClassifierCache} calls
 * only {@link #save} and {@link #restore}, so switching is a change here.
 */
final class WeightFile {

  private static final String MAGIC = "edward4j-weights v1";

  private WeightFile() {}

  /**
   * Writes the variables' current values atomically.
   *
   * @param ctx the context holding the variables
   * @param variables float32 variables, saved in order
   * @param metadata free-form key-value pairs (no newlines or {@code =} in keys)
   * @param file the target, replaced if it exists
   * @throws IOException when writing fails; the previous file is then left intact
   */
  static void save(ModelContext ctx, List<Variable<?>> variables, Map<String, String> metadata, Path file)
      throws IOException {
    List<TensorValue> values = ctx.evalAll(floats(variables), Map.of());
    StringBuilder meta = new StringBuilder();
    metadata.forEach((k, v) -> meta.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
    AtomicFiles.write(file, raw -> {
      CRC32 crc = new CRC32();
      DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(raw), crc));
      out.writeUTF(MAGIC);
      out.writeUTF(meta.toString());
      out.writeInt(variables.size());
      for (int i = 0; i < variables.size(); i++) {
        TensorValue v = values.get(i);
        out.writeUTF(variables.get(i).name());
        out.writeInt(v.shape().length);
        for (long d : v.shape()) {
          out.writeLong(d);
        }
        for (float f : v.data()) {
          out.writeFloat(f);
        }
      }
      out.flush();
      new DataOutputStream(raw).writeLong(crc.getValue());
      raw.flush();
    });
  }

  /**
   * Reads a file written by {@link #save} into the variables, matching them by name and shape.
   *
   * @param ctx the context holding the variables
   * @param variables float32 variables, all of which the file must hold
   * @param file the file
   * @return the file's metadata
   * @throws IOException when the file is missing, truncated, corrupt, or does not match the
   *     variables
   */
  static Map<String, String> restore(ModelContext ctx, List<Variable<?>> variables, Path file) throws IOException {
    Map<String, TensorValue> stored = new LinkedHashMap<>();
    Map<String, String> metadata;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      CRC32 crc = new CRC32();
      DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
      metadata = readHeader(in, file);
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        long[] shape = new long[in.readInt()];
        long size = 1;
        for (int d = 0; d < shape.length; d++) {
          shape[d] = in.readLong();
          size *= shape[d];
        }
        if (shape.length > 8 || size < 0 || size > Integer.MAX_VALUE) {
          throw new IOException(file + " is corrupt: variable " + name + " has shape " + Arrays.toString(shape));
        }
        float[] data = new float[(int) size];
        for (int j = 0; j < data.length; j++) {
          data[j] = in.readFloat();
        }
        stored.put(name, new TensorValue(shape, data));
      }
      long expected = crc.getValue();
      if (new DataInputStream(raw).readLong() != expected) {
        throw new IOException(file + " is corrupt (checksum mismatch); delete it to retrain");
      }
    } catch (EOFException | UTFDataFormatException e) {
      throw new IOException(file + " is truncated or not an edward4j weight file; delete it to retrain", e);
    }
    assign(ctx, variables, stored, file);
    return metadata;
  }

  /**
   * Reads only the metadata of a file written by {@link #save}.
   *
   * @param file the file
   * @return its metadata
   * @throws IOException when the file is missing or not a weight file
   */
  static Map<String, String> metadata(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      return readHeader(in, file);
    } catch (EOFException | UTFDataFormatException e) {
      throw new IOException(file + " is truncated or not an edward4j weight file", e);
    }
  }

  private static Map<String, String> readHeader(DataInputStream in, Path file) throws IOException {
    String magic = in.readUTF();
    if (!MAGIC.equals(magic)) {
      throw new IOException(file + " is not an edward4j weight file (starts with `" + magic + "`)");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (String line : in.readUTF().split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        metadata.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return metadata;
  }

  private static void assign(ModelContext ctx, List<Variable<?>> variables, Map<String, TensorValue> stored, Path file)
      throws IOException {
    Ops tf = ctx.opsAt("");
    List<Op> assignments = new ArrayList<>();
    try (Feeds feeds = new Feeds()) {
      for (Variable<TFloat32> v : floats(variables)) {
        TensorValue value = stored.get(v.name());
        if (value == null) {
          throw new IOException(file + " has no variable " + v.name() + "; it holds " + stored.keySet());
        }
        if (!Shape.of(value.shape()).equals(v.shape())) {
          throw new IOException(file + " holds " + v.name() + " with shape " + Arrays.toString(value.shape())
              + ", the network has " + v.shape());
        }
        Placeholder<TFloat32> ph = tf.placeholder(TFloat32.class, Placeholder.shape(v.shape()));
        feeds.put(ph, value);
        assignments.add(v.assign(tf, ph));
      }
      Session.Runner runner = feeds.feed(ctx.session().runner());
      assignments.forEach(runner::addTarget);
      ctx.run(runner).close();
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Variable<TFloat32>> floats(List<Variable<?>> variables) {
    List<Variable<TFloat32>> out = new ArrayList<>();
    for (Variable<?> v : variables) {
      if (v.dtype() != TFloat32.class) {
        throw new IllegalArgumentException("only float32 variables can be saved, got " + v.name() + " of " + v.dtype());
      }
      out.add((Variable<TFloat32>) v);
    }
    return out;
  }
}

package org.edward4j.core.summaries;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

/**
 * Reads TensorBoard event files back: TFRecord framing (length, masked CRC-32C, payload, masked
 * CRC-32C) around {@code Event} protocol buffers.
 *
 * <pre>{@code
 * for (EventFiles.Value v : EventFiles.read(Path.of("logs/run1"))) {
 *   System.out.println(v.step() + " " + v.tag() + " " + v.scalar());
 * }
 * }</pre>
 */
public final class EventFiles {

  /**
   * One summary value.
   *
   * @param step the global step it was written at
   * @param tag its tag
   * @param scalar the scalar value, or NaN for a histogram
   * @param histogramCount the number of values in a histogram, or 0 for a scalar
   */
  public record Value(long step, String tag, double scalar, double histogramCount) {}

  private EventFiles() {}

  /**
   * Every summary value in every {@code events.out.tfevents.*} file of a directory, in file order.
   *
   * @param logdir the directory
   * @return the values
   * @throws IOException if a file cannot be read or is corrupt (a CRC mismatch or a cut record)
   */
  public static List<Value> read(Path logdir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(logdir)) {
      files = s.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents")).sorted().toList();
    }
    List<Value> out = new ArrayList<>();
    for (Path f : files) {
      for (Event e : events(f)) {
        for (Summary.Value v : e.getSummary().getValueList()) {
          out.add(toValue(e.getStep(), v));
        }
      }
    }
    return out;
  }

  /**
   * The events of one file.
   *
   * @param file an event file
   * @return its events
   * @throws IOException if the file cannot be read or is corrupt
   */
  public static List<Event> events(Path file) throws IOException {
    List<Event> out = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(raw)) {
      byte[] header = new byte[12];
      while (true) {
        int first = in.read();
        if (first < 0) {
          return out;
        }
        header[0] = (byte) first;
        readFully(in, header, 1, 11, file);
        ByteBuffer hb = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        long length = hb.getLong(0);
        int lengthCrc = hb.getInt(8);
        if (Crc32c.masked(header, 0, 8) != lengthCrc) {
          throw new IOException("corrupt event file " + file + ": length CRC mismatch");
        }
        if (length < 0 || length > Integer.MAX_VALUE) {
          throw new IOException("corrupt event file " + file + ": record length " + length);
        }
        byte[] data = new byte[(int) length];
        readFully(in, data, 0, data.length, file);
        byte[] crc = new byte[4];
        readFully(in, crc, 0, 4, file);
        if (Crc32c.masked(data, 0, data.length) != ByteBuffer.wrap(crc).order(ByteOrder.LITTLE_ENDIAN).getInt()) {
          throw new IOException("corrupt event file " + file + ": data CRC mismatch");
        }
        out.add(Event.parseFrom(data));
      }
    }
  }

  private static Value toValue(long step, Summary.Value v) {
    if (v.hasSimpleValue()) {
      return new Value(step, v.getTag(), v.getSimpleValue(), 0);
    }
    if (v.hasHisto()) {
      return new Value(step, v.getTag(), Double.NaN, v.getHisto().getNum());
    }
    if (v.hasTensor()) {
      var t = v.getTensor();
      double x = t.getFloatValCount() > 0 ? t.getFloatVal(0) : t.getDoubleValCount() > 0 ? t.getDoubleVal(0) : Double.NaN;
      if (Double.isNaN(x) && !t.getTensorContent().isEmpty() && t.getTensorContent().size() == 4) {
        x = ByteBuffer.wrap(t.getTensorContent().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).getFloat();
      }
      return new Value(step, v.getTag(), x, 0);
    }
    return new Value(step, v.getTag(), Double.NaN, 0);
  }

  private static void readFully(DataInputStream in, byte[] b, int off, int len, Path file) throws IOException {
    try {
      in.readFully(b, off, len);
    } catch (EOFException e) {
      throw new IOException("corrupt event file " + file + ": record cut short", e);
    }
  }
}

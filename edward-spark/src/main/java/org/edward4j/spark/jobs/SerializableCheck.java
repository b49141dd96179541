package org.edward4j.spark.jobs;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The driver-side check that user code can be shipped to executors, with a message naming what cannot. */
final class SerializableCheck {

  private SerializableCheck() {}

  /**
   * Serializes {@code value} into nothing.
   *
   * @param argument the argument's name for the message
   * @param value the user's function
   * @throws IllegalArgumentException naming the captured class that is not serializable
   */
  static <T> T require(String argument, T value) {
    if (value == null) {
      throw new IllegalArgumentException("`" + argument + "` must not be null");
    }
    try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
      out.writeObject(value);
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException("`" + argument + "` must be serializable to be sent to Spark's executors, but it"
          + " captures an instance of " + e.getMessage() + ", which is not; capture only serializable values"
          + " (sizes, seeds, options, paths), never a context, graph or tensor", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize `" + argument + "`: " + e.getMessage(), e);
    }
    return value;
  }
}

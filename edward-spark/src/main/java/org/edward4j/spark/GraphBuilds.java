package org.edward4j.spark;

/**
 * Serializes graph building inside one JVM for every Spark task of edward4j (parameter-averaging
 * replicas, the driver's model, and the jobs of {@code org.edward4j.spark.jobs}): TensorFlow Java's
 * gradient registry and edward4j's custom-gradient callback are JVM-wide, so the tasks of a JVM
 * build one graph at a time and then run in parallel. A user's own Spark task that builds an
 * edward4j graph beside these jobs holds the same monitor while it builds.
 *
 * <pre>{@code
 * synchronized (GraphBuilds.LOCK) {
 *   // build the model in a fresh ModelContext
 * }
 * }</pre>
 */
public final class GraphBuilds {

  /** The monitor held while a task builds its graph. */
  public static final Object LOCK = new Object();

  private GraphBuilds() {}
}

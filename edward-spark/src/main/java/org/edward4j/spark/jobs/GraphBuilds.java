package org.edward4j.spark.jobs;

/**
 * Serializes graph building inside one JVM, as {@code org.edward4j.spark.ReplicaTask} does:
 * TensorFlow Java's gradient registry and edward4j's custom-gradient callback are JVM-wide, so
 * the tasks of a JVM build one graph at a time and then run in parallel.
 */
final class GraphBuilds {

  /** The monitor held while a task builds its graph. */
  static final Object LOCK = new Object();

  private GraphBuilds() {}
}

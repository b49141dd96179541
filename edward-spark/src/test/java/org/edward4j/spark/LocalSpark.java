package org.edward4j.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * One {@code local[2]} Spark context shared by every test class of the module (Spark allows one
 * per JVM, and starting one takes seconds), bound to the loopback interface, without the web UI,
 * stopped when the test JVM exits. A test that needs another master stops it with {@link #stop()};
 * the next {@link #get()} starts a new one. Public so that the tests of {@code org.edward4j.spark.jobs} share it.
 */
public final class LocalSpark {

  private static JavaSparkContext context;
  private static boolean hooked;

  private LocalSpark() {}

  /**
   * The shared context, started on first use (again after {@link #stop()}).
   *
   * @return the JVM's one local[2] context
   */
  public static synchronized JavaSparkContext get() {
    if (context == null || context.sc().isStopped()) {
      context = new JavaSparkContext(loopback("local[2]", "edward-spark-tests"));
      if (!hooked) {
        hooked = true;
        Runtime.getRuntime().addShutdownHook(new Thread(LocalSpark::stop));
      }
    }
    return context;
  }

  /** Stops the shared context, if one runs, so that this JVM can start a context of another master. */
  static synchronized void stop() {
    if (context != null) {
      context.stop();
      context = null;
    }
  }

  /** A configuration bound to the loopback interface, without the web UI. */
  static SparkConf loopback(String master, String name) {
    return new SparkConf()
        .setMaster(master)
        .setAppName(name)
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1");
  }
}

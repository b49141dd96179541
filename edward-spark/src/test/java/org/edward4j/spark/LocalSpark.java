package org.edward4j.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * One {@code local[2]} Spark context shared by every test class of the module (Spark allows one
 * per JVM, and starting one takes seconds), bound to the loopback interface, without the web UI,
 * stopped when the test JVM exits. Public so that the tests of {@code org.edward4j.spark.jobs} share it.
 */
public final class LocalSpark {

  private static JavaSparkContext context;

  private LocalSpark() {}

  /**
   * The shared context, started on first use.
   *
   * @return the JVM's one local[2] context
   */
  public static synchronized JavaSparkContext get() {
    if (context == null) {
      SparkConf conf = new SparkConf()
          .setMaster("local[2]")
          .setAppName("edward-spark-tests")
          .set("spark.ui.enabled", "false")
          .set("spark.driver.host", "127.0.0.1")
          .set("spark.driver.bindAddress", "127.0.0.1");
      context = new JavaSparkContext(conf);
      Runtime.getRuntime().addShutdownHook(new Thread(context::stop));
    }
    return context;
  }
}

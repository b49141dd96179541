package org.edward4j.examples;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** The Spark context of a {@code bin/edward spark} job: any master URL; local masters bound to the loopback interface, without the web UI. */
final class SparkMaster {

  private SparkMaster() {}

  /**
   * Starts a context.
   *
   * @param master the master URL, e.g. {@code local[2]} or {@code spark://host:7077}
   * @param app the application's name
   * @return the context, its log level at WARN; close it
   */
  static JavaSparkContext open(String master, String app) {
    SparkConf conf = new SparkConf().setMaster(master).setAppName(app);
    if (master.startsWith("local")) {
      conf.set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
    }
    JavaSparkContext sc = new JavaSparkContext(conf);
    sc.setLogLevel("WARN");
    return sc;
  }
}

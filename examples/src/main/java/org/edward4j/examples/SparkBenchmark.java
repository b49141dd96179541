package org.edward4j.examples;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.spark.AveragingOptions;
import org.edward4j.spark.AveragingResult;
import org.edward4j.spark.GanTutorialModel;
import org.edward4j.spark.MnistPartitions;
import org.edward4j.spark.ParameterAveraging;
import org.edward4j.spark.RoundReport;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * {@code bin/edward bench spark}: the tutorial GAN trained by parameter averaging on MNIST with 1
 * and 2 partitions (one replica each, so 1 or 2 busy executor cores) and k = 1, 10, 100 updates
 * per round, all in one Spark context, the settings alternated in repeats so that they meet the
 * same load. Per setting: seconds per round, updates and examples per second over all replicas,
 * the shares of a round spent training, building the replica and communicating (Spark's
 * scheduling, broadcast, serialization and aggregation), and the bytes moved. Then the ratios
 * (2 against 1 partitions, per repeat), a fit of {@code round = fixed + k * step}, and the floats
 * a round moves for the tutorial GAN and for the DCGAN at widths 0.5 and 1, counted from their
 * graphs. The first round of every job (JIT, first data read) is left out.
 */
final class SparkBenchmark {

  private SparkBenchmark() {}

  /** The reports of one setting, over all repeats, and the per-repeat medians of updates/s. */
  private record Setting(int partitions, int k, List<RoundReport> rounds, List<Double> repeatThroughput) {}

  static void run(String master, int rounds, int repeats, List<Integer> ks, long seed) {
    System.out.printf("bench spark: master %s, %d measured rounds per job (plus 1 warm-up), %d repeats, k = %s;"
        + " load average %.1f at the start%n", master, rounds, repeats, ks, load());
    SparkConf conf = new SparkConf().setMaster(master).setAppName("edward4j bench spark")
        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
    Map<String, Setting> settings = new LinkedHashMap<>();
    for (int p : new int[] {1, 2}) {
      for (int k : ks) {
        settings.put(p + "/" + k, new Setting(p, k, new ArrayList<>(), new ArrayList<>()));
      }
    }
    long start = System.nanoTime();
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      sc.setLogLevel("WARN");
      Map<Integer, JavaRDD<float[]>> data = new LinkedHashMap<>();
      for (int p : new int[] {1, 2}) {
        JavaRDD<float[]> rows = MnistPartitions.train(sc, p).persist(StorageLevel.MEMORY_ONLY());
        rows.count();
        data.put(p, rows);
      }
      List<Setting> order = new ArrayList<>(settings.values());
      for (int r = 0; r < repeats; r++) {
        List<Setting> pass = new ArrayList<>(order);
        if (r % 2 == 1) {
          java.util.Collections.reverse(pass);
        }
        for (Setting s : pass) {
          AveragingResult result = ParameterAveraging.of(new GanTutorialModel(128), AveragingOptions.builder()
                  .rounds(rounds + 1).updatesPerRound(s.k()).batchSize(128).partitions(s.partitions())
                  .seed(seed).build())
              .fit(data.get(s.partitions()));
          List<RoundReport> measured = result.reports().subList(1, result.reports().size());
          s.rounds().addAll(measured);
          s.repeatThroughput().add(BenchmarkRounds.median(measured.stream().map(SparkBenchmark::updatesPerSecond).toList()));
          System.out.printf("  repeat %d, %d partition(s), k = %d: %s s per round%n", r + 1, s.partitions(), s.k(),
              BenchmarkRounds.format(measured.stream().map(RoundReport::seconds).toList(), "%.2f"));
        }
      }
    }
    printTable(settings.values());
    printRatios(settings, ks);
    printFit(settings, ks);
    printModelSizes(settings.values().iterator().next().rounds().get(0));
    System.out.printf("%.0f s in all; load average %.1f at the end%n", (System.nanoTime() - start) / 1e9, load());
  }

  private static void printTable(Iterable<Setting> settings) {
    System.out.println();
    System.out.println("| partitions | k | s per round | updates/s (all replicas) | examples/s | train | build per replica"
        + " | build share | communication | MB down / up per round |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Setting s : settings) {
      List<RoundReport> rs = s.rounds();
      double seconds = median(rs, RoundReport::seconds);
      double ups = median(rs, SparkBenchmark::updatesPerSecond);
      System.out.printf("| %d | %d | %.2f | %.1f | %,.0f | %.0f%% | %.2f s | %.0f%% | %.0f%% | %.2f / %.2f |%n",
          s.partitions(), s.k(), seconds, ups, ups * 128, 100 * median(rs, RoundReport::trainShare),
          median(rs, RoundReport::buildSeconds), 100 * median(rs, r -> r.buildSeconds() / r.seconds()),
          100 * median(rs, RoundReport::communicationShare), rs.get(0).bytesDown() / 1e6, rs.get(0).bytesUp() / 1e6);
    }
  }

  private static void printRatios(Map<String, Setting> settings, List<Integer> ks) {
    System.out.println();
    for (int k : ks) {
      List<Double> one = settings.get("1/" + k).repeatThroughput();
      List<Double> two = settings.get("2/" + k).repeatThroughput();
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < one.size(); i++) {
        ratios.add(two.get(i) / one.get(i));
      }
      System.out.printf("k = %d: 2 partitions / 1 partition, updates/s: %.2fx (repeats %s)%n", k,
          BenchmarkRounds.median(ratios), BenchmarkRounds.format(ratios, "%.2f"));
    }
  }

  /** round seconds = fixed + k * step, from the smallest and the largest k, per partition count. */
  private static void printFit(Map<String, Setting> settings, List<Integer> ks) {
    int lo = ks.stream().mapToInt(Integer::intValue).min().orElseThrow();
    int hi = ks.stream().mapToInt(Integer::intValue).max().orElseThrow();
    if (lo == hi) {
      return;
    }
    for (int p : new int[] {1, 2}) {
      double sLo = median(settings.get(p + "/" + lo).rounds(), RoundReport::seconds);
      double sHi = median(settings.get(p + "/" + hi).rounds(), RoundReport::seconds);
      double tLo = median(settings.get(p + "/" + lo).rounds(), RoundReport::trainSeconds);
      double tHi = median(settings.get(p + "/" + hi).rounds(), RoundReport::trainSeconds);
      double step = (sHi - sLo) / (hi - lo);
      double trainStep = (tHi - tLo) / (hi - lo);
      System.out.printf("%d partition(s): round = %.2f s fixed + k * %.1f ms; inside the task the first update costs"
          + " %.0f ms more than the others (%.1f ms each)%n", p, sLo - lo * step, 1e3 * step,
          1e3 * (tLo - lo * trainStep), 1e3 * trainStep);
    }
  }

  private static void printModelSizes(RoundReport tutorial) {
    System.out.println();
    System.out.printf("tutorial GAN: %.2f MB down, %.2f MB up per replica per round (Adam's state averaged)%n",
        tutorial.bytesDown() / 1e6 / tutorial.replicas(), tutorial.bytesUp() / 1e6 / tutorial.replicas());
    for (double width : new double[] {0.5, 1.0}) {
      long[] counts = dcganFloats(width);
      System.out.printf("DCGAN width %.1f: %,d parameters, %,d floats averaged with Adam's state and the batch-norm"
          + " statistics: ~%.1f MB down, ~%.1f MB up per replica per round%n", width, counts[0], counts[1],
          4e-6 * counts[1], 8e-6 * counts[1]);
    }
  }

  /** The DCGAN's trainable floats and the floats a round averages (parameters, moving statistics, Adam's two moments and beta powers). */
  static long[] dcganFloats(double width) {
    DcganExample.Settings s = new DcganExample.Settings(64, 64, width, 1e-3, 2e-4);
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Operand<TFloat32> z = ctx.placeholder("z", TFloat32.class, Shape.of(s.batch(), s.noise()));
      Operand<TFloat32> x = ctx.placeholder("x", TFloat32.class, Shape.of(s.batch(), 784));
      DcganExample.generator(ctx.scope("Gen"), z, s);
      DcganExample.discriminator(ctx.scope("Disc"), x, s);
      long trainable = size(ctx.collections().trainableVariables(null));
      long all = size(ctx.variables().all());
      return new long[] {trainable, all + 2 * trainable + 4};
    }
  }

  private static long size(List<Variable<?>> vars) {
    return vars.stream().mapToLong(v -> v.shape().size()).sum();
  }

  private static double updatesPerSecond(RoundReport r) {
    return r.updates() / r.seconds();
  }

  private static double median(List<RoundReport> rs, java.util.function.ToDoubleFunction<RoundReport> f) {
    return BenchmarkRounds.median(rs.stream().map(f::applyAsDouble).toList());
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}

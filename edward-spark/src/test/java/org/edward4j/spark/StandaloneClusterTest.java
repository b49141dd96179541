package org.edward4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executors in separate JVMs: a standalone master and two one-core workers on localhost
 * ({@link StandaloneCluster}), the application's classes shipped in {@code spark.jars}. The same
 * job gives bit for bit the result of {@code local[2]}: a task is a pure function of the broadcast
 * state, its partition and the seed, and the same float32 arithmetic runs on the same CPU in any
 * JVM. Killing an executor JVM in the middle of a round (SIGKILL) costs a retry of its task on
 * another executor, and the result is again unchanged.
 *
 * <p>Slow: each JVM loads Spark and TensorFlow (5 to 25 minutes in all on the shared, loaded 2-core
 * machine); every step has a timeout, and the cluster's JVMs are killed after the tests or on exit.
 */
@Tag("slow")
class StandaloneClusterTest {

  private static final AveragingOptions OPTIONS = AveragingOptions.builder()
      .rounds(3).updatesPerRound(5).batchSize(32).partitions(2).seed(5).build();

  @TempDir
  static Path dir;
  private static StandaloneCluster cluster;
  private static JavaSparkContext sc;
  private static AveragingResult local;
  private static final AtomicInteger failedTasks = new AtomicInteger();
  private static final AtomicInteger removedExecutors = new AtomicInteger();

  @BeforeAll
  @Timeout(value = 25, unit = TimeUnit.MINUTES)
  static void startClusterAfterTheLocalReference() throws IOException, InterruptedException {
    local = ParameterAveraging.of(new GaussianGanModel(32), OPTIONS).fit(data(LocalSpark.get()));
    LocalSpark.stop(); // one SparkContext per JVM
    // JVM start-up alone took over 5 minutes at a load average of 40 on 2 cores; 15 is generous, yet bounded.
    cluster = StandaloneCluster.start(dir.resolve("cluster"), 2, 1024, TimeUnit.MINUTES.toMillis(15));
    Path jar = StandaloneCluster.applicationJar(dir.resolve("edward4j-app.jar"));
    sc = new JavaSparkContext(LocalSpark.loopback(cluster.masterUrl(), "edward-spark-standalone-test")
        .set("spark.jars", jar.toString())
        .set("spark.executor.memory", "512m")
        .set("spark.cores.max", "2")
        .set("spark.task.maxFailures", "4")
        .set("spark.executor.extraJavaOptions", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0")
        .set("spark.executorEnv.TF_CPP_MIN_LOG_LEVEL", "2"));
    sc.setLogLevel("ERROR");
    sc.sc().addSparkListener(new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.taskInfo().failed()) {
          failedTasks.incrementAndGet();
        }
      }

      @Override
      public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        removedExecutors.incrementAndGet();
      }
    });
  }

  @AfterAll
  static void stopCluster() {
    try {
      if (sc != null) {
        sc.stop();
      }
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void theJobOnTwoExecutorJvmsEqualsTheLocalJob() {
    AveragingResult remote = ParameterAveraging.of(new GaussianGanModel(32), OPTIONS).fit(data(sc));
    assertSameState(local, remote);
    assertTrue(cluster.executors().size() >= 1, "executors ran as children of the workers");
  }

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void anExecutorKilledMidRoundIsRetriedAndTheResultIsUnchanged() throws Exception {
    Path signals = Files.createDirectories(dir.resolve("kill"));
    AtomicLong killed = new AtomicLong(-1);
    Thread killer = new Thread(() -> killWhenReady(signals, killed), "executor-killer");
    killer.setDaemon(true);
    killer.start();
    int failedBefore = failedTasks.get();
    AveragingResult remote = ParameterAveraging.of(new KillOnceModel(new GaussianGanModel(32), signals.toString()), OPTIONS)
        .onRound(r -> {
          if (r.round() == 1) { // round 2's first task to build its replica waits to be killed
            touch(signals.resolve("armed"));
          }
        })
        .fit(data(sc));
    killer.join(TimeUnit.SECONDS.toMillis(30));
    assertTrue(killed.get() > 0, "an executor was killed");
    assertNotEquals(ProcessHandle.current().pid(), killed.get(), "the killed task ran in another JVM");
    assertTrue(ProcessHandle.of(killed.get()).map(h -> !h.isAlive()).orElse(true), "the executor is dead");
    long deadline = System.currentTimeMillis() + 30_000; // listener events arrive asynchronously
    while ((failedTasks.get() == failedBefore || removedExecutors.get() == 0) && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(failedTasks.get() > failedBefore, "Spark saw the task fail and retried it");
    assertTrue(removedExecutors.get() > 0, "Spark saw the executor go");
    assertEquals(List.of(1L, 2L, 3L), remote.reports().stream().map(RoundReport::round).toList());
    assertSameState(local, remote);
  }

  /** Waits for the chosen task's process id, checks it is an executor of the cluster, and kills it. */
  private static void killWhenReady(Path signals, AtomicLong killed) {
    Path pidFile = signals.resolve("pid");
    try {
      while (!Thread.currentThread().isInterrupted()) {
        String pid = Files.exists(pidFile) ? Files.readString(pidFile).trim() : "";
        if (!pid.isEmpty()) {
          long id = Long.parseLong(pid);
          if (cluster.executors().stream().noneMatch(h -> h.pid() == id)) {
            throw new IllegalStateException("process " + id + " is not an executor of the cluster");
          }
          ProcessHandle.of(id).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL on Unix
          killed.set(id);
          return;
        }
        Thread.sleep(100);
      }
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void touch(Path file) {
    try {
      Files.createFile(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static org.apache.spark.api.java.JavaRDD<float[]> data(JavaSparkContext context) {
    return context.parallelize(ParameterAveragingTrainingTest.gaussian(512, 1), 2);
  }

  private static void assertSameState(AveragingResult expected, AveragingResult actual) {
    assertEquals(expected.state().layout().names(), actual.state().layout().names());
    for (String name : expected.state().layout().names()) {
      assertArrayEquals(expected.state().values(name), actual.state().values(name), name);
    }
    for (int i = 0; i < expected.reports().size(); i++) {
      assertEquals(expected.reports().get(i).losses(), actual.reports().get(i).losses(), "round " + (i + 1) + "'s losses");
    }
  }
}

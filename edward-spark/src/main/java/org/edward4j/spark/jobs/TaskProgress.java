package org.edward4j.spark.jobs;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.TaskInfo;

/**
 * A progress line per finished Spark task, for the launchers of the jobs of this package: {@code
 * "task 3/4 of stage 2 done in 1.8 s on executor driver"} (or {@code "failed"} with Spark's
 * reason). Spark's listener bus calls it on its own thread, so lines arrive shortly after the tasks
 * end, in the order they end. Close it to stop listening.
 *
 * <pre>{@code
 * try (TaskProgress progress = TaskProgress.attach(sc, System.out::println)) {
 *   ChainsResult chains = ParallelChains.of(model, options).run(sc);
 * }
 * }</pre>
 */
public final class TaskProgress implements AutoCloseable {

  private final JavaSparkContext sc;
  private final Listener listener;

  private TaskProgress(JavaSparkContext sc, Consumer<String> lines) {
    this.sc = sc;
    this.listener = new Listener(lines);
  }

  /**
   * Starts printing a line per finished task of {@code sc}'s jobs.
   *
   * @param sc the Spark context
   * @param lines where each line goes, e.g. {@code System.out::println}
   * @return the attached listener; close it to detach
   */
  public static TaskProgress attach(JavaSparkContext sc, Consumer<String> lines) {
    Objects.requireNonNull(sc, "sc");
    Objects.requireNonNull(lines, "lines");
    TaskProgress p = new TaskProgress(sc, lines);
    sc.sc().addSparkListener(p.listener);
    return p;
  }

  /** Stops listening; safe to call twice. */
  @Override
  public void close() {
    sc.sc().removeSparkListener(listener);
  }

  private static final class Listener extends SparkListener {
    private final Consumer<String> lines;
    private final Map<Integer, Integer> tasksPerStage = new ConcurrentHashMap<>();

    Listener(Consumer<String> lines) {
      this.lines = lines;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted stage) {
      tasksPerStage.put(stage.stageInfo().stageId(), stage.stageInfo().numTasks());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      TaskInfo info = end.taskInfo();
      Integer total = tasksPerStage.get(end.stageId());
      lines.accept(String.format(Locale.ROOT, "task %d/%s of stage %d %s in %.1f s on executor %s", info.index() + 1,
          total == null ? "?" : total.toString(), end.stageId(),
          info.successful() ? "done" : "failed (" + end.reason() + ")", info.duration() / 1e3, info.executorId()));
    }
  }
}

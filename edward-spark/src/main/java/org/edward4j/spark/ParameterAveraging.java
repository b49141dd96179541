package org.edward4j.spark;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * Data-parallel training with synchronous parameter averaging on Spark (DL4J's {@code
 * ParameterAveragingTrainingMaster}; Zinkevich et al., 2010, "Parallelized stochastic gradient
 * descent"): every round broadcasts the driver's variables, every partition trains a replica on
 * its own minibatches for k updates, and the driver replaces its variables by the replicas' mean,
 * {@code theta <- (1/P) sum_p theta_p}.
 *
 * <p>Each task builds the model from the serializable {@link ModelFunction} in a context of its
 * own and closes it at the end (see {@link ReplicaTask} for why not one per executor). The mean
 * is taken with {@code treeAggregate} in double precision; the driver keeps it as float arrays
 * ({@link ParameterState}) and, with a checkpoint directory, saves it after every round in
 * TensorFlow's checkpoint format through a driver-side copy of the model, so a job started again
 * with the same directory resumes after the last completed round.
 *
 * <p>Checked on the driver before any training: the model function serializes; every partition
 * holds at least one batch and all examples have one width; every task's model has the driver's
 * variables (else {@link ModelMismatchException}).
 *
 * <pre>{@code
 * AveragingResult result = ParameterAveraging.of(model, AveragingOptions.builder()
 *         .rounds(50).updatesPerRound(10).batchSize(128).partitions(2).build())
 *     .onRound(report -> System.out.println(report))
 *     .fit(rows);                                   // JavaRDD<float[]>, one example per element
 * float[] kernel = result.state().values("Gen/dense/kernel");
 * }</pre>
 */
public final class ParameterAveraging {

  private final ModelFunction model;
  private final AveragingOptions options;
  private Consumer<RoundReport> listener = r -> { };
  private Consumer<ParameterState> stateListener = s -> { };

  private ParameterAveraging(ModelFunction model, AveragingOptions options) {
    this.model = model;
    this.options = options;
  }

  /**
   * A trainer of {@code model} with {@code options}.
   *
   * @param model the serializable model function
   * @param options the rounds, k, batch size, partitions and checkpoints
   * @return the trainer
   * @throws IllegalArgumentException if {@code model} cannot be serialized, naming what it captured
   */
  public static ParameterAveraging of(ModelFunction model, AveragingOptions options) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(options, "options");
    checkSerializable(model);
    return new ParameterAveraging(model, options);
  }

  /**
   * Calls {@code listener} on the driver after every round (and its checkpoint).
   *
   * @param listener e.g. {@code System.out::println} for a progress line per round
   * @return this trainer
   */
  public ParameterAveraging onRound(Consumer<RoundReport> listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Hands the averaged state to {@code listener} on the driver after every round, e.g. to draw
   * samples from the model as training goes.
   *
   * @param listener called with each round's state, before the round's report
   * @return this trainer
   */
  public ParameterAveraging onAveraged(Consumer<ParameterState> listener) {
    this.stateListener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Trains on {@code data} until {@code options.rounds()} rounds are done, resuming from the
   * checkpoint directory's latest round if it has one.
   *
   * @param data one example per element, all of one width; cached here if not already
   * @return the final variables and the rounds' reports
   * @throws IllegalArgumentException if a partition holds fewer examples than a batch, or widths differ
   * @throws ModelMismatchException if a task builds other variables than the driver
   */
  public AveragingResult fit(JavaRDD<float[]> data) {
    Objects.requireNonNull(data, "data");
    JavaRDD<float[]> rows = options.partitions() > 0 && options.partitions() != data.getNumPartitions()
        ? data.repartition(options.partitions()) : data;
    boolean persisted = rows.getStorageLevel().equals(StorageLevel.NONE());
    if (persisted) {
      rows.persist(StorageLevel.MEMORY_ONLY());
    }
    try (DriverModel driver = new DriverModel(model, options)) {
      checkPartitions(rows);
      ParameterState state = driver.initialState();
      long resumedFrom = state.round();
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(rows.context());
      List<RoundReport> reports = new ArrayList<>();
      long stateBytes = -1;
      long sumBytes = -1;
      while (state.round() < options.rounds()) {
        long start = System.nanoTime();
        Broadcast<ParameterState> broadcast = sc.broadcast(state);
        ParameterSum sum;
        try {
          sum = rows.mapPartitionsWithIndex(
                  new ReplicaTask(model, broadcast, driver.layout(), RoundPlan.of(options, state.round())), true)
              .treeAggregate(new ParameterSum(), ParameterSum::add, ParameterSum::merge, options.treeDepth());
        } catch (Exception e) { // Scala throws SparkException, a checked exception, undeclared
          throw translate(e);
        } finally {
          broadcast.destroy();
        }
        if (stateBytes < 0) { // the layout is fixed, so the sizes are measured once
          stateBytes = serializedSize(state);
          sumBytes = serializedSize(sum);
        }
        long bytesDown = stateBytes * sum.replicas();
        long bytesUp = sumBytes * sum.replicas();
        state = new ParameterState(driver.layout(), sum.mean(), state.round() + 1);
        long averaged = System.nanoTime();
        driver.checkpoint(state);
        double n = sum.replicas();
        RoundReport report = new RoundReport(state.round(), options.rounds(), sum.replicas(), sum.updates(),
            sum.meanLosses(), (averaged - start) / 1e9, sum.dataNanos() / n / 1e9, sum.buildNanos() / n / 1e9,
            sum.trainNanos() / n / 1e9, sum.transferNanos() / n / 1e9, (System.nanoTime() - averaged) / 1e9,
            bytesDown, bytesUp);
        reports.add(report);
        stateListener.accept(state);
        listener.accept(report);
      }
      return new AveragingResult(state, resumedFrom, reports);
    } finally {
      if (persisted) {
        rows.unpersist(false);
      }
    }
  }

  /** One cheap job: every partition's size and example widths, checked before any model is trained. */
  private void checkPartitions(JavaRDD<float[]> rows) {
    List<long[]> stats = rows.mapPartitionsWithIndex(ParameterAveraging::partitionStats, true).collect();
    if (stats.isEmpty()) {
      throw new IllegalArgumentException("`data` must have at least one partition, got an RDD with none");
    }
    List<String> small = new ArrayList<>();
    long minWidth = Long.MAX_VALUE;
    long maxWidth = Long.MIN_VALUE;
    for (long[] s : stats) {
      if (s[1] < options.batchSize()) {
        small.add("partition " + s[0] + " has " + s[1]);
      }
      if (s[1] > 0) {
        minWidth = Math.min(minWidth, s[2]);
        maxWidth = Math.max(maxWidth, s[3]);
      }
    }
    if (!small.isEmpty()) {
      throw new IllegalArgumentException("every partition must hold at least one batch of `batchSize` = "
          + options.batchSize() + " examples, but " + String.join(", ", small) + " (of " + stats.size()
          + " partitions); use fewer partitions, a smaller batch or more data");
    }
    if (minWidth != maxWidth) {
      throw new IllegalArgumentException("every example must have the same width, got widths from " + minWidth
          + " to " + maxWidth);
    }
  }

  private static Iterator<long[]> partitionStats(Integer partition, Iterator<float[]> it) {
    long count = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    while (it.hasNext()) {
      float[] row = it.next();
      count++;
      min = Math.min(min, row.length);
      max = Math.max(max, row.length);
    }
    return List.of(new long[] {partition, count, min, max}).iterator();
  }

  /** Spark wraps a task's exception; hand the mismatch back as itself so callers can catch it. */
  private static RuntimeException translate(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ModelMismatchException m) {
        return m;
      }
    }
    if (!(e instanceof SparkException)) {
      return e instanceof RuntimeException r ? r : new IllegalStateException("an averaging round failed: " + e, e);
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains(ModelMismatchException.class.getName())) {
      return new IllegalStateException("a task built a model with other variables than the driver's: " + message, e);
    }
    return new IllegalStateException("an averaging round failed: " + message, e);
  }

  /** Fails on the driver, naming the culprit, rather than deep inside Spark's closure serializer. */
  private static void checkSerializable(ModelFunction model) {
    try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
      out.writeObject(model);
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException("`model` must be serializable to be sent to Spark's executors, but it"
          + " captures an instance of " + e.getMessage() + ", which is not; capture only serializable values"
          + " (sizes, seeds, options), never a context, graph or tensor", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("`model` must be serializable to be sent to Spark's executors: " + e, e);
    }
  }

  private static long serializedSize(Object o) {
    long[] count = new long[1];
    OutputStream counter = new OutputStream() {
      @Override
      public void write(int b) {
        count[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        count[0] += len;
      }
    };
    try (ObjectOutputStream out = new ObjectOutputStream(counter)) {
      out.writeObject(o);
    } catch (IOException e) {
      throw new IllegalStateException("cannot measure the serialized size of " + o.getClass().getSimpleName(), e);
    }
    return count[0];
  }

  @Override
  public String toString() {
    return "ParameterAveraging(" + options + ")";
  }
}

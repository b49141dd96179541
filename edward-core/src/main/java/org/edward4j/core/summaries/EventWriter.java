package org.edward4j.core.summaries;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.edward4j.core.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.summary.SummaryWriter;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TNumber;

/**
 * Writes TensorBoard event files with TensorFlow's own summary ops ({@code SummaryWriter}, {@code
 * WriteScalarSummary}, {@code WriteHistogramSummary}), so TensorBoard reads them as it reads
 * Python's.
 *
 * <p>Summary ops are built once; {@link #writeOps()} are added as targets to a session run with
 * {@link #step()} fed, so logging rides on the training step's {@code Session.run}.
 *
 * <pre>{@code
 * EventWriter events = EventWriter.create(ctx, Path.of("logs/run1"));
 * events.scalar("loss", loss);
 * // in a run: runner.feed(events.step(), stepTensor); events.writeOps().forEach(runner::addTarget);
 * events.close();
 * }</pre>
 */
public final class EventWriter implements AutoCloseable {

  private static final AtomicInteger IDS = new AtomicInteger();

  private final ModelContext ctx;
  private final Path logdir;
  private final Ops tf;
  private final SummaryWriter writer;
  private final Placeholder<TInt64> step;
  private final List<Op> writeOps = new ArrayList<>();
  private boolean closed;

  private EventWriter(ModelContext ctx, Path logdir, Ops tf, SummaryWriter writer, Placeholder<TInt64> step) {
    this.ctx = ctx;
    this.logdir = logdir;
    this.tf = tf;
    this.writer = writer;
    this.step = step;
  }

  /**
   * Creates the directory and an event file in it.
   *
   * @param ctx the context whose graph holds the logged tensors
   * @param logdir the directory; created if missing
   * @return the writer
   * @throws IOException if the directory cannot be created
   */
  public static EventWriter create(ModelContext ctx, Path logdir) throws IOException {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(logdir, "logdir");
    Files.createDirectories(logdir);
    Ops tf = ctx.tf().withSubScope("summaries");
    SummaryWriter writer =
        tf.summary.summaryWriter(SummaryWriter.sharedName("edward4j_events_" + IDS.incrementAndGet()));
    Op create =
        tf.summary.createSummaryFileWriter(
            writer,
            tf.constant(logdir.toAbsolutePath().toString()),
            tf.constant(10),
            tf.constant(5_000),
            tf.constant(".v2"));
    ctx.run(ctx.session().runner().addTarget(create));
    Placeholder<TInt64> step = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
    return new EventWriter(ctx, logdir, tf, writer, step);
  }

  /**
   * Logs a scalar under {@code tag} whenever {@link #writeOps()} run.
   *
   * @param tag the TensorBoard tag, e.g. {@code "loss/discriminative"}
   * @param value a scalar tensor
   */
  public void scalar(String tag, Operand<? extends TNumber> value) {
    Objects.requireNonNull(value, "value");
    writeOps.add(tf.summary.writeScalarSummary(writer, step, tf.constant(checkTag(tag)), value));
  }

  /**
   * Logs a histogram of a tensor's values under {@code tag} whenever {@link #writeOps()} run.
   *
   * @param tag the TensorBoard tag
   * @param values any numeric tensor
   */
  public void histogram(String tag, Operand<? extends TNumber> values) {
    Objects.requireNonNull(values, "values");
    writeOps.add(tf.summary.writeHistogramSummary(writer, step, tf.constant(checkTag(tag)), values));
  }

  /**
   * The step placeholder to feed with the iteration number.
   *
   * @return an int64 scalar placeholder, the x-axis TensorBoard plots the summaries against
   */
  public Placeholder<TInt64> step() {
    return step;
  }

  /**
   * The write ops to add as targets of a run.
   *
   * @return a copy of the ops built so far by {@link #scalar} and {@link #histogram}, in order
   */
  public List<Op> writeOps() {
    return List.copyOf(writeOps);
  }

  /**
   * Adds the write ops to a runner and feeds the step; the caller closes {@code stepTensor} after
   * the run.
   *
   * @param runner the runner of the step being logged
   * @param stepTensor a scalar int64 tensor holding the step
   * @return the runner
   */
  public Session.Runner addTo(Session.Runner runner, TInt64 stepTensor) {
    runner.feed(step, stepTensor);
    writeOps.forEach(runner::addTarget);
    return runner;
  }

  /**
   * The directory events are written to.
   *
   * @return the directory as given to {@link #create}, not made absolute
   */
  public Path logdir() {
    return logdir;
  }

  /** Flushes pending events to disk. */
  public void flush() {
    if (!closed && !ctx.isClosed()) {
      ctx.run(ctx.session().runner().addTarget(tf.summary.flushSummaryWriter(writer)));
    }
  }

  /** Flushes and closes the event file; safe to call twice, and after the context closed. */
  @Override
  public void close() {
    if (closed || ctx.isClosed()) {
      closed = true;
      return;
    }
    closed = true;
    ctx.run(ctx.session().runner().addTarget(tf.summary.closeSummaryWriter(writer)));
  }

  private static String checkTag(String tag) {
    if (tag == null || tag.isBlank()) {
      throw new IllegalArgumentException("`tag` must be a non-empty string, got " + tag);
    }
    return tag;
  }

  @Override
  public String toString() {
    return "EventWriter(" + logdir + ", " + writeOps.size() + " summaries" + (closed ? ", closed" : "") + ")";
  }
}

package org.edward4j.inferences;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.edward4j.core.ModelContext;
import org.edward4j.core.summaries.EventWriter;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TNumber;

/**
 * An inference's TensorBoard log, as Edward writes it: summaries at {@code t == 1} and every
 * {@code nPrint} iterations, in {@code logdir} or a {@code YYYYMMDD_HHMMSS} subdirectory of it.
 */
final class InferenceLog implements AutoCloseable {

  private final EventWriter events;
  private TInt64 step;

  private InferenceLog(EventWriter events) {
    this.events = events;
  }

  /** Opens the log directory of the options. */
  static InferenceLog open(ModelContext ctx, RunOptions options) {
    Path dir = options.logdir().orElseThrow();
    if (options.logTimestamp()) {
      dir = dir.resolve(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").format(LocalDateTime.now(ZoneOffset.UTC)));
    }
    try {
      return new InferenceLog(EventWriter.create(ctx, dir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create log directory " + dir, e);
    }
  }

  void scalar(String tag, Operand<? extends TNumber> value) {
    events.scalar(tag, value);
  }

  void histogram(String tag, Operand<? extends TNumber> values) {
    events.histogram(tag, values);
  }

  /** Adds the summary ops for iteration {@code t} to a runner; call {@link #afterRun} after it ran. */
  void addTo(Session.Runner runner, long t) {
    step = TInt64.scalarOf(t);
    events.addTo(runner, step);
  }

  /** Frees the step tensor of the last {@link #addTo}. */
  void afterRun() {
    if (step != null) {
      step.close();
      step = null;
    }
  }

  @Override
  public void close() {
    afterRun();
    events.close();
  }
}

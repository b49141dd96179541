package org.edward4j.inferences;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.edward4j.core.Feeds;
import org.edward4j.core.ModelContext;
import org.edward4j.core.variables.Initializers;
import org.edward4j.core.variables.Variable;
import org.edward4j.core.variables.VariableSpec;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Runs an inference's training steps in the graph: one {@code Session.run} per update that trains
 * the chosen sides, increments the iteration counter {@code t} (Edward's {@code iteration}
 * variable, so it is saved with the other variables), fetches the losses (through {@code
 * CheckNumerics} in debug mode) and, when due, writes the TensorBoard summaries.
 *
 * <p>Thread safety: every method that touches the shared feed buffers, the session run or {@code t}
 * is {@code synchronized} on this engine (one per inference), so concurrent updates are applied one
 * at a time, each filling the buffers, running and advancing {@code t} as one unit. Without it two
 * threads overwrote each other's feeds (a spurious "must feed placeholder" error) and lost
 * increments of {@code t} (issue 17). The engine is private to its inference, so no caller can hold
 * this monitor.
 */
final class UpdateEngine implements AutoCloseable {

  private final ModelContext ctx;
  private final InferenceFeeds feeds;
  private final List<Inference.Step> steps = new ArrayList<>();
  private final Map<String, Operand<TFloat32>> fetchedLosses = new LinkedHashMap<>();
  private Variable<TInt64> iteration;
  private Op incrementIteration;
  private InferenceLog log;
  private boolean debug;
  private long t;

  UpdateEngine(ModelContext ctx, InferenceFeeds feeds) {
    this.ctx = ctx;
    this.feeds = feeds;
  }

  /** Creates the iteration counter and, if asked, the log; before the algorithm builds its steps. */
  void start(RunOptions options) {
    iteration = ctx.rootScope().getVariable(
        VariableSpec.of(InferenceData.unusedName(ctx, "iteration"), Shape.scalar(), TInt64.class)
            .withInitializer(Initializers.zeros())
            .withTrainable(false));
    if (options.logdir().isPresent()) {
      log = InferenceLog.open(ctx, options);
    }
    debug = options.debug();
  }

  void add(Inference.Step step) {
    for (Inference.Step s : steps) {
      if (s.key().equals(step.key())) {
        throw new IllegalStateException("two steps report `" + step.key() + "`");
      }
    }
    steps.add(step);
  }

  void histogram(String tag, Operand<? extends org.tensorflow.types.family.TNumber> values) {
    if (log != null) {
      log.histogram(tag, values);
    }
  }

  /** Builds the increment of {@code t}, the checked losses and the loss summaries. */
  void seal(String owner) {
    if (steps.isEmpty()) {
      throw new IllegalStateException(owner + ".build added no training step");
    }
    Ops tf = ctx.opsAt("");
    // t counts update calls whichever side runs, so its increment depends on no step.
    incrementIteration = tf.assignAddVariableOp(iteration.handle(), tf.constant(1L));
    for (Inference.Step s : steps) {
      fetchedLosses.put(s.key(), debug ? tf.debugging.checkNumerics(s.loss(), checkTag(s.key())) : s.loss());
      if (log != null) {
        log.scalar(s.side() == Side.DISC ? "loss/discriminative" : s.key().equals("loss") ? "loss" : s.key(), s.loss());
      }
    }
    t = 0;
  }

  /** One update of the steps of {@code side} (all when null), logging if {@code reportDue(t)}. */
  synchronized UpdateInfo update(Map<? extends Operand<?>, ?> feedDict, Side side, String owner, LongPredicate reportDue) {
    List<Inference.Step> chosen = new ArrayList<>();
    for (Inference.Step s : steps) {
      if (side == null || s.side() == side) {
        chosen.add(s);
      }
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException(owner + " has no `" + side.scope() + "` side to update");
    }
    Feeds f = feeds.prepare(feedDict);
    long next = t + 1;
    Session.Runner runner = f.feed(ctx.session().runner());
    chosen.forEach(s -> runner.addTarget(s.train()));
    // The counter variable is incremented in the graph (checkpoints save it); its value is known
    // here, so it is not fetched back.
    runner.addTarget(incrementIteration);
    chosen.forEach(s -> runner.fetch(fetchedLosses.get(s.key())));
    if (log != null && reportDue.test(next)) {
      log.addTo(runner, next);
    }
    try (Result r = ctx.run(runner)) {
      t = next;
      Map<String, Double> values = new LinkedHashMap<>();
      steps.forEach(s -> values.put(s.key(), 0.0));
      for (int i = 0; i < chosen.size(); i++) {
        values.put(chosen.get(i).key(), (double) ((TFloat32) r.get(i)).getFloat());
      }
      return new UpdateInfo(t, values);
    } catch (TFInvalidArgumentException e) {
      for (Inference.Step s : chosen) {
        if (debug && String.valueOf(e.getMessage()).contains(checkTag(s.key()))) {
          t = next;
          throw new NonFiniteLossException(s.key(), next, e);
        }
      }
      throw e;
    } finally {
      if (log != null) {
        log.afterRun();
      }
    }
  }

  /** The step reporting {@code key}. */
  Inference.Step step(String key) {
    for (Inference.Step s : steps) {
      if (s.key().equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no loss `" + key + "`; this inference reports " + fetchedLosses.keySet());
  }

  /** The step of {@code side}. */
  Inference.Step step(Side side, String owner) {
    for (Inference.Step s : steps) {
      if (s.side() == side) {
        return s;
      }
    }
    throw new IllegalArgumentException(owner + " has no step for side " + side);
  }

  List<Inference.Step> steps() {
    return Collections.unmodifiableList(steps);
  }

  Variable<TInt64> iteration() {
    return iteration;
  }

  synchronized long t() {
    return t;
  }

  /** Reads {@code t} back from the counter variable. */
  synchronized long syncT() {
    long step = ctx.randomStep();
    try (Result r = ctx.run(ctx.session().runner().fetch(iteration.value()))) {
      t = ((TInt64) r.get(0)).getLong();
    } finally {
      // Reading t draws nothing: keep the random step a restore just set, so resuming stays exact.
      ctx.setRandomStep(step);
    }
    return t;
  }

  /** Resets {@code t} and every optimizer slot of the steps to their initial values. */
  synchronized void reset() {
    Session.Runner runner = ctx.session().runner().addTarget(iteration.initializer());
    for (Inference.Step s : steps) {
      if (s.trainStep() != null) {
        s.trainStep().slots().forEach(v -> runner.addTarget(v.initializer()));
      }
    }
    ctx.run(runner).close();
    t = 0;
  }

  /** Resets every variable of the context, as Edward's {@code run} does before training. */
  synchronized void resetAllVariables() {
    Session.Runner runner = ctx.session().runner();
    ctx.variables().all().forEach(v -> runner.addTarget(v.initializer()));
    ctx.run(runner).close();
    t = 0;
  }

  /** Closes the log and frees the feed buffers; updating again still works. */
  @Override
  public synchronized void close() {
    if (log != null) {
      log.close();
      log = null;
    }
    feeds.close();
  }

  private static String checkTag(String key) {
    return "edward4j numeric check of `" + key + "`";
  }
}

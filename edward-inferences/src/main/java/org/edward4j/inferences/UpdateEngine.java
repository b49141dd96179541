package org.edward4j.inferences;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.edward4j.core.Feeds;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableSpec;
import org.edward4j.core.optimizers.GradientAndVariable;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TNumber;

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
  // Under debug it waits for the numeric checks of every loss, as the train ops do, so a rejected
  // update advances nothing.
  private Op incrementIteration;
  // Under debug: the CheckNumerics of each step's loss, made once and shared by the gate of its
  // train op (numericGate) and the fetched loss.
  private final Map<String, Operand<TFloat32>> checks = new HashMap<>();
  // Under debug: every check's tag, with what it checks (a loss, or a gradient of one) and the
  // checked tensor, so a trip can be named and traced to its first non-finite op.
  private final Map<String, Checked> checked = new LinkedHashMap<>();
  private NonFiniteOrigin origin;
  private final List<Op> gradientChecks = new ArrayList<>();
  // Set by closeForever (Inference.close) under this engine's lock, the lock every update holds
  // from its check of it to the end of its run: an update either completes before close() or fails.
  private boolean closedForever;
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

  /**
   * What a train op must wait for: under debug, the check for NaN and Inf of the loss reported as
   * {@code key}, so a non-finite loss stops the step before any variable is written (a check after
   * the step, as before, found the weights already NaN); otherwise nothing. The check is a control
   * dependency of the updates only, never an input of the gradients (CheckNumerics has none). An
   * inference with several steps gates each on every loss, so an update is applied whole or not at
   * all.
   */
  List<Op> numericGate(String key, Operand<TFloat32> loss) {
    return debug ? List.of((Op) check(key, loss)) : List.of();
  }

  private Operand<TFloat32> check(String key, Operand<TFloat32> loss) {
    Operand<TFloat32> c = checks.get(key);
    if (c == null) {
      c = ctx.opsAt("").debugging.checkNumerics(loss, checkTag(key));
      checks.put(key, c);
      checked.put(checkTag(key), new Checked(key, "`" + key + "`", loss.asOutput()));
    }
    return c;
  }

  /**
   * What a train op applying {@code gradsAndVars} must also wait for under debug: a NaN/Inf check of
   * each gradient, so a finite loss with a non-finite gradient (a square root at 0) cannot write
   * NaN into the weights either; otherwise nothing.
   */
  List<Op> gradientGate(String key, List<GradientAndVariable> gradsAndVars) {
    if (!debug) {
      return List.of();
    }
    List<Op> gate = new ArrayList<>();
    Ops tf = ctx.opsAt("");
    for (GradientAndVariable p : gradsAndVars) {
      String tag = "edward4j numeric check of the gradient of `" + key + "` for " + p.variable().name();
      Op check = checkGradient(tf, p.gradient(), tag);
      gate.add(check);
      gradientChecks.add(check);
      checked.put(tag, new Checked(key, "the gradient of `" + key + "` for " + p.variable().name(),
          p.gradient().asOutput()));
    }
    return gate;
  }

  private static <T extends TNumber> Op checkGradient(Ops tf, Operand<T> gradient, String tag) {
    return tf.debugging.checkNumerics(gradient, tag);
  }

  /** A debug check: the loss key it reports under, what it checks, and the checked tensor. */
  private record Checked(String key, String what, Output<?> tensor) {}

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
    for (Inference.Step s : steps) {
      fetchedLosses.put(s.key(), debug ? check(s.key(), s.loss()) : s.loss());
      if (log != null) {
        log.scalar(s.side() == Side.DISC ? "loss/discriminative" : s.key().equals("loss") ? "loss" : s.key(), s.loss());
      }
    }
    // t counts update calls whichever side runs, so its increment depends on no step; under debug
    // it waits for the checks of every loss, as every gated train op does.
    List<Op> gate = new ArrayList<>();
    if (debug) {
      steps.forEach(s -> gate.add((Op) fetchedLosses.get(s.key())));
      gate.addAll(gradientChecks);
    }
    incrementIteration = (gate.isEmpty() ? tf : tf.withControlDependencies(gate))
        .assignAddVariableOp(iteration.handle(), tf.constant(1L));
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
    if (closedForever) {
      throw new IllegalStateException(owner + " is closed");
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException(owner + " has no `" + side.scope() + "` side to update");
    }
    Feeds f = feeds.prepare(feedDict);
    long randomStep = ctx.randomStep();
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
      // Every loss and gradient is checked under debug, also the sides not chosen (their checks gate
      // the step).
      for (Map.Entry<String, Checked> c : checked.entrySet()) {
        if (debug && String.valueOf(e.getMessage()).contains(c.getKey())) {
          // The gates kept the steps and the increment from running; a step without an optimizer (a
          // sampler's) is not gated, so t is read back rather than assumed.
          t = readCounter();
          if (origin == null) {
            origin = new NonFiniteOrigin(ctx);
          }
          String first = origin.find(c.getValue().tensor(), f, randomStep);
          throw new NonFiniteLossException(c.getValue().key(), c.getValue().what(), next, first, e);
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
    // Reading t draws nothing: keep the random step a restore just set, so resuming stays exact.
    t = ctx.keepingRandomStep(this::readCounter);
    return t;
  }

  /** Resets {@code t} and every optimizer slot of the steps to their initial values. */
  synchronized void reset() {
    checkNotClosedForever();
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
    checkNotClosedForever();
    Session.Runner runner = ctx.session().runner();
    ctx.variables().all().forEach(v -> runner.addTarget(v.initializer()));
    ctx.run(runner).close();
    t = 0;
  }

  /** Closes the log and the feed buffers and refuses every later update: the inference's close(). */
  synchronized void closeForever() {
    closedForever = true;
    close();
  }

  private void checkNotClosedForever() {
    if (closedForever) {
      throw new IllegalStateException("the inference is closed");
    }
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

  private long readCounter() {
    try (Result r = ctx.run(ctx.session().runner().fetch(iteration.value()))) {
      return ((TInt64) r.get(0)).getLong();
    }
  }

  private static String checkTag(String key) {
    return "edward4j numeric check of `" + key + "`";
  }
}

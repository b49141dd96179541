package org.edward4j.core;

import com.google.common.base.Preconditions;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.edward4j.core.gradients.MissingGradients;
import org.edward4j.core.naming.GraphScope;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TNumber;

/**
 * Owns one TensorFlow {@link Graph}, its root {@link Ops}, a {@link Session}, the variable store,
 * the graph collections and the seeds: Edward's {@code ed.get_session()} and {@code
 * ed.set_seed()} made explicit.
 *
 * <p>Every random op built through this context gets the graph seed and its own op seed, so the
 * same seed and the same model-building code give the same numbers. Closing the context closes the
 * session and the graph; {@code close()} may be called twice, and any use after it throws {@link
 * IllegalStateException}.
 *
 * <p>What it owns is reachable from it alone: there is no registry of open contexts. Values made
 * through a context know it ({@link ContextOwned}: random variables, variables, {@link
 * #placeholder placeholders}), which is how inferences find their context; per-context caches of
 * other packages (the checkpoint savers) live in the context ({@link #attachment}) and go with it.
 * The only JVM-wide state is TensorFlow Java's gradient registry, which is process-global by
 * design: the first context registers the gradients the runtime lacks ({@link
 * MissingGradients#registerAll()}), once per JVM.
 *
 * <pre>{@code
 * try (ModelContext ctx = ModelContext.withSeed(42)) {
 *   VariableScope gen = ctx.scope("Gen");
 *   Variable<TFloat32> w = gen.getVariable("w", Shape.of(2, 3));
 *   float[] values = ctx.eval(w).data();
 * }
 * }</pre>
 */
public final class ModelContext implements AutoCloseable {


  private final SeedStream seeds;
  private final Graph graph;
  private final Ops tf;
  private final OpScopes opScopes;
  private final VariableStore variables;
  private final GraphCollections collections = new GraphCollections();
  private final RandomStep randomStep = new RandomStep();
  private final AtomicLong sessionRuns = new AtomicLong();
  private final Map<ContextAttachment<?>, Object> attachments = new IdentityHashMap<>();
  private Session session;
  private boolean closed;

  private ModelContext(long seed) {
    this.seeds = new SeedStream(seed);
    this.graph = new Graph();
    this.tf = GraphScope.rootOps(graph);
    this.opScopes = new OpScopes(tf);
    this.variables = new VariableStore(this);
    // JVM-global by TensorFlow Java's design (one native gradient registry per process): made
    // explicit here, idempotent, and documented in the class comment.
    MissingGradients.registerAll();
  }

  /**
   * Whether {@code x} lives in this context's graph.
   *
   * @param x any operand
   * @return true if {@code x} is a tensor of this context's graph
   */
  public boolean owns(Operand<?> x) {
    Objects.requireNonNull(x, "x");
    return x.env() == graph;
  }

  /**
   * Throws unless {@code x} lives in this context's graph.
   *
   * @param x any operand
   * @param argument the argument's name, for the error message
   * @throws IllegalArgumentException naming the argument and this context
   */
  public void checkOwns(Operand<?> x, String argument) {
    if (!owns(Objects.requireNonNull(x, argument))) {
      throw new IllegalArgumentException("`" + argument + "` must belong to " + this + ", got "
          + (x.env() instanceof Graph ? "a tensor of another graph: " + x.op().name() : "an eager tensor"));
    }
  }

  /**
   * A placeholder that knows this context, Edward's {@code tf.placeholder(dtype, shape)}.
   *
   * @param dtype e.g. {@code TFloat32.class}
   * @param shape its shape, e.g. {@code Shape.of(128, 784)}
   * @param <T> the type
   * @return the placeholder
   */
  public <T extends org.tensorflow.types.family.TType> ContextPlaceholder<T> placeholder(Class<T> dtype, Shape shape) {
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(shape, "shape");
    return new ContextPlaceholder<>(this, tf().placeholder(dtype, Placeholder.shape(shape)));
  }

  /**
   * {@code x} as a tensor that knows this context, for functions that build ops from their
   * arguments alone and return results that can be combined again.
   *
   * @param x a tensor of this context's graph
   * @param <T> its type
   * @return the same tensor, knowing its context
   * @throws IllegalArgumentException if {@code x} belongs to another graph
   */
  public <T extends org.tensorflow.types.family.TType> ContextTensor<T> own(Operand<T> x) {
    checkOwns(x, "x");
    return new ContextTensor<>(this, x);
  }

  /**
   * A named placeholder that knows this context, {@code tf.placeholder(dtype, shape, name=name)}.
   *
   * @param name the op's name, e.g. {@code "x_ph"}; a suffix {@code _1}, ... is added if taken
   * @param dtype e.g. {@code TFloat32.class}
   * @param shape its shape
   * @param <T> the type
   * @return the placeholder
   */
  public <T extends org.tensorflow.types.family.TType> ContextPlaceholder<T> placeholder(
      String name, Class<T> dtype, Shape shape) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(shape, "shape");
    return new ContextPlaceholder<>(this, tf().withName(name).placeholder(dtype, Placeholder.shape(shape)));
  }

  /**
   * The value kept in this context under {@code key}, created by {@code create} on first use.
   *
   * @param key the key
   * @param create makes the value from this context
   * @param <T> the value's type
   * @return the value
   * @throws IllegalStateException if the context is closed
   */
  public synchronized <T> T attachment(ContextAttachment<T> key, Function<ModelContext, ? extends T> create) {
    checkOpen();
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(create, "create");
    @SuppressWarnings("unchecked")
    T value = (T) attachments.get(key);
    if (value == null) {
      value = Objects.requireNonNull(create.apply(this), "created attachment");
      attachments.put(key, value);
    }
    return value;
  }
  /**
   * A context with the given graph-level seed.
   *
   * @param seed graph seed; each random op also gets a distinct op seed drawn in build order
   * @return a new, open context
   */
  public static ModelContext withSeed(long seed) {
    return new ModelContext(seed);
  }

  /**
   * A context with a fresh random seed; the seed is recorded and shown by {@link #toString()} so a
   * run can be repeated.
   *
   * @return a new, open context
   */
  public static ModelContext create() {
    return new ModelContext(ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE));
  }

  /**
   * The graph-level seed.
   *
   * @return the seed given to {@link #withSeed} or drawn by {@link #create}; readable after close
   */
  public long seed() {
    return seeds.seed();
  }

  /**
   * The seed stream: the graph seed and the op seeds drawn so far.
   *
   * @return this context's seed stream
   */
  public SeedStream seeds() {
    return seeds;
  }

  /**
   * The next op-level seed, distinct for each random op built in this context.
   *
   * @return a pair {@code (seed, seed2)} for TensorFlow's stateful random ops
   */
  public OpSeed nextOpSeed() {
    checkOpen();
    return seeds.next();
  }

  /**
   * The graph.
   *
   * @return the graph this context owns and closes; do not close it yourself
   * @throws IllegalStateException if the context is closed
   */
  public Graph graph() {
    checkOpen();
    return graph;
  }

  /**
   * The root {@link Ops}, not inside any name scope.
   *
   * @return ops building into this context's graph
   * @throws IllegalStateException if the context is closed
   */
  public Ops tf() {
    checkOpen();
    return tf;
  }

  /**
   * The variable store: every variable created through a {@link VariableScope}.
   *
   * @return the store, live: it sees variables created later
   * @throws IllegalStateException if the context is closed
   */
  public VariableStore variables() {
    checkOpen();
    return variables;
  }

  /**
   * The graph collections (trainable variables, regularization losses, update ops, ...).
   *
   * @return the collections, live: they see entries added later
   * @throws IllegalStateException if the context is closed
   */
  public GraphCollections collections() {
    checkOpen();
    return collections;
  }

  /**
   * The session, created on first use. It runs pending variable initializers before each run, so
   * variables created after a first run are initialized too.
   *
   * @return the session this context owns and closes; run its runners through {@link #run}, the
   *     one way that feeds the random step
   * @throws IllegalStateException if the context is closed
   */
  public synchronized Session session() {
    checkOpen();
    if (session == null) {
      session = new Session(graph);
    }
    return session;
  }

  /**
   * Enters a variable scope at the top level with {@link Reuse#CREATE}, as TF1's {@code
   * tf.variable_scope(name)}.
   *
   * @param name a scope name such as {@code "Gen"} or {@code "Disc"}
   * @return a new entry of that scope; each entry names its ops uniquely ({@code Disc}, {@code
   *     Disc_1}, ...) while its variables keep the scope's name
   */
  public VariableScope scope(String name) {
    return scope(name, Reuse.CREATE);
  }

  /**
   * Enters a variable scope at the top level.
   *
   * @param name a scope name such as {@code "Gen"} or {@code "Disc"}
   * @param reuse whether variables are created, reused, or either
   * @return a new entry of that scope
   */
  public VariableScope scope(String name, Reuse reuse) {
    return rootScope().child(name, reuse);
  }

  /**
   * The root variable scope: variables directly under it have unscoped names.
   *
   * @return a new entry of the root scope, path {@code ""}, with {@link Reuse#CREATE}
   * @throws IllegalStateException if the context is closed
   */
  public VariableScope rootScope() {
    checkOpen();
    return new VariableScope(this, "", Reuse.CREATE, "");
  }

  /**
   * Runs a session runner: the one way to run this context's graph. It feeds the random step once
   * (advancing it) and counts the call, so {@link #sessionRunCount()} is the number of {@code
   * Session.run} calls made. A runner run directly with {@code runner.run()} is not fed the step,
   * and fails once the graph has stateless random ops.
   *
   * @param runner a runner from {@link #runner()} or {@code session().runner()}
   * @return the fetched tensors; the caller closes them
   * @throws IllegalStateException if the context is closed; a {@link #close()} from another thread
   *     waits until a run in progress has returned
   */
  public Result run(Session.Runner runner) {
    Objects.requireNonNull(runner, "runner");
    // The check and the run under one lock, the lock close() takes: a close() between the two
    // would free the random step's tensor and the session while this run still uses them.
    synchronized (this) {
      checkOpen();
      sessionRuns.incrementAndGet();
      randomStep.feed(runner);
      return runner.run();
    }
  }

  /**
   * A new runner of this context's session, for code that drives the graph with its own feeds and
   * fetches; run it with {@link #run}, which feeds the random step.
   *
   * @return a runner of this context's session, not yet fed
   */
  public Session.Runner runner() {
    return session().runner();
  }

  /**
   * The seed tensor of a stateless random op: {@code [mix(seed, seed2), step]}, where {@code step}
   * is this context's random step, fed and advanced by every {@link #run}. Sampling is then a pure
   * function of the seeds and the number of runs, so a run restored from a checkpoint (which saves
   * the step) draws exactly what an uninterrupted run would have drawn.
   *
   * @param tf where to place the seed's ops (the step placeholder itself is shared, at the root)
   * @param seed the op's seeds, from {@link #nextOpSeed()}
   * @return an int64 tensor of shape {@code [2]}
   */
  public Operand<TInt64> statelessSeed(Ops tf, OpSeed seed) {
    checkOpen();
    Objects.requireNonNull(tf, "tf");
    Objects.requireNonNull(seed, "seed");
    return randomStep.seedTensor(this.tf, tf, seed);
  }

  /**
   * The number of runs that have consumed random draws so far; saved by checkpoints.
   *
   * @return the value the next {@link #run} feeds as the random step; it advances only once a
   *     stateless random op has been built
   */
  public long randomStep() {
    return randomStep.value();
  }

  /**
   * Sets the random step, when restoring a checkpoint.
   *
   * @param step a value returned by {@link #randomStep()}; non-negative
   */
  public void setRandomStep(long step) {
    randomStep.set(step);
  }

  /**
   * Does {@code work} and then puts the random step back where it was, so the runs inside consume
   * no random draw: evaluation, pictures or a save in the middle of training leave the training's
   * random stream, and therefore a run resumed from a checkpoint, exactly as they were without them.
   *
   * <p>The runs inside are fed the steps the following runs will be fed again: a random op they
   * evaluate draws the numbers the next run outside will draw. The step is put back also when
   * {@code work} throws. Runs from other threads during {@code work} would have their draws
   * replayed too; it is meant for the thread that drives the training.
   *
   * <pre>{@code
   * float[] picture = ctx.keepingRandomStep(() -> ctx.eval(sample).data());
   * ctx.keepingRandomStep(() -> ctx.run(ctx.runner().addTarget(average.update())).close());
   * }</pre>
   *
   * @param work what to do; it may run the graph any number of times and throw a checked exception
   * @param <T> what {@code work} computes
   * @param <E> what {@code work} may throw
   * @return what {@code work} returned
   * @throws E if {@code work} throws it
   * @throws IllegalStateException if the context is closed
   */
  public <T, E extends Exception> T keepingRandomStep(Computation<T, E> work) throws E {
    Objects.requireNonNull(work, "work");
    checkOpen();
    long step = randomStep.value();
    try {
      return work.compute();
    } finally {
      randomStep.set(step);
    }
  }

  /**
   * Does {@code work}, which returns nothing, and then puts the random step back where it was: see
   * {@link #keepingRandomStep(Computation)}.
   *
   * @param work what to do; it may run the graph any number of times and throw a checked exception
   * @param <E> what {@code work} may throw
   * @throws E if {@code work} throws it
   * @throws IllegalStateException if the context is closed
   */
  public <E extends Exception> void keepingRandomStep(Action<E> work) throws E {
    Objects.requireNonNull(work, "work");
    keepingRandomStep(() -> {
      work.run();
      return null;
    });
  }

  /**
   * How many times {@link #run} has run the graph.
   *
   * @return the count since the context was created, including runs of {@link #eval} and {@link
   *     #evalAll}
   */
  public long sessionRunCount() {
    return sessionRuns.get();
  }

  /**
   * Evaluates one float tensor, copying it out of native memory.
   *
   * @param x the tensor to evaluate
   * @return its shape and values
   */
  public TensorValue eval(Operand<? extends TNumber> x) {
    return eval(x, Map.of());
  }

  /**
   * Evaluates one numeric tensor with feeds, copying it out of native memory. An integer tensor
   * (the sample of a {@code Categorical} or {@code Poisson}) keeps its exact values: {@link
   * TensorValue#ints()}.
   *
   * @param x the tensor to evaluate
   * @param feeds placeholder to value, the values {@code update} takes: {@code float[]}, {@code
   *     float[][]}, {@code int[]}, a {@link TensorValue} or a {@link Tensor} (not closed here)
   * @return its shape and values
   */
  public TensorValue eval(Operand<? extends TNumber> x, Map<? extends Operand<?>, ?> feeds) {
    return evalAll(List.of(x), feeds).get(0);
  }

  /**
   * Evaluates several numeric tensors in one {@code Session.run}.
   *
   * @param xs the tensors to evaluate
   * @param feeds placeholder to value, as {@link #eval(Operand, Map)} takes them
   * @return their shapes and values, in order
   * @throws IllegalStateException if the context is closed; a {@link #close()} from another thread
   *     waits until an evaluation in progress has returned
   */
  public List<TensorValue> evalAll(List<? extends Operand<? extends TNumber>> xs, Map<? extends Operand<?>, ?> feeds) {
    Objects.requireNonNull(xs, "xs");
    Objects.requireNonNull(feeds, "feeds");
    Preconditions.checkArgument(!xs.isEmpty(), "`xs` must name at least one tensor to evaluate");
    // Under the lock close() takes, from the check to the run: the ownership and feed checks read
    // the graph natively, and a close() among them would surface as TensorFlow's "close() has
    // been called on the Graph" instead of this context's own error.
    synchronized (this) {
      checkOpen();
      for (Operand<?> x : xs) {
        checkOwns(Objects.requireNonNull(x, "xs element"), "xs");
      }
      try (Feeds f = new Feeds()) {
        f.putAll(feeds);
        return evalFed(xs, f);
      }
    }
  }

  private List<TensorValue> evalFed(List<? extends Operand<? extends TNumber>> xs, Feeds feeds) {
    Session.Runner runner = feeds.feed(session().runner());
    xs.forEach(runner::fetch);
    try (Result result = run(runner)) {
      TensorValue[] values = new TensorValue[xs.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = TensorValue.copyOf(result.get(i));
      }
      return List.of(values);
    }
  }

  /**
   * The {@link Ops} whose name scope is exactly {@code prefix} (created once per prefix), so
   * library code can place ops under an absolute name such as {@code Disc/dense/kernel}.
   *
   * @param prefix an absolute scope path, {@code ""} for the root
   * @return ops placing new operations under {@code prefix/}
   */
  public Ops opsAt(String prefix) {
    checkOpen();
    return opScopes.at(prefix);
  }

  /**
   * A fresh op-name prefix for one entry of a scope: {@code prefix} itself the first time, then
   * {@code prefix_1}, {@code prefix_2}, ... as TF1 name scopes do.
   */
  String uniqueOpPrefix(String prefix) {
    return opScopes.unique(prefix);
  }

  /**
   * Whether {@link #close()} has been called.
   *
   * @return {@code true} once closed
   */
  public synchronized boolean isClosed() {
    return closed;
  }

  /**
   * Throws when the context is closed.
   *
   * @throws IllegalStateException naming this context
   */
  public synchronized void checkOpen() {
    if (closed) {
      throw new IllegalStateException("ModelContext(seed=" + seeds.seed() + ") is closed");
    }
  }

  /** Closes the session and the graph. Safe to call more than once. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Object a : attachments.values()) {
      if (a instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          // Closing the graph matters more than one attachment's failure to close.
        }
      }
    }
    attachments.clear();
    randomStep.close();
    try {
      if (session != null) {
        session.close();
      }
    } finally {
      graph.close();
    }
  }

  @Override
  public synchronized String toString() {
    if (closed) {
      return "ModelContext(seed=" + seeds.seed() + ", closed)";
    }
    return "ModelContext(seed="
        + seeds.seed()
        + ", variables="
        + variables.size()
        + ", session runs="
        + sessionRuns.get()
        + ")";
  }

  /**
   * Seeds for one random op, drawn from the context's {@link SeedStream}: the graph seed and a
   * per-op seed.
   *
   * @param seed TensorFlow's {@code seed} attribute
   * @param seed2 TensorFlow's {@code seed2} attribute
   */
  public record OpSeed(long seed, long seed2) {}

  /**
   * Work that computes a value and may run the graph, for {@link #keepingRandomStep(Computation)}.
   *
   * @param <T> the value computed
   * @param <E> the checked exception it may throw ({@link RuntimeException} when none)
   */
  @FunctionalInterface
  public interface Computation<T, E extends Exception> {

    /**
     * Does the work.
     *
     * @return the value computed
     * @throws E if the work fails
     */
    T compute() throws E;
  }

  /**
   * Work that returns nothing and may run the graph, for {@link #keepingRandomStep(Action)}.
   *
   * @param <E> the checked exception it may throw ({@link RuntimeException} when none)
   */
  @FunctionalInterface
  public interface Action<E extends Exception> {

    /**
     * Does the work.
     *
     * @throws E if the work fails
     */
    void run() throws E;
  }
}

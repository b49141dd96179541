package org.edward4j.inferences.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.VariableSpec;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Where a Markov chain keeps its draws, as Edward's {@code MonteCarlo}: each latent variable's
 * {@code Empirical} approximation is backed by a {@code params} variable of shape {@code [T] +
 * latent shape}; the chain starts from row 0, and update {@code t} (from 0) reads the current state
 * from row {@code max(t - 1, 0)}, writes the next draw in row {@code t} in place, counts an
 * acceptance, and then advances {@code t}. The counters {@code t} and {@code n_accept} are int64
 * variables of the store's scope (saved by checkpoints like any variable).
 *
 * <p>{@link #record} returns one op to run per update, with reads of both counters ordered after
 * it, so a driver fetches a whole update in one {@code Session.run}. Writing past the last row
 * fails with an error naming the store rather than writing out of bounds (a graph assertion: the
 * run throws TensorFlow's {@code TFInvalidArgumentException}, which is an {@code
 * IllegalArgumentException}); a driver stops after {@link #capacity()} updates, as Edward's {@code
 * n_iter} is the smallest {@code T}.
 *
 * <pre>{@code
 * Variable<TFloat32> params = scope.getVariable("params", Shape.of(1000, 2), Initializers.zeros());
 * SampleStore store = SampleStore.create(scope, List.of(params));
 * KernelStep next = hmc.step(ctx, tf, logJoint, store.current(tf));
 * SampleStore.Recorded update = store.record(tf, next);
 * }</pre>
 */
public final class SampleStore {

  private final String name;
  private final List<Variable<TFloat32>> params;
  private final Variable<TInt64> t;
  private final Variable<TInt64> nAccept;
  private final long capacity;

  private SampleStore(String name, List<Variable<TFloat32>> params, Variable<TInt64> t, Variable<TInt64> nAccept, long capacity) {
    this.name = name;
    this.params = params;
    this.t = t;
    this.nAccept = nAccept;
    this.capacity = capacity;
  }

  /**
   * What one update runs and reads.
   *
   * @param update the op to run: writes row {@code t} of every {@code params}, adds the acceptance,
   *     runs the kernel's extra assignments, then advances {@code t}
   * @param t the number of draws written, read after {@code update}
   * @param nAccept the number of accepted proposals, read after {@code update}
   */
  public record Recorded(Op update, Operand<TInt64> t, Operand<TInt64> nAccept) {}

  /**
   * A store over the given {@code params} variables, creating the counters {@code t} and {@code
   * n_accept} (int64 zeros, not trainable) in {@code scope}.
   *
   * @param scope where to create the counters; of the context that holds {@code params}
   * @param params one variable per latent variable, each of shape {@code [T] + latent shape} with
   *     {@code T >= 1}; row 0 holds the initial state
   * @return the store, whose capacity is the smallest {@code T}
   * @throws IllegalArgumentException for an empty list, a scalar {@code params} or {@code T < 1},
   *     another graph, or counters that exist already in {@code scope}
   */
  public static SampleStore create(VariableScope scope, List<Variable<TFloat32>> params) {
    Objects.requireNonNull(scope, "scope");
    ModelContext ctx = scope.context();
    ctx.checkOpen();
    if (params == null || params.isEmpty()) {
      throw new IllegalArgumentException("`params` must hold at least one variable, got "
          + (params == null ? "null" : "an empty list"));
    }
    long capacity = Long.MAX_VALUE;
    for (int i = 0; i < params.size(); i++) {
      Variable<TFloat32> p = params.get(i);
      if (p == null) {
        throw new IllegalArgumentException("`params[" + i + "]` must not be null");
      }
      if (p.env() != ctx.graph()) {
        throw new IllegalArgumentException("`params[" + i + "]` (" + p.name() + ") must belong to the graph of " + ctx);
      }
      Shape s = p.shape();
      if (s.numDimensions() < 1 || s.size(0) < 1) {
        throw new IllegalArgumentException("`params[" + i + "]` (" + p.name() + ") must have shape [T, ...] with"
            + " T >= 1 samples, got " + s);
      }
      capacity = Math.min(capacity, s.size(0));
    }
    Variable<TInt64> t = scope.getVariable(counter("t"));
    Variable<TInt64> nAccept = scope.getVariable(counter("n_accept"));
    return new SampleStore(scope.path(), List.copyOf(params), t, nAccept, capacity);
  }

  private static VariableSpec<TInt64> counter(String name) {
    return VariableSpec.of(name, Shape.scalar(), TInt64.class).withInitializer(Initializers.zeros()).withTrainable(false);
  }

  /**
   * The number of updates the store holds: the smallest {@code T}.
   *
   * @return at least 1
   */
  public long capacity() {
    return capacity;
  }

  /**
   * The {@code params} variables, in order.
   *
   * @return an unmodifiable list
   */
  public List<Variable<TFloat32>> params() {
    return params;
  }

  /**
   * The number of draws written so far.
   *
   * @return the counter's value (a read with no ordering; use {@link Recorded#t()} in an update)
   */
  public Operand<TInt64> t() {
    return t.value();
  }

  /**
   * The number of accepted proposals so far.
   *
   * @return the counter's value (a read with no ordering; use {@link Recorded#nAccept()} in an
   *     update)
   */
  public Operand<TInt64> nAccept() {
    return nAccept.value();
  }

  /**
   * The current state: row {@code max(t - 1, 0)} of each {@code params}.
   *
   * @param tf where to build the ops
   * @return one tensor per latent variable, of shape {@code params.shape[1:]}
   */
  public List<Operand<TFloat32>> current(Ops tf) {
    Objects.requireNonNull(tf, "tf");
    Operand<TInt64> row = tf.math.maximum(tf.math.sub(t.value(), tf.constant(1L)), tf.constant(0L));
    List<Operand<TFloat32>> out = new ArrayList<>();
    for (Variable<TFloat32> p : params) {
      Shape event = eventShape(p);
      // The gathered row's static shape is not always inferred through the handle; reshape pins it.
      out.add(tf.reshape(tf.resourceGather(p.handle(), row, TFloat32.class), tf.constant(event.asArray())));
    }
    return out;
  }

  /**
   * Builds the update that stores a transition's next state in row {@code t}.
   *
   * @param tf where to build the ops
   * @param step the transition, whose state has one tensor of shape {@code params.shape[1:]} per
   *     {@code params}
   * @return the update op and the counters read after it
   * @throws IllegalArgumentException if the state does not match the {@code params} in number or
   *     shapes
   */
  public Recorded record(Ops tf, KernelStep step) {
    Objects.requireNonNull(tf, "tf");
    Objects.requireNonNull(step, "step");
    if (step.state().size() != params.size()) {
      throw new IllegalArgumentException("`step.state` must have " + params.size() + " tensors, one per params"
          + " variable, got " + step.state().size());
    }
    for (int i = 0; i < params.size(); i++) {
      Shape event = eventShape(params.get(i));
      if (!step.state().get(i).shape().equals(event)) {
        throw new IllegalArgumentException("`step.state[" + i + "]` must have shape " + event + " to match "
            + params.get(i).name() + " " + params.get(i).shape() + " without its first axis, got "
            + step.state().get(i).shape());
      }
    }
    Operand<TInt64> row = t.value();
    Op inRange = tf.assertThat(tf.math.less(row, tf.constant(capacity)), List.of(
        tf.constant("SampleStore " + name + " is full: it holds " + capacity + " draws and t is"), row));
    Ops guarded = tf.withControlDependencies(List.of(inRange));
    List<Op> writes = new ArrayList<>(step.updates());
    Operand<TInt64> index = guarded.reshape(row, guarded.constant(new int[] {1}));
    for (int i = 0; i < params.size(); i++) {
      Operand<TFloat32> update = guarded.expandDims(step.state().get(i), guarded.constant(0));
      writes.add(guarded.resourceScatterUpdate(params.get(i).handle(), index, update));
    }
    writes.add(tf.assignAddVariableOp(nAccept.handle(), tf.dtypes.cast(step.accepted(), TInt64.class)));
    Op advance = tf.withControlDependencies(writes).assignAddVariableOp(t.handle(), tf.constant(1L));
    Ops after = tf.withControlDependencies(List.of(advance));
    return new Recorded(after.noOp(), t.read(after), nAccept.read(after));
  }

  /**
   * An op that sets both counters back to 0 (Edward's {@code inference.reset}); the draws stay.
   *
   * @param tf where to build the ops
   * @return the op
   */
  public Op reset(Ops tf) {
    Objects.requireNonNull(tf, "tf");
    Op a = t.assign(tf, tf.constant(0L));
    Op b = nAccept.assign(tf, tf.constant(0L));
    return tf.withControlDependencies(List.of(a, b)).noOp();
  }

  private static Shape eventShape(Variable<TFloat32> p) {
    long[] dims = p.shape().asArray();
    long[] event = new long[dims.length - 1];
    System.arraycopy(dims, 1, event, 0, event.length);
    return Shape.of(event);
  }

  @Override
  public String toString() {
    return "SampleStore(" + name + ", capacity=" + capacity + ", params=" + params.stream().map(Variable::name).toList() + ")";
  }
}

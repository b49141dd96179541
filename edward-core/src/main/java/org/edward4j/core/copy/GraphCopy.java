package org.edward4j.core.copy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * Edward's {@code ed.copy}: rebuilds a random variable or tensor with some of its ancestors swapped
 * for other tensors, leaving the original graph untouched.
 *
 * <p>One {@code GraphCopy} is one copy scope (Edward's {@code scope=} argument): copies made through
 * it are memoized, so two targets that share an ancestor share its copy. Copying follows Edward's
 * rules:
 *
 * <ul>
 *   <li>a swapped tensor (or the value of a swapped random variable) is replaced by its swap;
 *   <li>variables and placeholders are never copied;
 *   <li>every random op is copied with fresh seeds (new {@code seed}/{@code seed2} attributes for a
 *       stateful op, a new {@code ModelContext.statelessSeed} tensor for a stateless one), so a copy
 *       draws anew;
 *   <li>a random variable named in {@link Builder#randomVariables} (or a target) is rebuilt as a
 *       random variable, by {@link RandomVariable#withParameters} over its copied parameters, so the
 *       copy has {@code logProb}, moments and a new draw;
 *   <li>other ops are copied, under {@code <scope>/<original name>}, only when they depend on a
 *       swap or on randomness; deterministic ops of unchanged inputs are shared, which gives the
 *       same values as Edward's wholesale copy.
 * </ul>
 *
 * <p>Limits: a random variable rebuilt by {@code withParameters} draws its value (an observed value
 * given with {@code value(...)} is not carried over) and is named in its original scope; a random
 * variable not named as known is copied op by op, which draws from the same distribution but gives
 * a tensor, not a {@code RandomVariable}; while loops are not copied.
 *
 * <pre>{@code
 * Normal z = Normal.of(scope, 0.0, 1.0);
 * Normal x = Normal.builder(scope).loc(z).scale(0.5).build();
 * Normal qz = Normal.of(scope, 3.0, 0.1);
 * RandomVariable<TFloat32> xGivenQz = GraphCopy.copy(x, Map.of(z, qz)); // x ~ N(qz, 0.5)
 * }</pre>
 */
public final class GraphCopy {

  private final ModelContext ctx;
  private final String prefix;
  private final Map<String, Output<?>> swaps;
  private final Map<String, RandomVariable<?>> known = new HashMap<>();
  private final Map<String, RandomVariable<?>> copiedVariables = new LinkedHashMap<>();
  private final Map<String, Output<?>> copiedOutputs = new HashMap<>();
  private final OpDuplicator ops;

  private GraphCopy(Builder b) {
    this.ctx = b.ctx;
    this.prefix = (b.scope != null ? b.scope : ctx.scope(b.scopeName)).opPrefix();
    this.swaps = new HashMap<>(b.swaps);
    b.known.forEach(rv -> known.put(key(rv.value().asOutput()), rv));
    this.ops = new OpDuplicator(ctx, prefix, this::replacement, this::isReplaced);
  }

  /**
   * A builder for a copy scope in {@code ctx}.
   *
   * @param ctx the context whose graph is copied into
   * @return the builder
   */
  public static Builder builder(ModelContext ctx) {
    return new Builder(Objects.requireNonNull(ctx, "ctx"));
  }

  /**
   * Edward's {@code ed.copy(rv, dict_swap)} in one call, in a new copy scope named {@code copy}.
   *
   * @param rv the random variable to rebuild
   * @param swap ancestors (random variables or tensors) to the tensors or random variables that
   *     replace them
   * @param <T> the value's element type
   * @return the rebuilt random variable, with a new draw
   */
  public static <T extends TNumber> RandomVariable<T> copy(
      RandomVariable<T> rv, Map<? extends Operand<?>, ? extends Operand<?>> swap) {
    Objects.requireNonNull(rv, "rv");
    return builder(rv.context()).swapAll(swap).build().copy(rv);
  }

  /**
   * Rebuilds a random variable over its copied parameters, with a new draw.
   *
   * @param rv the random variable
   * @param <T> the value's element type
   * @return its copy; the same object for every call with the same {@code rv} on this scope
   */
  @SuppressWarnings("unchecked")
  public synchronized <T extends TNumber> RandomVariable<T> copy(RandomVariable<T> rv) {
    Objects.requireNonNull(rv, "rv");
    ctx.checkOpen();
    checkGraph(rv);
    String k = key(rv.value().asOutput());
    RandomVariable<?> done = copiedVariables.get(k);
    if (done != null) {
      return (RandomVariable<T>) done;
    }
    Map<String, Operand<TFloat32>> params = new LinkedHashMap<>();
    rv.parameters().forEach((name, p) -> params.put(name, (Operand<TFloat32>) (Operand<?>) copyOutput(p.asOutput())));
    RandomVariable<T> copied = rv.withParameters(params);
    copiedVariables.put(k, copied);
    return copied;
  }

  /**
   * Copies a tensor: the tensor with its swapped ancestors replaced and its randomness redrawn, or
   * the tensor itself when it depends on neither. A random variable given here is rebuilt as by
   * {@link #copy(RandomVariable)} and its value returned.
   *
   * @param x the tensor
   * @param <T> its element type
   * @return the copy
   */
  @SuppressWarnings("unchecked")
  public synchronized <T extends org.tensorflow.types.family.TType> Operand<T> copy(Operand<T> x) {
    Objects.requireNonNull(x, "x");
    ctx.checkOpen();
    checkGraph(x);
    if (x instanceof RandomVariable<?> rv) {
      return (Operand<T>) copy((RandomVariable<TNumber>) rv).value();
    }
    Output<T> o = x.asOutput();
    Output<?> copied = copyOutput(o);
    return copied == o ? x : (Operand<T>) copied;
  }

  /**
   * The op-name prefix of this scope's copies, e.g. {@code copy_2}.
   *
   * @return the op-name prefix of this scope's copies, e.g
   */
  public String prefix() {
    return prefix;
  }

  /**
   * The names of the original random ops copied op by op (not as part of a known random
   * variable) so far: randomness the swaps did not bind. Inferences use this to find latent variables
   * left without a posterior.
   *
   * @return the names of the original random ops copied op by op (not as part of a known random variable) so far: randomness the swaps did not bind
   */
  public synchronized List<String> redrawnRandomOps() {
    return ops.redrawn();
  }

  /**
   * The random variables rebuilt so far, in order.
   *
   * @return the random variables rebuilt so far, in order
   */
  public synchronized List<RandomVariable<?>> copiedRandomVariables() {
    return new ArrayList<>(copiedVariables.values());
  }

  private Output<?> copyOutput(Output<?> o) {
    if (isReplaced(o)) {
      return replacement(o);
    }
    GraphOperation op = (GraphOperation) o.op();
    if (!ops.needsCopy(op)) {
      return o;
    }
    return copiedOutputs.computeIfAbsent(key(o), k -> ops.copy(op).output(o.index()));
  }

  private boolean isReplaced(Output<?> o) {
    String k = key(o);
    if (swaps.containsKey(k)) {
      return true;
    }
    RandomVariable<?> rv = known.get(k);
    return rv != null && (copiedVariables.containsKey(k) || ops.needsCopy((GraphOperation) o.op()));
  }

  private Output<?> replacement(Output<?> o) {
    String k = key(o);
    Output<?> s = swaps.get(k);
    return s != null ? s : copy((RandomVariable<?>) known.get(k)).value().asOutput();
  }

  private void checkGraph(Operand<?> x) {
    if (!ctx.owns(x)) {
      throw new IllegalArgumentException("`x` belongs to another ModelContext than this copy scope's");
    }
  }

  static String key(Output<?> o) {
    return o.op().name() + ":" + o.index();
  }

  @Override
  public synchronized String toString() {
    return "GraphCopy(" + prefix + ", swaps=" + swaps.size() + ", known random variables=" + known.size()
        + ", copied random variables=" + copiedVariables.size() + ", redrawn random ops=" + ops.redrawn().size() + ")";
  }

  /** Builds a {@link GraphCopy}: swaps, known random variables and the scope name. */
  public static final class Builder {
    private final ModelContext ctx;
    private final Map<String, Output<?>> swaps = new LinkedHashMap<>();
    private final List<RandomVariable<?>> known = new ArrayList<>();
    private String scopeName = "copy";
    private VariableScope scope;

    private Builder(ModelContext ctx) {
      this.ctx = ctx;
    }

    /**
     * Replaces {@code key} by {@code value} wherever a copy reads it.
     *
     * @param key a random variable (its value is replaced) or a tensor of this context
     * @param value a random variable (its value is used) or a tensor of the same dtype and a
     *     compatible shape
     * @return this
     * @throws IllegalArgumentException for another graph, another dtype, or an incompatible shape
     */
    public Builder swap(Operand<?> key, Operand<?> value) {
      Objects.requireNonNull(key, "swap key");
      Objects.requireNonNull(value, () -> "swap value for " + key.op().name());
      Output<?> k = key.asOutput();
      Output<?> v = value.asOutput();
      if (!ctx.owns(key) || !ctx.owns(value)) {
        throw new IllegalArgumentException("swap of " + k.op().name() + " must use tensors of this context");
      }
      if (k.type() != v.type()) {
        throw new IllegalArgumentException("swap value " + v.op().name() + " must be " + k.dataType()
            + " to match " + k.op().name() + ", got " + v.dataType());
      }
      Shape ks = k.shape();
      Shape vs = v.shape();
      if (!ks.isUnknown() && !vs.isUnknown() && (ks.numDimensions() != vs.numDimensions() || !ks.isCompatibleWith(vs))) {
        throw new IllegalArgumentException("swap value " + v.op().name() + " must have shape " + ks + " to match "
            + k.op().name() + ", got " + vs);
      }
      swaps.put(key(k), v);
      return this;
    }

    /**
     * Adds every entry of a swap dictionary, Edward's {@code dict_swap}.
     *
     * @param swap keys to replacements, as {@link #swap}
     * @return this
     */
    public Builder swapAll(Map<? extends Operand<?>, ? extends Operand<?>> swap) {
      Objects.requireNonNull(swap, "swap");
      swap.forEach(this::swap);
      return this;
    }

    /**
     * Random variables to rebuild as random variables wherever a copy reaches their value, so
     * every copy in this scope shares one rebuilt variable per original (Edward finds them in its
     * global random-variable collection).
     *
     * @param rvs random variables of this context
     * @return this
     */
    public Builder randomVariables(Collection<? extends RandomVariable<?>> rvs) {
      Objects.requireNonNull(rvs, "rvs");
      for (RandomVariable<?> rv : rvs) {
        if (Objects.requireNonNull(rv, "random variable").context() != ctx) {
          throw new IllegalArgumentException("random variable " + rv.name() + " belongs to another context");
        }
        known.add(rv);
      }
      return this;
    }

    /**
     * The name of the top-level scope the copied ops go under, made unique ({@code copy}, {@code
     * copy_1}, ...); default {@code copy}.
     *
     * @param name a scope name without slashes
     * @return this
     */
    public Builder scope(String name) {
      this.scopeName = Objects.requireNonNull(name, "name");
      this.scope = null;
      return this;
    }

    /**
     * A scope entry the copied ops go under, e.g. {@code inference/sample_1}.
     *
     * @param scope a fresh scope entry of this context
     * @return this
     */
    public Builder scope(VariableScope scope) {
      Objects.requireNonNull(scope, "scope");
      if (scope.context() != ctx) {
        throw new IllegalArgumentException("`scope` " + scope.path() + " belongs to another context");
      }
      this.scope = scope;
      return this;
    }

    /**
     * The copy scope.
     *
     * @return the copy scope
     */
    public GraphCopy build() {
      ctx.checkOpen();
      return new GraphCopy(this);
    }
  }
}

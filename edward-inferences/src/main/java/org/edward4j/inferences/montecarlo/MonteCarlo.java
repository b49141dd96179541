package org.edward4j.inferences.montecarlo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.copy.GraphCopy;
import org.edward4j.inferences.Inference;
import org.edward4j.inferences.MonteCarloFamilyOptions;
import org.edward4j.inferences.MonteCarloOptions;
import org.edward4j.inferences.NonFiniteLossException;
import org.edward4j.inferences.Side;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.models.Empirical;
import org.tensorflow.Operand;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The base of Monte Carlo inference, Edward's {@code ed.MonteCarlo}: each latent variable {@code z}
 * is bound to an {@link Empirical} whose {@code params} variable (shape {@code [T] + z's shape})
 * holds the chain's draws. The chain starts from row 0; update {@code t} (from 0) reads the current
 * state from row {@code max(t - 1, 0)}, writes the next draw in row {@code t} and advances {@code
 * t}, all in one {@code Session.run}. {@code nIter} defaults to the smallest {@code T}; a larger
 * one is refused. {@link UpdateInfo} carries {@code t} and {@code accept_rate}, the fraction of
 * accepted proposals so far, which the progress bar shows as "Acceptance Rate".
 *
 * <p>A subclass builds one transition in {@link #buildStep}: given the current state and the
 * model's log joint (built through graph copies, Edward's {@code _log_joint}, with {@code scale}
 * weights for minibatches), it returns a {@link KernelStep}. Samplers that move on the reals
 * ({@link #movesOnReals()}: HMC, SGLD, SGHMC) see constrained latents (Gamma, Beta, Dirichlet, ...)
 * through {@link UnconstrainedLogJoint}, as Edward's {@code auto_transform}: the chain runs on
 * {@code u} in a hidden variable of the inference's scope, and the user's {@code params} receive
 * {@code z(u)}, so the {@code Empirical} holds constrained draws (row 0 is read as a constrained
 * starting value). Edward instead keeps the unconstrained draws in the user's {@code params} and
 * hands back a transformed Empirical.
 *
 * <p>Edward's list form ({@link #MonteCarlo(List, Map)}) creates each {@code Empirical} over a new
 * variable {@code posterior/params} of {@code T = 10,000} rows. Data keys must be random
 * variables, as for the variational family; feed placeholders through {@code update}'s {@code
 * feedDict}. With {@code debug(true)}, each next state is checked for NaN and Inf before it is
 * written: a non-finite draw writes nothing, leaves {@code t} unchanged and throws {@link
 * NonFiniteLossException} naming the latent.
 *
 * <pre>{@code
 * HMC hmc = new HMC(Map.of(mu, qmu), Map.of(x, xData));
 * hmc.run(HmcOptions.builder().stepSize(0.1).nSteps(5).nPrint(0).build());
 * }</pre>
 *
 * @param <O> the sampler's options
 */
public abstract class MonteCarlo<O extends MonteCarloFamilyOptions> extends Inference<O> {

  /** Edward's number of samples per latent variable when {@code latentVars} is a list. */
  public static final int DEFAULT_SAMPLES = Posterior.DEFAULT_SAMPLES;

  /**
   * What a transition is built from.
   *
   * @param tf where to build the ops (the inference's scope)
   * @param scope the inference's variable scope, for a kernel's own variables (SGHMC's velocity)
   * @param current the current state, one float32 tensor per latent ({@link #chains} states one
   *     after another); unconstrained values for a sampler that moves on the reals
   * @param logJoint the model's log joint at such a state (over the unconstrained values when the
   *     sampler moves on the reals)
   * @param t the number of draws written so far, an int64 scalar
   */
  protected record Chain(
      Ops tf, VariableScope scope, List<Operand<TFloat32>> current, LogJoint logJoint, Operand<TInt64> t) {}

  private final List<Posterior> posteriors = new ArrayList<>();
  private final long capacity;
  private VariableScope scope;
  private SampleStore store;
  private Op resetCounters;
  private ModelLogJoint model;

  /**
   * Checks the maps: every key of {@code latentVars} a random variable bound to an {@link
   * Empirical} over a variable of shape {@code [T] + z's shape}; builds nothing.
   *
   * @param latentVars each latent variable to its {@code Empirical}
   * @param data each observed variable to its data (a tensor, or a random variable for
   *     conditional inference)
   * @throws IllegalArgumentException for a latent without an Empirical, a shape mismatch, or a
   *     data key that is not a random variable
   */
  protected MonteCarlo(
      Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data);
    if (this.latentVars.isEmpty()) {
      throw new IllegalArgumentException("`latentVars` must bind at least one latent variable to an Empirical");
    }
    long t = Long.MAX_VALUE;
    for (Map.Entry<Operand<?>, Operand<?>> e : this.latentVars.entrySet()) {
      Posterior p = Posterior.of(e.getKey(), e.getValue());
      posteriors.add(p);
      t = Math.min(t, p.capacity());
    }
    this.capacity = t;
    this.data.forEach((x, v) -> {
      if (!(x instanceof RandomVariable<?>)) {
        throw new IllegalArgumentException("`data` keys must be random variables of the model, got the tensor "
            + x.op().name() + "; feed placeholders through update's feedDict");
      }
    });
  }

  /**
   * Edward's list form: each latent variable gets an {@link Empirical} over a new variable of
   * {@link #DEFAULT_SAMPLES} rows ({@code posterior/params}, {@code posterior/params_1}, ...).
   *
   * @param latentVars the latent variables
   * @param data each observed variable to its data
   * @throws IllegalArgumentException for an empty list or an element that is not a random variable
   */
  protected MonteCarlo(List<? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    this(Posterior.empiricals(latentVars), data);
  }

  /**
   * The number of samples {@code T}: Edward's {@code n_iter}.
   *
   * @return the smallest number of rows of the Empiricals' {@code params}
   */
  @Override
  protected final int defaultNIter() {
    return (int) Math.min(capacity, Integer.MAX_VALUE);
  }

  /**
   * The number of samples each {@code Empirical} holds, the smallest {@code T}.
   *
   * @return at least 1
   */
  public final long capacity() {
    return capacity;
  }

  /**
   * The approximation of a latent variable, as Edward's {@code inference.latent_vars[z]}: the
   * given {@code Empirical}, or the one the list form created.
   *
   * @param z a latent variable of {@code latentVars}
   * @return its {@code Empirical}
   * @throws IllegalArgumentException if {@code z} is not a latent variable of this inference
   */
  public final Empirical posterior(Operand<?> z) {
    for (Posterior p : posteriors) {
      if (p.latent() == z) {
        return p.empirical();
      }
    }
    throw new IllegalArgumentException(describeOperand(z) + " is not a latent variable of " + getClass().getSimpleName());
  }

  /**
   * Whether the sampler moves on the reals, so constrained latents are sampled through their
   * unconstrained values: true for HMC, SGLD and SGHMC.
   *
   * @return false by default
   */
  protected boolean movesOnReals() {
    return false;
  }

  /**
   * The number of chains whose states the transition takes, one after another, in {@link
   * Chain#current()}: 1, or replica exchange's number of replicas. Chain 0 writes the user's
   * {@code Empirical}s; the others are kept in hidden variables and start from chain 0's row 0.
   *
   * @param options the options given to {@code initialize}
   * @return at least 1
   */
  protected int chains(O options) {
    return 1;
  }

  /**
   * Builds one transition from the current state.
   *
   * @param options the options given to {@code initialize}
   * @param chain the current state, the log joint and {@code t}
   * @return the next state (one tensor per element of {@code chain.current()}), the accept flag
   *     counted by {@code accept_rate}, and extra assignments
   */
  protected abstract KernelStep buildStep(O options, Chain chain);

  @Override
  protected final void build(O options) {
    MonteCarloOptions mc = options.monteCarlo();
    mc.run().nIter().ifPresent(n -> {
      if (n > capacity) {
        throw new IllegalArgumentException("`nIter` must be at most T = " + capacity + ", the number of samples the"
            + " Empirical approximations hold, got " + n);
      }
    });
    for (Operand<?> k : mc.scale().keySet()) {
      if (!latentVars.containsKey(k) && !data.containsKey(k)) {
        throw new IllegalArgumentException("`scale` key " + describeOperand(k)
            + " is neither a latent variable in `latentVars` nor an observed variable in `data`");
      }
    }
    if (movesOnReals()) {
      for (Posterior p : posteriors) {
        if (p.latent().type() != TFloat32.class) {
          throw new IllegalArgumentException(getClass().getSimpleName() + " moves on the reals by gradients, so every"
              + " latent variable must be continuous (float32); " + p.latent().name() + " is "
              + p.latent().asOutput().dataType() + " (" + p.latent().distributionName() + "): use Gibbs or MetropolisHastings");
        }
      }
    }
    scope = ctx.scope(Posterior.unusedScope(ctx, "inference"));
    Ops tf = scope.tf();
    List<RandomVariable<?>> latents = new ArrayList<>();
    posteriors.forEach(p -> latents.add(p.latent()));
    model = new ModelLogJoint(ctx, scope, latents, dataValues(), mc.scale(), getClass().getSimpleName());
    ChainVariables vars = ChainVariables.create(scope, posteriors, movesOnReals(), chains(options));
    store = SampleStore.create(scope, vars.params());
    List<Operand<TFloat32>> current = vars.current(tf, store);
    LogJoint target = movesOnReals() && vars.anyConstrained()
        ? UnconstrainedLogJoint.of(tf, model, vars.supports()) : model;
    KernelStep step = buildStep(options, new Chain(tf, scope, current, target, store.t()));
    if (step == null || step.state().size() != current.size()) {
      throw new IllegalStateException(getClass().getSimpleName() + ".buildStep must return one next value per"
          + " element of the current state (" + current.size() + ")");
    }
    if (mc.run().debug()) {
      step = checked(tf, step, current.size());
    }
    List<Op> updates = new ArrayList<>(step.updates());
    updates.addAll(vars.userWrites(tf, step.state(), store.t()));
    SampleStore.Recorded recorded = store.record(tf, new KernelStep(step.state(), step.accepted(), step.logAcceptRatio(), updates));
    Operand<TFloat32> acceptRate = tf.math.div(tf.dtypes.cast(recorded.nAccept(), TFloat32.class),
        tf.dtypes.cast(tf.math.maximum(recorded.t(), tf.constant(1L)), TFloat32.class));
    resetCounters = store.reset(tf);
    addStep(Step.update("accept_rate", "Acceptance Rate", acceptRate, recorded.update()));
  }

  /**
   * The next state through {@code CheckNumerics}, so a NaN or infinite draw fails the update before
   * anything is written (the writes consume the checked values).
   */
  private KernelStep checked(Ops tf, KernelStep step, int n) {
    List<Operand<TFloat32>> next = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String latent = posteriors.get(i % posteriors.size()).latent().name();
      next.add(tf.debugging.checkNumerics(step.state().get(i), checkTag(latent)));
    }
    return new KernelStep(next, step.accepted(), step.logAcceptRatio(), step.updates());
  }

  private static String checkTag(String latent) {
    return "edward4j numeric check of the next state of `" + latent + "`";
  }

  /**
   * One draw: Edward's {@code inference.update(feed_dict)}. With {@code debug(true)}, a non-finite
   * next state throws {@link NonFiniteLossException} naming the latent; nothing is written and
   * {@code t} stays.
   */
  @Override
  public UpdateInfo update(Map<? extends Operand<?>, ?> feedDict, Side side) {
    try {
      return super.update(feedDict, side);
    } catch (TFInvalidArgumentException e) {
      for (Posterior p : posteriors) {
        if (String.valueOf(e.getMessage()).contains(checkTag(p.latent().name()))) {
          throw new NonFiniteLossException("state of " + p.latent().name(), iteration() + 1, e);
        }
      }
      throw e;
    }
  }

  /** Edward's {@code inference.reset}: {@code t} and the count of accepted proposals back to 0; the draws stay. */
  @Override
  public void reset() {
    super.reset();
    ctx.run(ctx.session().runner().addTarget(resetCounters)).close();
  }

  /**
   * The store the draws go through, for drivers and tests that read the counters.
   *
   * @return the sample store
   * @throws IllegalStateException before {@code initialize}
   */
  public final SampleStore sampleStore() {
    checkInitialized();
    return store;
  }

  /**
   * The latent variables, in the order of the state a transition sees.
   *
   * @return the latent variables, ordered by name
   */
  protected final List<RandomVariable<?>> latentVariables() {
    List<RandomVariable<?>> out = new ArrayList<>();
    posteriors.forEach(p -> out.add(p.latent()));
    return out;
  }

  /**
   * A copy of the model with every latent swapped for its value in {@code state} (constrained
   * values, one per latent) and every observed variable for its data, in a fresh copy scope of the
   * inference: what a Metropolis-Hastings proposal or a Gibbs conditional is built from. Call from
   * {@link #buildStep}.
   *
   * @param state one value per latent variable, in {@link #latentVariables()}' order
   * @return the copy scope
   */
  protected final GraphCopy modelCopy(List<Operand<TFloat32>> state) {
    if (model == null) {
      throw new IllegalStateException("modelCopy is for buildStep");
    }
    return model.modelCopy(state);
  }

  /**
   * The model's log joint at constrained latent values (without any change of variables): for
   * samplers that do not move on the reals and need it beyond {@link Chain#logJoint()}.
   *
   * @return the log joint
   */
  protected final LogJoint modelLogJoint() {
    if (model == null) {
      throw new IllegalStateException("modelLogJoint is for buildStep");
    }
    return model;
  }

  /** Each observed variable to its data, drawing a conditional {@code q(beta)} once in {@code <inference>/conditional}. */
  private Map<RandomVariable<?>, Operand<?>> dataValues() {
    Map<RandomVariable<?>, Operand<?>> out = new LinkedHashMap<>();
    List<RandomVariable<?>> conditionals = new ArrayList<>();
    data.values().forEach(v -> {
      if (v instanceof RandomVariable<?> q) {
        conditionals.add(q);
      }
    });
    GraphCopy q = conditionals.isEmpty() ? null
        : GraphCopy.builder(ctx).scope(scope.child("conditional")).randomVariables(conditionals).build();
    data.forEach((x, v) -> out.put((RandomVariable<?>) x, v instanceof RandomVariable<?> rv ? q.copy(rv).value() : v));
    return out;
  }

  private static String describeOperand(Operand<?> x) {
    return x instanceof RandomVariable<?> rv ? rv.name() : x.op().name();
  }
}

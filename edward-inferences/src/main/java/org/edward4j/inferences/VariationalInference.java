package org.edward4j.inferences;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.optimizers.GradientAndVariable;
import org.edward4j.core.optimizers.TrainStep;
import org.edward4j.core.optimizers.VariableGradients;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * The base of optimization-based inference, Edward's {@code ed.VariationalInference}: a subclass
 * builds a loss and one gradient per variable, and this class turns them into one training step
 * with Edward's optimizer defaults.
 *
 * <p>{@code latentVars} binds each latent variable {@code z} of the model to its approximation
 * {@code q(z)}; {@code data} binds each observed variable {@code x} to its data (a tensor, usually
 * a placeholder) or, for conditional inference, to a random variable {@code q(beta)} that fixes
 * inference over {@code beta}. The default {@code varList} is, as in Edward, every trainable
 * variable that a latent variable, its approximation or an observed variable bound to data depends
 * on. Options: {@link VariationalOptions} ({@code optimizer}, {@code varList}, {@code globalStep},
 * {@code scale}: per-variable weights on log-density terms, e.g. {@code N / M} for minibatches, and
 * the run options), composed into each family's options.
 *
 * <p>Every key must be a random variable, every approximation a random variable of the key's dtype
 * and value shape. A latent variable of the model left out of {@code latentVars} is reported when
 * the loss is built.
 *
 * <p><b>auto_transform</b> ({@link VariationalOptions#autoTransform()}, default on, as Edward's
 * {@code Inference.initialize}): a latent variable and its approximation of different continuous
 * supports (a Gamma latent, a Normal approximation) are both mapped to the unconstrained space by
 * {@code Transform.transform}; the latent is then bound, in {@link #latentVars()}, to the
 * approximation pushed back onto its support (a {@code TransformedDistribution} whose mean, stddev
 * and draws are on that support; its moments are Monte Carlo estimates), and {@link
 * #transformations()} holds each latent's unconstrained version. Point masses are left alone.
 *
 * <p><b>Writing your own inference.</b> A subclass implements {@link #defaultOptions()} and {@link
 * #buildLossAndGradients}, using {@link #ctx}, {@link #latentVars}, {@link #data}, {@link #tf()},
 * {@link #inferenceScope()}, {@link #gradients} and {@link #regularizationPenalty()}, and {@code
 * GraphCopy} (Edward's {@code ed.copy}) to draw from {@code q} and evaluate the model at the draws;
 * docs/PORTING.md ports Edward's importance-weighted VI ({@code examples/iwvi.py}) this way.
 *
 * <pre>{@code
 * KLqp inference = new KLqp(Map.of(z, qz), Map.of(x, xPh));
 * inference.initialize(KLqpOptions.builder().nSamples(5).build());
 * }</pre>
 *
 * @param <O> the family's options
 */
public abstract class VariationalInference<O extends VariationalFamilyOptions> extends Inference<O> {

  /**
   * A loss and the gradient each variable is updated with (not necessarily the loss's own: score
   * function and wake-sleep gradients come from surrogates).
   *
   * @param loss the reported loss, a float32 scalar
   * @param gradsAndVars one gradient per trained variable
   */
  protected record LossAndGradients(Operand<TFloat32> loss, List<GradientAndVariable> gradsAndVars) {

    /**
     * Checks the parts; public, so that a subclass in another package (a user's own inference) can
     * return one: a protected record's implicit constructor is protected, which Java allows a
     * subclass of another package to call only through {@code super(...)}.
     *
     * @throws NullPointerException for a null loss or list
     */
    public LossAndGradients {
      Objects.requireNonNull(loss, "loss");
      gradsAndVars = List.copyOf(Objects.requireNonNull(gradsAndVars, "gradsAndVars"));
    }
  }

  /**
   * Checks the maps; builds nothing.
   *
   * @param latentVars latent variable to its approximation; may be empty
   * @param data observed variable to its data tensor, or to a random variable for conditional
   *     inference
   * @throws IllegalArgumentException for a key that is not a random variable, an approximation that
   *     is not one, or a dtype or shape mismatch
   */
  protected VariationalInference(
      Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data);
    ModelTerms.checkMaps(this.latentVars, this.data);
  }

  private Map<RandomVariable<?>, RandomVariable<?>> transformations = Map.of();

  @Override
  protected final void build(O options) {
    VariationalOptions vi = options.variational();
    ModelTerms.checkScaleKeys(vi.scale(), latentVars, data);
    if (vi.autoTransform()) {
      AutoTransform.Result transformed = AutoTransform.apply(ctx, latentVars);
      transformed.constrained().forEach(this::rebindLatentVariable);
      transformations = Collections.unmodifiableMap(transformed.unconstrained());
    }
    List<Variable<?>> varList = !vi.varList().isEmpty() ? vi.varList() : defaultVarList();
    // The loss is built first: a model error (an unbound latent variable) explains more than an
    // empty variable list.
    LossAndGradients built = buildLossAndGradients(options, varList);
    if (varList.isEmpty()) {
      throw new IllegalArgumentException(getClass().getSimpleName()
          + " found no trainable variable that the model or its approximations depend on; pass `varList`");
    }
    List<Op> before = new ArrayList<>(ctx.collections().updateOps(null));
    before.addAll(numericGate("loss", built.loss()));
    before.addAll(gradientGate("loss", built.gradsAndVars()));
    TrainStep step = TrainSteps.applyGradients(ctx, vi.optimizer(), built.gradsAndVars(), before);
    addStep(new Step(null, "loss", "Loss", built.loss(), step));
  }

  /**
   * Edward's {@code inference.transformations}: each latent variable that {@code auto_transform}
   * moved to the unconstrained space, to its unconstrained version ({@code transform(z)}). Empty
   * before {@link #initialize}, with {@code autoTransform(false)}, or when no pair needed it.
   *
   * @return latent variable to its unconstrained version, in {@code latentVars}' order
   */
  public Map<RandomVariable<?>, RandomVariable<?>> transformations() {
    return transformations;
  }

  /**
   * The approximation latent variable {@code z} is bound to, {@code inference.latent_vars[z]} in
   * Edward: the one given, the one the list form built, or after {@link #initialize} the one {@code
   * auto_transform} pushed back onto {@code z}'s support.
   *
   * @param z a latent variable of {@link #latentVars()}
   * @return its approximation
   * @throws IllegalArgumentException if {@code z} is not a latent variable of this inference
   */
  public RandomVariable<?> approximation(Operand<?> z) {
    Operand<?> qz = latentVars.get(z);
    if (qz == null) {
      throw new IllegalArgumentException("`z` must be a latent variable of this inference, got " + InferenceData.name(z));
    }
    return (RandomVariable<?>) qz;
  }

  /**
   * Builds the loss and the gradients, Edward's {@code build_loss_and_gradients}.
   *
   * @param options the options given to {@link #initialize}
   * @param varList the variables to train
   * @return the loss and a gradient for each variable
   */
  protected abstract LossAndGradients buildLossAndGradients(O options, List<Variable<?>> varList);

  /**
   * Edward's default variable list: trainable variables that a latent variable or its
   * approximation depends on, and those an observed variable bound to data (not to a random
   * variable) depends on.
   */
  protected final List<Variable<?>> defaultVarList() {
    List<Variable<?>> trainable = ctx.collections().trainableVariables(null);
    Set<Variable<?>> out = new LinkedHashSet<>();
    latentVars.forEach((z, qz) -> {
      out.addAll(dependencies((RandomVariable<?>) z, trainable));
      out.addAll(dependencies((RandomVariable<?>) qz, trainable));
    });
    data.forEach((x, qx) -> {
      if (!(qx instanceof RandomVariable<?>)) {
        out.addAll(dependencies((RandomVariable<?>) x, trainable));
      }
    });
    return new ArrayList<>(out);
  }

  /** The variables of {@code varList} that some approximation {@code q(z)} depends on. */
  protected final List<Variable<?>> variationalVariables(List<Variable<?>> varList) {
    Set<Variable<?>> out = new LinkedHashSet<>();
    latentVars.values().forEach(qz -> out.addAll(dependencies((RandomVariable<?>) qz, varList)));
    List<Variable<?>> ordered = new ArrayList<>();
    for (Variable<?> v : varList) {
      if (out.contains(v)) {
        ordered.add(v);
      }
    }
    return ordered;
  }

  /** The variables of {@code candidates} that {@code rv}'s value or parameters depend on. */
  static List<Variable<?>> dependencies(RandomVariable<?> rv, List<Variable<?>> candidates) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    List<Boolean> hit = new ArrayList<>(VariableGradients.connected(rv.value(), candidates));
    for (Operand<TFloat32> p : rv.parameters().values()) {
      List<Boolean> h = VariableGradients.connected(p, candidates);
      for (int i = 0; i < hit.size(); i++) {
        hit.set(i, hit.get(i) || h.get(i));
      }
    }
    List<Variable<?>> out = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (hit.get(i)) {
        out.add(candidates.get(i));
      }
    }
    return out;
  }

  /**
   * The gradient of {@code loss} for each variable (zeros where it does not depend on one).
   *
   * @param loss a float32 scalar
   * @param vars the variables; may be empty
   * @return one pair per variable
   */
  protected final List<GradientAndVariable> gradients(Operand<TFloat32> loss, List<Variable<?>> vars) {
    Objects.requireNonNull(loss, "loss");
    if (vars.isEmpty()) {
      return List.of();
    }
    Ops tf = ctx.opsAt("");
    List<Operand<? extends TNumber>> grads = VariableGradients.of(tf, loss, vars);
    List<GradientAndVariable> out = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      Operand<? extends TNumber> g = grads.get(i);
      out.add(new GradientAndVariable(isMissing(g) ? zerosLike(tf, vars.get(i)) : g, vars.get(i)));
    }
    return out;
  }

  /**
   * Whether TensorFlow returned no gradient: a variable reached only through {@code StopGradient}
   * (the sleep phase's fantasies, score-function samples) is connected by data edges, yet its
   * gradient is an output of a null operation, which fails when fetched.
   */
  private static boolean isMissing(Operand<?> g) {
    if (!(g.op() instanceof GraphOperation op)) {
      return false;
    }
    var handle = op.getUnsafeNativeHandle();
    return handle == null || handle.isNull();
  }

  @SuppressWarnings("unchecked")
  private static Operand<? extends TNumber> zerosLike(Ops tf, Variable<?> v) {
    return tf.zerosLike((Operand<TNumber>) v.value());
  }

  /** The sum of every regularization loss in the graph, Edward's {@code reg_penalty}. */
  protected final Operand<TFloat32> regularizationPenalty() {
    return AdversarialLosses.sum(ctx.opsAt(""), ctx.collections().regularizationLosses(null));
  }

  /** A fresh top-level scope {@code inference}, {@code inference_1}, ... for one loss's copies. */
  protected final VariableScope inferenceScope() {
    return ctx.scope("inference");
  }

  /** The root ops. */
  protected final Ops tf() {
    return ctx.opsAt("");
  }
}

package org.edward4j.inferences.montecarlo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.copy.GraphCopy;
import org.edward4j.inferences.MonteCarloOptions;
import org.edward4j.models.conjugacy.Conjugacy;
import org.edward4j.models.conjugacy.NoConjugateFormException;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * Gibbs sampling, Edward's {@code ed.Gibbs} (S. Geman and D. Geman, IEEE PAMI 6, 1984): each draw
 * replaces every latent in turn by a draw from its conditional given the others' newest values,
 * and is always accepted.
 *
 * <p>The conditionals ({@code proposalVars}) are random variables written over the model's
 * variables, by default {@link Conjugacy#completeConditional} of each latent (Edward's default);
 * a latent without a given proposal gets its complete conditional, and one with no conjugate form
 * fails the constructor with {@link NoConjugateFormException} naming it. One {@code update} is one
 * {@code Session.run}: a systematic scan in the order of {@link #latentVariables()} (by name), each
 * conditional copied with the latents swapped for the values drawn so far in this sweep (the
 * earlier latents' new draws, the later ones' current values) and the observed variables for their
 * data. Edward scans in a random order by default ({@code scan_order='random'}, a Python shuffle per
 * update); the systematic scan leaves the same posterior invariant and keeps a whole sweep in one
 * graph run. As in Edward, the proposals must share the latents' supports (no transform).
 *
 * <pre>{@code
 * Beta p = Beta.of(scope, 1.0, 1.0);
 * Bernoulli<TInt32> x = Bernoulli.builder(scope).probs(p).sampleShape(10).build();
 * Empirical qp = Empirical.of(scope, scope.getVariable("qp", Shape.of(500), Initializers.zeros()));
 * Gibbs gibbs = new Gibbs(Map.of(p, qp), Map.of(x, tf.constant(new int[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 1})));
 * gibbs.run(MonteCarloOptions.builder().nPrint(0).build()); // qp holds draws of Beta(3, 9)
 * }</pre>
 */
public class Gibbs extends MonteCarlo<MonteCarloOptions> {

  private final Map<RandomVariable<?>, RandomVariable<?>> conditionals = new LinkedHashMap<>();

  /**
   * Gibbs with the complete conditional of every latent.
   *
   * @param latentVars each latent variable to its {@code Empirical}
   * @param data each observed variable to its data
   * @throws IllegalArgumentException for a latent without an Empirical or of another shape
   * @throws NoConjugateFormException for a latent without a conjugate complete conditional
   */
  public Gibbs(Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data) {
    this(latentVars, Map.of(), data);
  }

  /**
   * Gibbs with given conditionals.
   *
   * @param latentVars each latent variable to its {@code Empirical}
   * @param proposalVars each latent variable to its conditional, a random variable of the latent's
   *     shape written over the other variables; latents left out get their complete conditional
   * @param data each observed variable to its data
   * @throws IllegalArgumentException for a latent without an Empirical, a proposal for a variable
   *     that is not in {@code latentVars}, or a proposal of another shape
   * @throws NoConjugateFormException for a latent without proposal and without a conjugate form
   */
  public Gibbs(Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> proposalVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data);
    bind(proposalVars);
  }

  /**
   * Edward's list form: each latent gets an {@code Empirical} of 10,000 draws and its complete
   * conditional.
   *
   * @param latentVars the latent variables
   * @param data each observed variable to its data
   * @throws IllegalArgumentException as {@link #Gibbs(Map, Map, Map)}
   * @throws NoConjugateFormException for a latent without a conjugate complete conditional
   */
  public Gibbs(List<? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data);
    bind(Map.of());
  }

  private void bind(Map<? extends Operand<?>, ? extends Operand<?>> proposalVars) {
    if (proposalVars == null) {
      throw new IllegalArgumentException("`proposalVars` must be a map (empty for complete conditionals), got null");
    }
    proposalVars.forEach((z, g) -> {
      if (z == null || g == null) {
        throw new IllegalArgumentException("`proposalVars` must not hold null keys or values");
      }
      if (!this.latentVars.containsKey(z) || !(z instanceof RandomVariable<?>)) {
        throw new IllegalArgumentException("`proposalVars` key " + name(z)
            + " is not a latent variable in `latentVars`: Gibbs draws only latents that have an Empirical");
      }
      if (!(g instanceof RandomVariable<?>)) {
        throw new IllegalArgumentException("`proposalVars` must bind " + name(z) + " to a random variable (its"
            + " conditional), got the tensor " + g.op().name());
      }
    });
    for (RandomVariable<?> z : latentVariables()) {
      Operand<?> given = proposalVars.get(z);
      RandomVariable<?> cond = given != null ? (RandomVariable<?>) given : conditionalOf(z);
      Shape expected = z.value().shape();
      if (!cond.value().shape().equals(expected)) {
        throw new IllegalArgumentException("the conditional " + cond.name() + " of " + z.name() + " must have shape "
            + expected + " to match " + z.name() + ", got " + cond.value().shape());
      }
      conditionals.put(z, cond);
    }
  }

  private static <T extends TNumber> RandomVariable<T> conditionalOf(RandomVariable<T> z) {
    return Conjugacy.completeConditional(z);
  }

  /**
   * The conditional each latent is drawn from, Edward's {@code inference.proposal_vars}.
   *
   * @return an unmodifiable map from latent to conditional, in scan order
   */
  public final Map<RandomVariable<?>, RandomVariable<?>> proposalVars() {
    return java.util.Collections.unmodifiableMap(conditionals);
  }

  @Override
  protected MonteCarloOptions defaultOptions() {
    return MonteCarloOptions.defaults();
  }

  @Override
  protected KernelStep buildStep(MonteCarloOptions options, Chain chain) {
    Ops tf = chain.tf();
    List<RandomVariable<?>> latents = latentVariables();
    List<Operand<TFloat32>> state = new ArrayList<>(chain.current());
    for (int i = 0; i < latents.size(); i++) {
      GraphCopy copy = modelCopy(List.copyOf(state));
      RandomVariable<?> drawn = copy.copy(conditionals.get(latents.get(i)));
      state.set(i, toFloat(tf, drawn.value()));
    }
    return new KernelStep(state, tf.constant(true), tf.constant(0f), List.of());
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> toFloat(Ops tf, Operand<? extends TNumber> x) {
    return x.type() == TFloat32.class ? (Operand<TFloat32>) x : tf.dtypes.cast(x, TFloat32.class);
  }

  private static String name(Operand<?> x) {
    return x instanceof RandomVariable<?> rv ? rv.name() : x.op().name();
  }
}

package org.edward4j.inferences.montecarlo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.copy.GraphCopy;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code proposal_vars}: each latent variable {@code z} bound to a random variable {@code
 * g(z' | z)} written in terms of the model (e.g. {@code Normal(loc=z, scale=0.5)}, or {@code z}
 * itself for an independence proposal from the prior). A proposal from a state copies every {@code
 * g} with the latents swapped for the state and draws {@code z'}; the reverse density copies it
 * with the latents swapped for {@code z'} and evaluates {@code z}, as Edward's {@code
 * MetropolisHastings.build_update}. A latent without a proposal keeps its value.
 */
final class ProposalVariables {

  private final Map<RandomVariable<?>, RandomVariable<?>> proposals;

  private ProposalVariables(Map<RandomVariable<?>, RandomVariable<?>> proposals) {
    this.proposals = proposals;
  }

  /**
   * Checks {@code proposalVars} against the latents: every key a latent of {@code latentVars},
   * every value a random variable of the latent's shape.
   *
   * @throws IllegalArgumentException naming the key at fault
   */
  static ProposalVariables of(Map<? extends Operand<?>, ? extends Operand<?>> proposalVars, Map<Operand<?>, Operand<?>> latentVars) {
    if (proposalVars == null || proposalVars.isEmpty()) {
      throw new IllegalArgumentException("`proposalVars` must bind at least one latent variable to its proposal, got "
          + (proposalVars == null ? "null" : "an empty map"));
    }
    Map<RandomVariable<?>, RandomVariable<?>> out = new LinkedHashMap<>();
    proposalVars.forEach((z, g) -> {
      if (z == null || g == null) {
        throw new IllegalArgumentException("`proposalVars` must not hold null keys or values");
      }
      if (!latentVars.containsKey(z) || !(z instanceof RandomVariable<?> rv)) {
        throw new IllegalArgumentException("`proposalVars` key " + name(z)
            + " is not a latent variable in `latentVars`: a proposal moves a latent that has an Empirical");
      }
      if (!(g instanceof RandomVariable<?> q)) {
        throw new IllegalArgumentException("`proposalVars` must bind " + rv.name() + " to a random variable (its"
            + " proposal g(z' | z)), got the tensor " + g.op().name());
      }
      Shape expected = rv.value().shape();
      if (!q.value().shape().equals(expected)) {
        throw new IllegalArgumentException("the proposal " + q.name() + " of " + rv.name() + " must have shape "
            + expected + " to match " + rv.name() + ", got " + q.value().shape());
      }
      out.put(rv, q);
    });
    return new ProposalVariables(out);
  }

  /**
   * The proposal from {@code current}.
   *
   * @param tf where to build the sums and casts
   * @param latents the latents in the state's order
   * @param copyAt a model copy with the latents swapped for a state (constrained values)
   * @param current the current state
   */
  Proposal at(Ops tf, List<RandomVariable<?>> latents, Function<List<Operand<TFloat32>>, GraphCopy> copyAt,
      List<Operand<TFloat32>> current) {
    GraphCopy old = copyAt.apply(current);
    List<Operand<TFloat32>> proposed = new ArrayList<>(current);
    Operand<TFloat32> forward = tf.constant(0f);
    for (int i = 0; i < latents.size(); i++) {
      RandomVariable<?> g = proposals.get(latents.get(i));
      if (g == null) {
        continue;
      }
      RandomVariable<?> gOld = old.copy(g);
      forward = tf.math.add(forward, sumAll(tf, gOld.logProb(ModelLogJoint.numeric(gOld.value()))));
      proposed.set(i, ModelLogJoint.castTo(tf, gOld.value(), TFloat32.class));
    }
    GraphCopy next = copyAt.apply(proposed);
    Operand<TFloat32> backward = tf.constant(0f);
    for (int i = 0; i < latents.size(); i++) {
      RandomVariable<?> g = proposals.get(latents.get(i));
      if (g == null) {
        continue;
      }
      RandomVariable<?> gNew = next.copy(g);
      backward = tf.math.add(backward, sumAll(tf, gNew.logProb(ModelLogJoint.castTo(tf, current.get(i), g.type()))));
    }
    return new Proposal(proposed, forward, backward);
  }

  private static Operand<TFloat32> sumAll(Ops tf, Operand<TFloat32> x) {
    return tf.reduceSum(x, tf.range(tf.constant(0), tf.rank(x), tf.constant(1)));
  }

  private static String name(Operand<?> x) {
    return x instanceof RandomVariable<?> rv ? rv.name() : x == null ? "null" : x.op().name();
  }
}

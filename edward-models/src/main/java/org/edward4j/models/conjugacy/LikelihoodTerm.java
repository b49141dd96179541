package org.edward4j.models.conjugacy;

import java.util.List;
import java.util.Map;
import org.edward4j.core.RandomVariable;
import org.edward4j.models.ParamMixture;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * One child's factor {@code p(x | params)} in the complete conditional of a latent {@code z},
 * with the algebra that turns it into natural-parameter contributions.
 *
 * <p>An ordinary child contributes every element of its value. A {@link ParamMixture} contributes
 * its components' family at the mixture's value, each component weighted by the one-hot of the
 * assignments ({@code mask}), so {@code mu[k]} collects exactly the points assigned to {@code k}.
 *
 * <p>The contributions rest on one identity: when a parameter {@code p(z)} selects and scales the
 * elements of {@code z} ({@link Dependence.Kind#LINEAR} or better), the gradient of {@code
 * sum(mask * w * p(z))} with respect to {@code z} is {@code A^T (mask * w)}: the statistic {@code w}
 * summed back onto the elements of {@code z} it came from, through whatever broadcasting, gathering
 * or sample dimensions lie between. This is how Edward reads natural parameters off its log joint
 * ({@code tf.gradients} at the sufficient statistics); here it needs no symbolic algebra.
 *
 * @param child the random variable whose factor this is (for messages)
 * @param family the factor's distribution name, e.g. {@code Normal}
 * @param parameters the factor's parameters
 * @param value the observed value as float32, broadcasting against the parameters
 * @param mask per-element weights of the broadcast shape (assignments' one-hot), or null for ones
 */
record LikelihoodTerm(RandomVariable<?> child, String family, Map<String, Operand<TFloat32>> parameters,
    Operand<TFloat32> value, Operand<TFloat32> mask) {

  /** The factor of an ordinary child. */
  static LikelihoodTerm of(Ops tf, RandomVariable<?> child) {
    return new LikelihoodTerm(child, child.distributionName(), child.parameters(), toFloat(tf, child.value()), null);
  }

  /** The factor of a mixture's components given its assignments. */
  static LikelihoodTerm ofMixture(Ops tf, ParamMixture<?> x) {
    RandomVariable<?> components = x.components();
    int batchRank = x.batchShape().numDimensions();
    int batchEventRank = batchRank + x.eventShape().numDimensions();
    Operand<TFloat32> v = tf.expandDims(toFloat(tf, x.value()), tf.constant(-1 - batchEventRank));
    int sampleRank = x.cat().value().shape().numDimensions() - batchRank;
    Operand<TFloat32> mask = tf.oneHot(x.cat().value(), tf.constant(x.numComponents()), tf.constant(1f),
        tf.constant(0f), org.tensorflow.op.core.OneHot.axis((long) sampleRank));
    return new LikelihoodTerm(x, components.distributionName(), components.parameters(), v, mask);
  }

  /** A parameter by name, or null. */
  Operand<TFloat32> parameter(String name) {
    return parameters.get(name);
  }

  /**
   * {@code A^T (mask * w)}: the statistic {@code w} summed onto the elements of {@code z} that
   * {@code p} reads, each times its coefficient in {@code p}.
   *
   * @param w a statistic broadcasting against {@code p} and the value; no gradient flows into it
   * @param p the parameter copied with {@code z} swapped for {@code swap.at()}, linear in it
   * @param swap the latent's stand-in
   * @param extraRank trailing axes {@code w} has beyond the mask's (1 for a one-hot or a vector event)
   */
  Operand<TFloat32> adjoint(Ops tf, Operand<TFloat32> w, Operand<TFloat32> p, LatentSwap swap, int extraRank) {
    Operand<TFloat32> weights = w;
    if (mask != null) {
      Operand<TFloat32> m = mask;
      for (int i = 0; i < extraRank; i++) {
        m = tf.expandDims(m, tf.constant(-1));
      }
      weights = tf.math.mul(m, weights);
    }
    // The child's value may be drawn from z in the graph: only the path through p is differentiated.
    Operand<TFloat32> weighted = tf.math.mul(tf.stopGradient(weights), p);
    Operand<TFloat32> total = tf.reduceSum(weighted, tf.range(tf.constant(0), tf.rank(weighted), tf.constant(1)));
    Gradients g = tf.gradients(total, List.of(swap.at()));
    return g.dy(0);
  }

  /** {@code adjoint(w / a)}: {@code w} summed onto the elements of {@code z} without coefficients. */
  Operand<TFloat32> count(Ops tf, Operand<TFloat32> w, Operand<TFloat32> p, Operand<TFloat32> a, LatentSwap swap,
      int extraRank) {
    return adjoint(tf, tf.math.divNoNan(w, a), p, swap, extraRank);
  }

  /** Describes the child for messages: {@code child x (Normal)}. */
  String describe() {
    return "child " + child.name() + " (" + family + (mask != null ? " components of a ParamMixture" : "") + ")";
  }

  @SuppressWarnings("unchecked")
  static Operand<TFloat32> toFloat(Ops tf, Operand<? extends TNumber> x) {
    return x.type() == TFloat32.class ? (Operand<TFloat32>) x : tf.dtypes.cast(x, TFloat32.class);
  }

  @SuppressWarnings("unchecked")
  static Operand<TInt32> toInt(Ops tf, Operand<? extends TNumber> x) {
    return x.type() == TInt32.class ? (Operand<TInt32>) x : tf.dtypes.cast(x, TInt32.class);
  }
}

package org.edward4j.inferences.montecarlo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.copy.GraphCopy;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * The model's log joint {@code log p(x, z)} at given latent values, Edward's {@code
 * MonteCarlo._log_joint}: on each call, a new {@link GraphCopy} scope {@code <inference>/sample}
 * swaps every latent variable for its value and every observed variable for its data, and sums
 * {@code reduce_sum(scale * copy(z).log_prob(value))} over the latent and observed variables.
 *
 * <p>Observed variables bound to a random variable (conditional inference) were drawn once, when
 * the inference was built, so every evaluation of one update sees the same draw, as Edward's
 * Metropolis-Hastings does.
 */
final class ModelLogJoint implements LogJoint {

  private final ModelContext ctx;
  private final VariableScope scope;
  private final List<RandomVariable<?>> latents;
  private final Map<RandomVariable<?>, Operand<?>> data;
  private final Map<Operand<?>, Object> scale;
  private final String inference;

  /**
   * @param latents the latent variables, in the state's order
   * @param data each observed variable to its data tensor (or its conditional draw)
   * @param scale Edward's per-variable weights
   * @param inference the inference's name, for messages
   */
  ModelLogJoint(ModelContext ctx, VariableScope scope, List<RandomVariable<?>> latents,
      Map<RandomVariable<?>, Operand<?>> data, Map<Operand<?>, Object> scale, String inference) {
    this.ctx = ctx;
    this.scope = scope;
    this.latents = List.copyOf(latents);
    this.data = new LinkedHashMap<>(data);
    this.scale = scale;
    this.inference = inference;
  }

  @Override
  public Operand<TFloat32> at(List<Operand<TFloat32>> state) {
    if (state.size() != latents.size()) {
      throw new IllegalArgumentException("the state must have " + latents.size() + " values, one per latent, got "
          + state.size());
    }
    Ops tf = scope.tf();
    GraphCopy copy = modelCopy(state);
    Operand<TFloat32> total = tf.constant(0f);
    for (int i = 0; i < latents.size(); i++) {
      RandomVariable<?> z = latents.get(i);
      Operand<TFloat32> lp = copy.copy(z).logProb(numeric(castTo(tf, state.get(i), z)));
      total = tf.math.add(total, weighted(tf, lp, z));
    }
    for (Map.Entry<RandomVariable<?>, Operand<?>> e : data.entrySet()) {
      Operand<TFloat32> lp = copy.copy(e.getKey()).logProb(numeric(e.getValue()));
      total = tf.math.add(total, weighted(tf, lp, e.getKey()));
    }
    checkEveryLatentBound(copy);
    return total;
  }

  /**
   * A copy scope of the model with every latent swapped for its value in {@code state} and every
   * observed variable for its data: what Gibbs and Metropolis-Hastings proposals copy through.
   */
  GraphCopy modelCopy(List<Operand<TFloat32>> state) {
    Ops tf = scope.tf();
    List<RandomVariable<?>> known = new ArrayList<>(latents);
    known.addAll(data.keySet());
    GraphCopy.Builder b = GraphCopy.builder(ctx).scope(scope.child("sample")).randomVariables(known);
    for (int i = 0; i < latents.size(); i++) {
      b.swap(latents.get(i), castTo(tf, state.get(i), latents.get(i)));
    }
    data.forEach((x, v) -> b.swap(x, castTo(tf, v, x)));
    return b.build();
  }

  /** The latents, in the state's order. */
  List<RandomVariable<?>> latents() {
    return latents;
  }

  /** Each observed variable to what it is evaluated at. */
  Map<RandomVariable<?>, Operand<?>> data() {
    return data;
  }

  private Operand<TFloat32> weighted(Ops tf, Operand<TFloat32> logProb, Operand<?> key) {
    Object s = scale.get(key);
    Operand<TFloat32> t = logProb;
    if (s instanceof Number n) {
      t = tf.math.mul(tf.constant(n.floatValue()), logProb);
    } else if (s instanceof Operand<?> o) {
      t = tf.math.mul(castTo(tf, o, TFloat32.class), logProb);
    }
    return tf.reduceSum(t, tf.range(tf.constant(0), tf.rank(t), tf.constant(1)));
  }

  private void checkEveryLatentBound(GraphCopy copy) {
    Set<String> unbound = new LinkedHashSet<>();
    for (String op : copy.redrawnRandomOps()) {
      int i = op.indexOf("/sample");
      unbound.add(i > 0 ? op.substring(0, i) : op);
    }
    if (!unbound.isEmpty()) {
      throw new IllegalArgumentException("the model depends on the random variable(s) " + unbound
          + ", which are neither latent variables in `latentVars` nor observed in `data`: " + inference
          + " needs an Empirical for each latent variable");
    }
  }

  /** {@code x} as the dtype of the random variable {@code rv}. */
  static Operand<?> castTo(Ops tf, Operand<?> x, RandomVariable<?> rv) {
    return castTo(tf, x, rv.type());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static <T extends TNumber> Operand<T> castTo(Ops tf, Operand<?> x, Class<?> type) {
    if (x.type() == type) {
      return (Operand<T>) x;
    }
    return (Operand<T>) tf.dtypes.cast(numeric(x), (Class) type);
  }

  @SuppressWarnings("unchecked")
  static Operand<? extends TNumber> numeric(Operand<?> x) {
    if (!TNumber.class.isAssignableFrom(x.type())) {
      throw new IllegalArgumentException(x.op().name() + " must be numeric, got " + x.asOutput().dataType());
    }
    return (Operand<? extends TNumber>) x;
  }
}

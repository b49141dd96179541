package org.edward4j.inferences;

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
import org.tensorflow.types.family.TNumber;

/**
 * One Monte Carlo sample of the variational model and the model evaluated at it: the loop body
 * Edward repeats {@code n_samples} times in each {@code build_loss_and_gradients}.
 *
 * <p>Each approximation {@code q(z)} (and each {@code q(beta)} bound in {@code data}) is copied in
 * the scope {@code <scope>/q} to draw a fresh sample; the model is then copied in {@code
 * <scope>/p} with every latent variable swapped for its sample and every observed variable for its
 * data, so {@code model(z).logProb(value(z))} is {@code log p(z | parents)} at the sample.
 */
final class PosteriorSample {

  private final Map<Operand<?>, RandomVariable<?>> approximations = new LinkedHashMap<>();
  private final Map<Operand<?>, Operand<?>> values = new LinkedHashMap<>();
  private final Map<Operand<?>, Operand<?>> conditionals = new LinkedHashMap<>();
  private final GraphCopy model;

  private PosteriorSample(
      ModelContext ctx,
      Map<Operand<?>, Operand<?>> latentVars,
      Map<Operand<?>, Operand<?>> data,
      VariableScope scope,
      boolean drawQ) {
    GraphCopy q = drawQ
        ? GraphCopy.builder(ctx).scope(scope.child("q")).randomVariables(approximationsOf(latentVars, data)).build()
        : null;
    data.forEach((x, v) -> {
      if (v instanceof RandomVariable<?> qx) {
        Operand<?> s = drawQ ? q.copy(qx).value() : qx.value();
        conditionals.put(x, s);
        values.put(x, s);
      } else {
        values.put(x, v);
      }
    });
    latentVars.forEach((z, qz) -> {
      RandomVariable<?> qs = drawQ ? q.copy((RandomVariable<?>) qz) : (RandomVariable<?>) qz;
      approximations.put(z, qs);
      values.put(z, qs.value());
    });
    Ops tf = ctx.opsAt("");
    GraphCopy.Builder p = GraphCopy.builder(ctx).scope(scope.child("p")).randomVariables(modelVariables(latentVars, data));
    values.forEach((key, value) -> p.swap(key, ModelTerms.cast(tf, value, ((RandomVariable<?>) key).type())));
    this.model = p.build();
  }

  /**
   * Draws {@code q} (by copying it, unless {@code drawQ} is false: MAP evaluates at the point
   * masses themselves) and prepares the model copy.
   */
  static PosteriorSample draw(
      ModelContext ctx,
      Map<Operand<?>, Operand<?>> latentVars,
      Map<Operand<?>, Operand<?>> data,
      VariableScope scope,
      boolean drawQ) {
    return new PosteriorSample(ctx, latentVars, data, scope, drawQ);
  }

  /** The sampled approximation of latent variable {@code z}. */
  RandomVariable<?> q(Operand<?> z) {
    return approximations.get(z);
  }

  /** What the model is evaluated at for key {@code key}: a sample of q, data, or a sample of q(beta). */
  Operand<?> value(Operand<?> key) {
    return values.get(key);
  }

  /** The model's keys in evaluation order: observed variables, then latent variables. */
  Set<Operand<?>> valueKeys() {
    return values.keySet();
  }

  /** The value as a numeric tensor, for {@code logProb}. */
  @SuppressWarnings("unchecked")
  Operand<? extends TNumber> numericValue(Operand<?> key) {
    return (Operand<? extends TNumber>) values.get(key);
  }

  /** Observed variables bound to a random variable, to that variable's sample (conditional inference). */
  Map<Operand<?>, Operand<?>> conditionals() {
    return conditionals;
  }

  /** The model's random variable {@code key}, rebuilt with every latent and observed variable swapped. */
  RandomVariable<?> model(Operand<?> key) {
    return model.copy((RandomVariable<?>) key);
  }

  /**
   * Fails if building the model copies redrew a random variable's draw: a random variable of the
   * model that is neither in {@code latentVars} nor in {@code data}.
   *
   * @param inference the inference's name, for the message
   * @throws IllegalArgumentException naming the unbound variable
   */
  void checkEveryLatentBound(String inference) {
    Set<String> unbound = new LinkedHashSet<>();
    for (String op : model.redrawnRandomOps()) {
      int i = op.indexOf("/sample");
      if (i > 0) {
        unbound.add(op.substring(0, i));
      }
    }
    if (!unbound.isEmpty()) {
      throw new IllegalArgumentException("the model depends on the random variable(s) " + unbound
          + ", which are neither latent variables with a posterior in `latentVars` nor observed in `data`: " + inference
          + " needs an approximation for each latent variable");
    }
  }

  private static List<RandomVariable<?>> approximationsOf(Map<Operand<?>, Operand<?>> latentVars, Map<Operand<?>, Operand<?>> data) {
    List<RandomVariable<?>> out = new ArrayList<>();
    latentVars.values().forEach(q -> out.add((RandomVariable<?>) q));
    data.values().forEach(v -> {
      if (v instanceof RandomVariable<?> q) {
        out.add(q);
      }
    });
    return out;
  }

  private static List<RandomVariable<?>> modelVariables(Map<Operand<?>, Operand<?>> latentVars, Map<Operand<?>, Operand<?>> data) {
    List<RandomVariable<?>> out = new ArrayList<>();
    latentVars.keySet().forEach(z -> out.add((RandomVariable<?>) z));
    data.keySet().forEach(x -> out.add((RandomVariable<?>) x));
    return out;
  }
}

package org.edward4j.inferences;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.copy.GraphCopy;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * The sleep phase of wake-sleep (Hinton et al., 1995): draw a fantasy {@code (z, x) ~ p(z) p(x |
 * z)} by copying the model, then score the recognition model {@code q(z | x)} at it by copying q
 * with each data tensor replaced by the fantasy {@code x}.
 */
final class Fantasies {

  private Fantasies() {}

  /**
   * {@code sum_z scale(z) * log q(z_f | x_f)}, with the fantasies held fixed (no gradient reaches
   * the model through them).
   *
   * @param sample the wake sample, whose {@code q(beta)} draws condition the fantasies too
   * @param scope a fresh scope; copies go under {@code scope/p} (model) and {@code scope/q} (q)
   */
  static Operand<TFloat32> sleepTerm(
      ModelContext ctx,
      Map<Operand<?>, Operand<?>> latentVars,
      Map<Operand<?>, Operand<?>> data,
      PosteriorSample sample,
      Map<Operand<?>, Object> scale,
      VariableScope scope) {
    Ops tf = ctx.opsAt("");
    List<RandomVariable<?>> model = new ArrayList<>();
    latentVars.keySet().forEach(z -> model.add((RandomVariable<?>) z));
    data.keySet().forEach(x -> model.add((RandomVariable<?>) x));
    GraphCopy.Builder pb = GraphCopy.builder(ctx).scope(scope.child("p")).randomVariables(model);
    sample.conditionals().forEach((x, beta) -> pb.swap(x, ModelTerms.cast(tf, beta, ((RandomVariable<?>) x).type())));
    GraphCopy prior = pb.build();

    List<RandomVariable<?>> recognition = new ArrayList<>();
    latentVars.values().forEach(q -> recognition.add((RandomVariable<?>) q));
    GraphCopy.Builder qb = GraphCopy.builder(ctx).scope(scope.child("q")).randomVariables(recognition);
    data.forEach((x, v) -> {
      if (v instanceof RandomVariable<?> qbeta) {
        qb.swap(qbeta, sample.value(x));
      } else {
        Operand<?> fantasy = tf.stopGradient(prior.copy((RandomVariable<?>) x).value());
        qb.swap(v, ModelTerms.cast(tf, fantasy, ModelTerms.numeric(v).type()));
      }
    });
    GraphCopy recognitionAtFantasy = qb.build();

    Operand<TFloat32> total = tf.constant(0f);
    for (Map.Entry<Operand<?>, Operand<?>> e : latentVars.entrySet()) {
      Operand<? extends TNumber> zf = tf.stopGradient(prior.copy((RandomVariable<?>) e.getKey()).value());
      RandomVariable<?> qf = recognitionAtFantasy.copy((RandomVariable<?>) e.getValue());
      total = tf.math.add(total, ModelTerms.total(tf, qf.logProb(zf), ModelTerms.scaleOf(tf, scale, e.getKey())));
    }
    return total;
  }
}

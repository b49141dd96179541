package org.edward4j.models.conjugacy;

import java.util.List;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.copy.GraphCopy;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A latent's parameters re-read with the latent replaced by a stand-in: at zeros ({@link #atZero},
 * the offset {@code b} of {@code a z + b}, and the tensor the gradients are taken at) and at ones
 * ({@link #atOne}, for the coefficient {@code a}). Every other random variable keeps its value (an
 * identity swap, as Edward's {@code swap_back[val] = val}), so the copies redraw nothing.
 */
final class LatentSwap {

  private final Ops tf;
  private final Operand<TFloat32> zero;
  private final GraphCopy atZero;
  private final GraphCopy atOne;

  LatentSwap(ModelContext ctx, VariableScope scope, RandomVariable<?> latent, List<RandomVariable<?>> others) {
    this.tf = scope.tf();
    Shape shape = latent.value().shape();
    @SuppressWarnings("unchecked")
    Operand<TFloat32> value = (Operand<TFloat32>) latent.value();
    boolean known = !shape.isUnknown() && !shape.hasUnknownDimension();
    this.zero = tf.withName("at_zero").identity(known ? tf.zeros(tf.constant(shape), TFloat32.class) : tf.zerosLike(value));
    Operand<TFloat32> one = tf.withName("at_one").identity(known ? tf.ones(tf.constant(shape), TFloat32.class) : tf.onesLike(value));
    this.atZero = copies(ctx, scope.uniqueChild("zero"), latent, zero, others);
    this.atOne = copies(ctx, scope.uniqueChild("one"), latent, one, others);
  }

  private static GraphCopy copies(ModelContext ctx, VariableScope scope, RandomVariable<?> latent,
      Operand<TFloat32> stand, List<RandomVariable<?>> others) {
    GraphCopy.Builder b = GraphCopy.builder(ctx).scope(scope).swap(latent, stand);
    for (RandomVariable<?> rv : others) {
      b.swap(rv, rv);
    }
    return b.build();
  }

  /** The stand-in the gradients are taken at (zeros of the latent's value shape). */
  Operand<TFloat32> at() {
    return zero;
  }

  /** {@code p} with the latent at zero. */
  Operand<TFloat32> atZero(Operand<TFloat32> p) {
    // As a plain output: GraphCopy rebuilds (and redraws) a parameter that is itself a random variable.
    return atZero.copy(p.asOutput());
  }

  /** {@code p} with the latent at one. */
  Operand<TFloat32> atOne(Operand<TFloat32> p) {
    return atOne.copy(p.asOutput());
  }

  /** The elementwise coefficient {@code a} of {@code p = a z + b}. */
  Operand<TFloat32> coefficient(Operand<TFloat32> p) {
    return tf.math.sub(atOne(p), atZero(p));
  }
}

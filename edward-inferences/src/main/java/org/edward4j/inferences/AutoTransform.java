package org.edward4j.inferences;

import java.util.LinkedHashMap;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.models.AbstractRandomVariable;
import org.edward4j.models.PointMass;
import org.edward4j.models.Supports;
import org.edward4j.models.Transform;
import org.edward4j.models.TransformedDistribution;
import org.edward4j.models.bijectors.Support;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code auto_transform} (in {@code Inference.initialize}): a latent variable {@code z} and
 * its approximation {@code q} of different known continuous supports are both mapped to the
 * unconstrained space ({@code z_u = transform(z)}, {@code q_u = transform(q)}), and {@code z} is
 * rebound to {@code q_u} pushed back onto {@code z}'s support. Fitting that pushforward by KLqp
 * is fitting {@code q_u} to the unconstrained posterior: {@code log q_c(T(u)) = log q_u(u) - log
 * |det J_T(u)|}, so the ELBO over {@code z} equals the ELBO over {@code u} with the Jacobian.
 *
 * <p>Point masses are left alone (their support is a point, as in Edward), and so are pairs where
 * either support is unknown.
 */
final class AutoTransform {

  /** Draws behind the Monte Carlo moments of a pushed-back approximation, at most. */
  static final int MAX_MOMENT_DRAWS = 10_000;
  /** Fewer draws for big latents: at most this many floats per moment evaluation. */
  private static final long MOMENT_BUDGET = 20_000_000L;

  private AutoTransform() {}

  /**
   * The rebinding for each pair that needs one, and the transformations made.
   *
   * @param constrained {@code z} to its approximation on {@code z}'s support
   * @param unconstrained {@code z} to Edward's {@code transformations[z]}, the unconstrained {@code z}
   */
  record Result(Map<Operand<?>, RandomVariable<?>> constrained, Map<RandomVariable<?>, RandomVariable<?>> unconstrained) {}

  /** Plans every rebinding, checking all pairs before building any op. */
  static Result apply(ModelContext ctx, Map<Operand<?>, Operand<?>> latentVars) {
    Map<Operand<?>, AbstractRandomVariable<TFloat32>> pending = new LinkedHashMap<>();
    latentVars.forEach((z, qz) -> {
      if (needsTransform(z, qz)) {
        AbstractRandomVariable<TFloat32> q = float32((RandomVariable<?>) qz);
        rejectSimplex((RandomVariable<?>) z, q);
        pending.put(z, q);
      }
    });
    Map<Operand<?>, RandomVariable<?>> constrained = new LinkedHashMap<>();
    Map<RandomVariable<?>, RandomVariable<?>> unconstrained = new LinkedHashMap<>();
    pending.forEach((z, q) -> {
      RandomVariable<?> zrv = (RandomVariable<?>) z;
      unconstrained.put(zrv, Transform.transform(zrv));
      constrained.put(z, pushForward(ctx, Transform.transform(q), Supports.of(zrv), "q_" + q.name()));
    });
    return new Result(constrained, unconstrained);
  }

  /** Edward's rule: both supports known and continuous, unequal, and the approximation not a point mass. */
  static boolean needsTransform(Operand<?> z, Operand<?> qz) {
    if (!(z instanceof AbstractRandomVariable<?> p) || !(qz instanceof AbstractRandomVariable<?> q) || q instanceof PointMass) {
      return false;
    }
    Support zs = Supports.of(p);
    Support qs = Supports.of(q);
    return zs != Support.UNKNOWN && qs != Support.UNKNOWN && zs != qs;
  }

  /**
   * {@code base} mapped onto {@code support}, with Monte Carlo moments so that the user reads the
   * approximation's mean and spread on the original support.
   */
  static TransformedDistribution pushForward(ModelContext ctx, AbstractRandomVariable<TFloat32> base, Support support, String name) {
    return TransformedDistribution.builder(ctx.scope(scopeName(name) + "_constrained")).distribution(base)
        .bijector(support.unconstraining()).momentDraws(momentDraws(base.value().shape())).build();
  }

  /** {@value #MAX_MOMENT_DRAWS} draws, fewer for big latents (at least 100). */
  static int momentDraws(Shape valueShape) {
    long n = valueShape.hasUnknownDimension() ? 1 : Math.max(1, valueShape.size());
    return (int) Math.max(100, Math.min(MAX_MOMENT_DRAWS, MOMENT_BUDGET / n));
  }

  /**
   * A simplex latent and an approximation of another support cannot be paired: the maps' check
   * gives both the same value shape {@code [K]}, but the unconstrained space has {@code K - 1}
   * coordinates.
   */
  private static void rejectSimplex(RandomVariable<?> z, AbstractRandomVariable<TFloat32> q) {
    if (Supports.of(z) != Support.SIMPLEX) {
      return;
    }
    Shape event = z.eventShape();
    long k = event.numDimensions() == 0 ? -1 : event.size(event.numDimensions() - 1);
    throw new IllegalArgumentException("auto_transform cannot fit the simplex latent " + z.name() + " (" + k
        + " entries) through " + q.distributionName() + " " + q.name() + " of shape " + q.value().shape()
        + ": a K-simplex is the image of K-1 reals, so bind " + z.name()
        + " to TransformedDistribution.of(scope, MultivariateNormalDiag over K-1 entries, Bijectors.stickBreaking()),"
        + " or pass it in the list form, new KLqp(List.of(z), data), which builds that approximation");
  }

  @SuppressWarnings("unchecked")
  private static AbstractRandomVariable<TFloat32> float32(RandomVariable<?> q) {
    if (q.type() != TFloat32.class) {
      throw new IllegalArgumentException("auto_transform needs a float32 approximation, got " + q.name());
    }
    return (AbstractRandomVariable<TFloat32>) q;
  }

  private static String scopeName(String name) {
    return name.replaceAll("[^A-Za-z0-9_.\\-]", "_");
  }
}

package org.edward4j.inferences;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.AbstractRandomVariable;
import org.edward4j.models.MultivariateNormalDiag;
import org.edward4j.models.Normal;
import org.edward4j.models.PointMass;
import org.edward4j.models.Supports;
import org.edward4j.models.bijectors.Support;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The approximations Edward builds from a list of latent variables ({@code KLqp([z, beta])}, {@code
 * MAP([z])}), under a fresh top-level scope {@code posterior} with one child scope per latent.
 *
 * <p>Every free parameter lives on the unconstrained space, initialized from a standard normal as
 * Edward's {@code tf.random_normal}: KLqp gets {@code q(u) = Normal(loc, softplus(scale))} over
 * {@code u} in the unconstrained space, pushed onto the latent's support by {@link
 * Support#unconstraining()} (Edward builds the Normal on the constrained shape and relies on {@code
 * auto_transform} to push it; for a {@code K}-simplex that would give {@code K + 1} entries, so
 * here the unconstrained Normal has {@code K - 1} coordinates, a {@code MultivariateNormalDiag}).
 * MAP gets {@code PointMass(T(lambda))} with {@code T} the same map, as Edward's.
 */
final class AutomaticApproximations {

  private AutomaticApproximations() {}

  /** KLqp's: each latent to a Normal on the unconstrained space, pushed onto its support. */
  static Map<Operand<?>, Operand<?>> normals(List<? extends RandomVariable<?>> latentVars, String inference) {
    List<AbstractRandomVariable<TFloat32>> zs = checked(latentVars, inference);
    VariableScope posterior = zs.get(0).context().scope("posterior");
    Map<Operand<?>, Operand<?>> out = new LinkedHashMap<>();
    for (AbstractRandomVariable<TFloat32> z : zs) {
      Support support = Supports.of(z);
      VariableScope scope = posterior.uniqueChild(leafName(z));
      Shape shape = unconstrainedShape(z, support);
      Variable<TFloat32> loc = scope.getVariable("loc", shape, Initializers.randomNormal(0, 1));
      Variable<TFloat32> scale = scope.getVariable("scale", shape, Initializers.randomNormal(0, 1));
      Operand<TFloat32> positiveScale = scope.tf().math.softplus(scale);
      AbstractRandomVariable<TFloat32> q = support == Support.SIMPLEX
          ? MultivariateNormalDiag.of(scope, loc, positiveScale)
          : Normal.of(scope, loc, positiveScale);
      out.put(z, support == Support.REAL ? q : AutoTransform.pushForward(z.context(), q, support, scope.path()));
    }
    return out;
  }

  /** MAP's: each latent to a point mass at {@code T(lambda)}, {@code lambda} free. */
  static Map<Operand<?>, Operand<?>> pointMasses(List<? extends RandomVariable<?>> latentVars, String inference) {
    List<AbstractRandomVariable<TFloat32>> zs = checked(latentVars, inference);
    VariableScope posterior = zs.get(0).context().scope("posterior");
    Map<Operand<?>, Operand<?>> out = new LinkedHashMap<>();
    for (AbstractRandomVariable<TFloat32> z : zs) {
      Support support = Supports.of(z);
      VariableScope scope = posterior.uniqueChild(leafName(z));
      Variable<TFloat32> free = scope.getVariable("params", unconstrainedShape(z, support), Initializers.randomNormal(0, 1));
      Ops tf = scope.tf();
      out.put(z, PointMass.of(scope, support.unconstraining().forward(tf, free)));
    }
    return out;
  }

  /** Checks every latent before any op is built. */
  @SuppressWarnings("unchecked")
  private static List<AbstractRandomVariable<TFloat32>> checked(List<? extends RandomVariable<?>> latentVars, String inference) {
    Objects.requireNonNull(latentVars, "latentVars");
    if (latentVars.isEmpty()) {
      throw new IllegalArgumentException("`latentVars` must list at least one latent variable for " + inference
          + "'s automatic approximations");
    }
    ModelContext ctx = null;
    for (RandomVariable<?> z : latentVars) {
      Objects.requireNonNull(z, "`latentVars` has a null entry");
      Support support = z instanceof AbstractRandomVariable<?> a && a.dtype() == TFloat32.class ? Supports.of(z) : Support.UNKNOWN;
      if (support == Support.UNKNOWN) {
        throw new IllegalArgumentException(inference + " has no automatic approximation for the latent variable " + z.name()
            + " (" + z.distributionName() + "): its support must be continuous and known (real, positive, the unit "
            + "interval or the simplex); bind it to an approximation of your own in a map");
      }
      if (z.batchShape().hasUnknownDimension() || z.eventShape().hasUnknownDimension()) {
        throw new IllegalArgumentException(inference + " needs fully known batch and event shapes for the automatic "
            + "approximation of " + z.name() + ", got " + z.batchShape() + " and " + z.eventShape());
      }
      if (ctx != null && ctx != z.context()) {
        throw new IllegalArgumentException("`latentVars` must all belong to one context, but " + z.name() + " does not");
      }
      ctx = z.context();
    }
    ctx.checkOpen();
    if (latentVars.stream().distinct().count() != latentVars.size()) {
      throw new IllegalArgumentException("`latentVars` lists a latent variable twice");
    }
    return latentVars.stream().map(z -> (AbstractRandomVariable<TFloat32>) z).toList();
  }

  /** batch + event, the simplex's last axis one shorter. */
  private static Shape unconstrainedShape(RandomVariable<?> z, Support support) {
    Shape event = support == Support.SIMPLEX ? support.unconstraining().inverseEventShape(z.eventShape()) : z.eventShape();
    long[] b = z.batchShape().asArray();
    long[] e = event.asArray();
    long[] dims = new long[b.length + e.length];
    System.arraycopy(b, 0, dims, 0, b.length);
    System.arraycopy(e, 0, dims, b.length, e.length);
    return Shape.of(dims);
  }

  private static String leafName(RandomVariable<?> z) {
    String name = z.name();
    String leaf = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_.\\-]", "_");
    return leaf.isEmpty() || leaf.startsWith("_") || leaf.startsWith("-") ? "z" + leaf : leaf;
  }
}

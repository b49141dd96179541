package org.edward4j.inferences.montecarlo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.VariableSpec;
import org.edward4j.models.Dirichlet;
import org.edward4j.models.Empirical;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * One latent variable of a Monte Carlo inference and where its draws go: the model's random
 * variable {@code z}, its {@code Empirical} approximation, the resource variable behind the
 * Empirical's {@code params} (shape {@code [T] + z's shape}), and the support of {@code z}.
 *
 * @param latent the model's latent variable
 * @param empirical its approximation
 * @param params the variable the draws are written into
 * @param support where {@code z} lives, for the samplers that move on the reals
 */
record Posterior(RandomVariable<?> latent, Empirical empirical, Variable<TFloat32> params, Support support) {

  /** Edward's number of samples when {@code latentVars} is a list. */
  static final int DEFAULT_SAMPLES = 10_000;

  /** The number of samples {@code T} this posterior holds. */
  long capacity() {
    return params.shape().size(0);
  }

  /**
   * Checks one entry of {@code latentVars}: the key a random variable, the value an {@code
   * Empirical} of scalar sample shape over a resource variable of shape {@code [T] + z's shape}.
   *
   * @throws IllegalArgumentException naming the latent and the rule broken
   */
  static Posterior of(Operand<?> key, Operand<?> value) {
    if (!(key instanceof RandomVariable<?> z)) {
      throw new IllegalArgumentException("`latentVars` keys must be random variables of the model, got the tensor "
          + key.op().name());
    }
    if (!(value instanceof Empirical qz)) {
      throw new IllegalArgumentException("`latentVars` must bind " + z.name() + " to an Empirical (Monte Carlo writes"
          + " its draws into the Empirical's params), got " + describe(value));
    }
    if (qz.sampleShape().numDimensions() != 0) {
      throw new IllegalArgumentException("the Empirical " + qz.name() + " of " + z.name()
          + " must have a scalar sample shape, got " + qz.sampleShape());
    }
    Variable<TFloat32> params = variableOf(qz);
    Shape zShape = z.value().shape();
    Shape expected = withLeading(params.shape().size(0), zShape);
    if (zShape.isUnknown() || zShape.hasUnknownDimension()) {
      throw new IllegalArgumentException("the latent " + z.name() + " must have a fully known shape, got " + zShape);
    }
    if (!params.shape().equals(expected)) {
      throw new IllegalArgumentException("the params of " + qz.name() + " must have shape [T] + " + zShape
          + " to match the latent " + z.name() + " of shape " + zShape + ", got " + params.shape());
    }
    return new Posterior(z, qz, params, supportOf(z));
  }

  /**
   * Edward's list form: an {@code Empirical} per latent over a new variable {@code
   * posterior/params} (then {@code params_1}, ...; the scope {@code posterior_1} and on when taken)
   * of {@link #DEFAULT_SAMPLES} rows. Rows start at 0 for a latent on the reals, as Edward's zeros;
   * for a constrained one at the image of 0 under the support's map ({@code softplus(0)}, {@code
   * sigmoid(0)}, the uniform simplex point), the point Edward's transformed chain starts from.
   *
   * @throws IllegalArgumentException for a null or empty list, an element that is not a random
   *     variable, or latents of different contexts
   */
  static Map<Operand<?>, Operand<?>> empiricals(List<? extends Operand<?>> latents) {
    if (latents == null || latents.isEmpty()) {
      throw new IllegalArgumentException("`latentVars` must list at least one latent variable, got "
          + (latents == null ? "null" : "an empty list"));
    }
    ModelContext ctx = null;
    for (int i = 0; i < latents.size(); i++) {
      Operand<?> z = latents.get(i);
      if (!(z instanceof RandomVariable<?> rv)) {
        throw new IllegalArgumentException("`latentVars[" + i + "]` must be a random variable of the model, got "
            + (z == null ? "null" : "the tensor " + z.op().name()));
      }
      rv.context().checkOpen();
      if (ctx == null) {
        ctx = rv.context();
      } else if (rv.context() != ctx) {
        throw new IllegalArgumentException("every latent variable must come from one ModelContext: " + rv.name()
            + " does not belong to " + ctx);
      }
    }
    VariableScope scope = ctx.scope(unusedScope(ctx, "posterior"));
    Map<Operand<?>, Operand<?>> out = new LinkedHashMap<>();
    for (int i = 0; i < latents.size(); i++) {
      RandomVariable<?> z = (RandomVariable<?>) latents.get(i);
      Shape zShape = z.value().shape();
      if (zShape.isUnknown() || zShape.hasUnknownDimension()) {
        throw new IllegalArgumentException("the latent " + z.name() + " must have a fully known shape, got " + zShape);
      }
      Support support = supportOf(z);
      double start = switch (support) {
        case POSITIVE -> Math.log(2);
        case UNIT_INTERVAL -> 0.5;
        case SIMPLEX -> 1.0 / zShape.size(-1);
        default -> 0.0;
      };
      Variable<TFloat32> params = scope.getVariable(VariableSpec.of(i == 0 ? "params" : "params_" + i,
              withLeading(DEFAULT_SAMPLES, zShape), TFloat32.class)
          .withInitializer(start == 0 ? Initializers.zeros() : Initializers.constant(start))
          .withTrainable(false));
      out.put(z, Empirical.of(scope, params));
    }
    return out;
  }

  /** The support of a latent, from the model families edward4j knows; unknown ones are left on the reals. */
  static Support supportOf(RandomVariable<?> z) {
    if (z instanceof Dirichlet) {
      return Support.SIMPLEX;
    }
    return switch (org.edward4j.models.Supports.of(z)) {
      case POSITIVE -> Support.POSITIVE;
      case UNIT_INTERVAL -> Support.UNIT_INTERVAL;
      case SIMPLEX -> Support.SIMPLEX;
      default -> Support.REAL;
    };
  }

  /**
   * The resource variable an Empirical's {@code params} reads: the {@link Variable} itself, or the
   * variable whose read op it is.
   */
  private static Variable<TFloat32> variableOf(Empirical qz) {
    Operand<TFloat32> p = qz.params();
    if (p instanceof Variable<TFloat32> v) {
      return v;
    }
    ModelContext ctx = qz.context();
    String op = p.op().name();
    for (Variable<?> v : ctx.variables().all()) {
      if (v.op().name().equals(op) && v.dtype() == TFloat32.class) {
        @SuppressWarnings("unchecked")
        Variable<TFloat32> f = (Variable<TFloat32>) v;
        return f;
      }
    }
    throw new IllegalArgumentException("the params of " + qz.name() + " must be a variable (Monte Carlo writes its"
        + " draws into it), got the tensor " + op + ": build it as Empirical.of(scope, scope.getVariable(...))");
  }

  private static Shape withLeading(long t, Shape s) {
    long[] dims = new long[s.numDimensions() + 1];
    dims[0] = t;
    System.arraycopy(s.asArray(), 0, dims, 1, s.numDimensions());
    return Shape.of(dims);
  }

  /** {@code base}, or {@code base_1}, ... when variables exist under {@code base/}. */
  static String unusedScope(ModelContext ctx, String base) {
    String name = base;
    for (int i = 1; taken(ctx, name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  private static boolean taken(ModelContext ctx, String scope) {
    for (Variable<?> v : ctx.variables().all()) {
      if (v.name().startsWith(scope + "/")) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Operand<?> x) {
    if (x instanceof RandomVariable<?> rv) {
      return "the " + rv.distributionName() + " " + rv.name();
    }
    return "the tensor " + x.op().name();
  }

  Posterior {
    Objects.requireNonNull(latent, "latent");
    Objects.requireNonNull(empirical, "empirical");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(support, "support");
  }
}

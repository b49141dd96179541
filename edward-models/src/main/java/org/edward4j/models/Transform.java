package org.edward4j.models;

import java.util.Objects;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.bijectors.Bijector;
import org.edward4j.models.bijectors.Bijectors;
import org.edward4j.models.bijectors.Support;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code ed.transform}: a continuous random variable mapped to the unconstrained space,
 * or through a bijector of the caller's choice.
 *
 * <p>Without a bijector the map depends on the support ({@link Supports#of}): the inverse of the
 * sigmoid for the unit interval (Beta), of the softplus for positive values (Gamma), of the
 * stick-breaking map for the simplex (Dirichlet, whose {@code K} entries become {@code K - 1}
 * unconstrained ones; Edward uses a centred softmax), and no map at all for real values, where the
 * variable itself is returned. A variable whose support is unknown (discrete, or bounded by
 * tensors) is rejected, as Edward rejects a support it does not handle. With a bijector, the base's
 * support must lie in the bijector's domain.
 *
 * <pre>{@code
 * Gamma x = Gamma.of(scope, 1.0, 1.0);
 * AbstractRandomVariable<TFloat32> y = Transform.transform(x);              // log(exp(x) - 1)
 * AbstractRandomVariable<TFloat32> z = Transform.transform(x, Bijectors.exp().inverted()); // log x
 * }</pre>
 */
public final class Transform {

  private Transform() {}

  /**
   * Maps {@code x} to the unconstrained space with the bijector its support calls for.
   *
   * @param x a float32 random variable of the models package
   * @return a {@link TransformedDistribution} named {@code <x's name>_unconstrained}, or {@code x}
   *     itself when its support is already the real line
   * @throws IllegalArgumentException if {@code x} is not a float32 random variable of this package,
   *     or its support has no unconstraining map (e.g. a Poisson or a Uniform)
   */
  public static AbstractRandomVariable<TFloat32> transform(RandomVariable<?> x) {
    AbstractRandomVariable<TFloat32> base = continuous(x);
    Support support = Supports.of(base);
    if (support == Support.UNKNOWN) {
      throw new IllegalArgumentException("`x` must have a continuous support that transform handles (the unit interval, "
          + "positive values, the simplex or the real line), got " + base.distributionName() + " (" + base.name()
          + "), whose support is unknown; pass a bijector");
    }
    if (support == Support.REAL) {
      return base;
    }
    return transform(x, support.unconstraining().inverted());
  }

  /**
   * Maps {@code x} through {@code bijector}, Edward's {@code ed.transform(x, bijector)}.
   *
   * @param x a float32 random variable of the models package
   * @param bijector the map; its domain must contain {@code x}'s support
   * @return the transformed variable, named {@code <x's name>_transformed} in a fresh top-level scope
   * @throws IllegalArgumentException for a variable of another kind, or a bijector whose domain does
   *     not contain {@code x}'s support (e.g. a log on a normal), before any op is built
   */
  public static TransformedDistribution transform(RandomVariable<?> x, Bijector bijector) {
    AbstractRandomVariable<TFloat32> base = continuous(x);
    Objects.requireNonNull(bijector, "bijector");
    Support support = Supports.of(base);
    if (!support.fitsIn(bijector.domain())) {
      throw new IllegalArgumentException("`bijector` " + bijector.name() + " must accept the support of `x`: its domain is "
          + bijector.domain() + ", but " + base.distributionName() + " (" + base.name() + ") takes " + support + " values");
    }
    VariableScope scope = base.context().scope(scopeName(base.name()));
    return TransformedDistribution.builder(scope).distribution(base).bijector(bijector).build();
  }

  @SuppressWarnings("unchecked")
  private static AbstractRandomVariable<TFloat32> continuous(RandomVariable<?> x) {
    Objects.requireNonNull(x, "x");
    if (!(x instanceof AbstractRandomVariable<?> rv) || rv.dtype() != TFloat32.class) {
      throw new IllegalArgumentException("`x` must be a float32 random variable of org.edward4j.models, got " + x.name()
          + " (" + x.distributionName() + ")");
    }
    return (AbstractRandomVariable<TFloat32>) rv;
  }

  /** {@code model/z} becomes {@code model_z_transformed}: a scope name may not hold slashes. */
  private static String scopeName(String name) {
    return name.replaceAll("[^A-Za-z0-9_.\\-]", "_") + "_transformed";
  }
}

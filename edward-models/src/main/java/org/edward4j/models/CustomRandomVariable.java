package org.edward4j.models;

import java.util.Map;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A variable of a user-defined {@link CustomFamily}: the family's log density and sampler under the
 * base's checks, names and seeds. Build one with {@code family.builder(scope)}.
 *
 * <pre>{@code
 * CustomRandomVariable x = laplace.builder(scope).set("loc", 0.0).set("scale", 2.0).build();
 * Operand<TFloat32> lp = x.logProb(x);
 * }</pre>
 */
public final class CustomRandomVariable extends AbstractRandomVariable<TFloat32> {

  /** The family while the constructor runs: the value is drawn inside {@code super(...)}. */
  private static final ThreadLocal<CustomFamily> CONSTRUCTING = new ThreadLocal<>();

  private CustomFamily family;

  private CustomRandomVariable(Parts<TFloat32> parts, CustomFamily family) {
    super(stash(parts, family));
    this.family = family;
    CONSTRUCTING.remove();
  }

  private static Parts<TFloat32> stash(Parts<TFloat32> parts, CustomFamily family) {
    CONSTRUCTING.set(family);
    return parts;
  }

  /**
   * The family this variable belongs to.
   *
   * @return its definition
   */
  public CustomFamily family() {
    return family != null ? family : CONSTRUCTING.get();
  }

  /** As the family's definition says. */
  @Override
  public boolean isReparameterized() {
    return family().reparameterized();
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    var draws = new CustomFamily.Draws(tf, drawShape(tf, sampleShape), parameters(), () -> nextSeedTensor(tf));
    return family().sampler().sample(draws);
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    return family().logDensity().apply(tf, x, parameters());
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    if (family().mean() == null) {
      throw unsupported("mean");
    }
    return broadcastToBatchEvent(tf, family().mean().apply(tf, parameters()));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return new Builder(scope, family());
  }

  /** Builds a {@link CustomRandomVariable}: every parameter of the family is required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, CustomRandomVariable, Builder> {

    private final CustomFamily family;

    Builder(VariableScope scope, CustomFamily family) {
      super(scope, family.name(), TFloat32.class);
      this.family = family;
    }

    /**
     * Sets a parameter to a float32 tensor of this context's graph.
     *
     * @param parameterName one of the family's parameter names
     * @param value checked against the parameter's constraint when a small constant
     * @return this builder
     * @throws IllegalArgumentException for an unknown name or a bad value
     */
    public Builder set(String parameterName, Operand<TFloat32> value) {
      return parameter(parameterName, value);
    }

    /**
     * Sets a parameter to a number.
     *
     * @param parameterName one of the family's parameter names
     * @param value checked against the parameter's constraint
     * @return this builder
     * @throws IllegalArgumentException for an unknown name or a bad value
     */
    public Builder set(String parameterName, double value) {
      return parameter(parameterName, value);
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return family.constraints();
    }

    @Override
    protected CustomRandomVariable create(Parts<TFloat32> parts) {
      return new CustomRandomVariable(parts, family);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}

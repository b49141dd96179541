package org.edward4j.models.bijectors;

/**
 * Where values live: the domains and codomains of bijectors and the supports of random variables,
 * so that {@code TransformedDistribution} can reject a mismatch at build time and an inference can
 * pick the bijector that maps the real line onto a constrained latent ({@link #unconstraining()};
 * Edward's and Stan's {@code auto_transform}). A random variable's support comes from {@code
 * org.edward4j.models.Supports.of}, beside the families, so that bijectors know nothing of them.
 */
public enum Support {
  /** Every real number (per coordinate). */
  REAL,
  /** {@code (0, inf)}. */
  POSITIVE,
  /** {@code (0, 1)}. */
  UNIT_INTERVAL,
  /** Vectors of positive entries summing to 1 over the last axis. */
  SIMPLEX,
  /** Not known to this enum (a user family, a discrete one, a bounded one with tensor bounds). */
  UNKNOWN;

  /**
   * Whether values of this support are valid inputs of a map whose domain is {@code domain}.
   *
   * @param domain a bijector's domain
   * @return {@code true} when this support lies inside it, or either is unknown
   */
  public boolean fitsIn(Support domain) {
    if (this == UNKNOWN || domain == UNKNOWN || this == domain) {
      return true;
    }
    return domain == REAL && this != SIMPLEX;
  }

  /**
   * The bijector from an unconstrained space onto this support ({@code Softplus} for positive
   * values, {@code Sigmoid} for the unit interval, {@code StickBreaking} for the simplex, the
   * identity for real values), as Edward's {@code transform} and {@code auto_transform} use to fit
   * constrained latents on the real line: the inverse maps a constrained value to the
   * unconstrained space. Edward uses the softplus for positive values and a centred softmax for the
   * simplex; the stick-breaking map is used here instead of the latter (both are bijections from
   * {@code R^(K-1)}, and both map 0 to the uniform vector).
   *
   * @return the bijector whose codomain is this support
   * @throws UnsupportedOperationException for {@link #UNKNOWN}
   */
  public Bijector unconstraining() {
    return switch (this) {
      case REAL -> Bijectors.identity();
      case POSITIVE -> Bijectors.softplus();
      case UNIT_INTERVAL -> Bijectors.sigmoid();
      case SIMPLEX -> Bijectors.stickBreaking();
      case UNKNOWN -> throw new UnsupportedOperationException("no bijector onto an unknown support");
    };
  }
}

package org.edward4j.models.conjugacy;

/**
 * Thrown by {@link Conjugacy#completeConditional} when a latent's complete conditional is not in a
 * family it can recognize (Edward raises {@code NotImplementedError}); the message names the
 * variable and the child or parameter that broke conjugacy, e.g. "child x (Normal)'s loc depends on
 * it through Tanh; conjugacy needs loc = a * z + b".
 */
public final class NoConjugateFormException extends UnsupportedOperationException {

  private static final long serialVersionUID = 1L;

  /** The latent's name. */
  private final String variable;

  /**
   * A refusal for one latent.
   *
   * @param variable the latent's name
   * @param reason why no conjugate form was found
   */
  public NoConjugateFormException(String variable, String reason) {
    super("no conjugate complete conditional for " + variable + ": " + reason);
    this.variable = variable;
  }

  /**
   * The latent whose conditional was asked for.
   *
   * @return its name, e.g. {@code model/Normal_1}
   */
  public String variable() {
    return variable;
  }
}

package org.edward4j.inferences;

/**
 * A loss became NaN or infinite while {@code debug} checks were on: training stopped at that
 * iteration, naming the tensor. The check gates the update, so an optimizer step whose loss is not
 * finite writes no variable and does not advance {@code t}: the weights stay as they were before
 * the failing call.
 */
public final class NonFiniteLossException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** The loss's key, e.g. {@code "loss_d"}. */
  private final String tensor;

  /** The iteration that produced the bad value. */
  private final long iteration;

  /**
   * Creates the exception.
   *
   * @param tensor the loss's key, e.g. {@code "loss_d"}
   * @param iteration the iteration that produced it
   * @param cause TensorFlow's numeric check failure
   */
  public NonFiniteLossException(String tensor, long iteration, Throwable cause) {
    super("NaN or Inf in `" + tensor + "` at iteration " + iteration + ": " + cause.getMessage(), cause);
    this.tensor = tensor;
    this.iteration = iteration;
  }

  /**
   * The loss's key.
   *
   * @return the loss's key
   */
  public String tensor() {
    return tensor;
  }

  /**
   * The iteration that produced the bad value.
   *
   * @return the iteration that produced the bad value
   */
  public long iteration() {
    return iteration;
  }
}

package org.edward4j.inferences;

/**
 * A loss or one of its gradients became NaN or infinite while {@code debug} checks were on:
 * training stopped at that iteration, naming the tensor and the first op that produced a
 * non-finite value. The check gates the update, so an optimizer step whose loss is not
 * finite writes no variable and does not advance {@code t}: the weights stay as they were before
 * the failing call.
 */
public final class NonFiniteLossException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** The loss's key, e.g. {@code "loss_d"}. */
  private final String tensor;

  /** The iteration that produced the bad value. */
  private final long iteration;

  /** The first op found to produce a non-finite value, or an empty string. */
  private final String origin;

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
    this.origin = "";
  }

  /**
   * Creates the exception for a tripped check of a loss or of one of its gradients.
   *
   * @param tensor the loss's key, e.g. {@code "loss_d"}
   * @param what what was checked, e.g. {@code "the gradient of `loss` for Disc/dense/kernel"}
   * @param iteration the iteration that produced it
   * @param origin the first op found to produce a non-finite value, as {@code "op NAME (TYPE)..."}
   * @param cause TensorFlow's numeric check failure
   */
  public NonFiniteLossException(String tensor, String what, long iteration, String origin, Throwable cause) {
    super("NaN or Inf in " + what + " at iteration " + iteration + "; first non-finite value from " + origin
        + "; the update was not applied", cause);
    this.tensor = tensor;
    this.iteration = iteration;
    this.origin = origin;
  }

  /**
   * Where the first non-finite value came from, found by computing the failed step again.
   *
   * @return e.g. {@code "op model/log_prob/Log (Log)"}; empty when not searched
   */
  public String origin() {
    return origin;
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

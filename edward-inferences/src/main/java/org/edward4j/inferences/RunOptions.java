package org.edward4j.inferences;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The options of Edward's base {@code Inference.initialize} that every family takes: how {@code
 * run()} iterates, reports and logs.
 *
 * <p>{@code nIter} and {@code nPrint} may be left to the family's default: {@code nIter} is 1000
 * (a Monte Carlo family uses its number of samples {@code T}) and {@code nPrint} is {@code nIter /
 * 100}; {@link Inference#nIter()} and {@link Inference#nPrint()} give the values in force. Edward's
 * {@code scale} belongs to the families that weigh log-densities ({@link VariationalOptions},
 * {@link MonteCarloOptions}), not here, so the GAN family does not offer it.
 *
 * @param nIter iterations {@code run()} performs, at least 1; empty for the family's default
 * @param nPrint iterations between progress reports and TensorBoard summaries, at least 0 (0:
 *     none); empty for {@code nIter / 100}
 * @param logdir where TensorBoard event files go; empty for no logging
 * @param logTimestamp whether to log into a {@code YYYYMMDD_HHMMSS} subdirectory of {@code logdir}
 * @param debug whether every loss is checked for NaN and Inf before the update is applied
 * @param initializeVariables whether {@code run()} first resets every variable, as Edward's does
 * @param progressOutput where progress is printed
 */
public record RunOptions(
    OptionalInt nIter,
    OptionalInt nPrint,
    Optional<Path> logdir,
    boolean logTimestamp,
    boolean debug,
    boolean initializeVariables,
    PrintStream progressOutput) {

  /** The default number of iterations, Edward's {@code n_iter=1000}. */
  public static final int DEFAULT_N_ITER = 1000;

  /**
   * Checks every value.
   *
   * @throws IllegalArgumentException for {@code nIter < 1} or {@code nPrint < 0}
   * @throws NullPointerException for a null component
   */
  public RunOptions {
    Objects.requireNonNull(nIter, "nIter");
    Objects.requireNonNull(nPrint, "nPrint");
    Objects.requireNonNull(logdir, "logdir");
    Objects.requireNonNull(progressOutput, "progressOutput");
    nIter.ifPresent(n -> atLeast(n, 1, "nIter"));
    nPrint.ifPresent(n -> atLeast(n, 0, "nPrint"));
  }

  /**
   * Edward's defaults: the family's {@code nIter}, {@code nPrint = nIter / 100}, no logging,
   * timestamped log directories, no debug checks, variables reset by {@code run()}, progress to
   * standard output.
   *
   * @return the defaults
   */
  public static RunOptions defaults() {
    return new RunOptions(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), true, false, true, System.out);
  }

  /**
   * The number of iterations, or {@code familyDefault} when not set.
   *
   * @param familyDefault the family's default, at least 1
   * @return the number of iterations
   */
  public int nIterOr(int familyDefault) {
    return nIter.orElse(familyDefault);
  }

  /**
   * The iterations between reports for a run of {@code nIter} iterations.
   *
   * @param nIter the iterations in force
   * @return {@code nPrint}, or {@code nIter / 100} when not set
   */
  public int nPrintFor(int nIter) {
    return nPrint.orElse(nIter / 100);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("RunOptions(");
    s.append("nIter=").append(nIter.isPresent() ? String.valueOf(nIter.getAsInt()) : "default");
    s.append(", nPrint=").append(nPrint.isPresent() ? String.valueOf(nPrint.getAsInt()) : "nIter/100");
    logdir.ifPresent(d -> s.append(", logdir=").append(d).append(", logTimestamp=").append(logTimestamp));
    if (debug) {
      s.append(", debug");
    }
    if (!initializeVariables) {
      s.append(", initializeVariables=false");
    }
    return s.append(')').toString();
  }

  static int atLeast(int value, int min, String name) {
    if (value < min) {
      throw new IllegalArgumentException("`" + name + "` must be >= " + min + ", got " + value);
    }
    return value;
  }

  static double finiteAtLeast(double value, double min, boolean strict, String name) {
    if (!Double.isFinite(value) || (strict ? !(value > min) : !(value >= min))) {
      throw new IllegalArgumentException(
          "`" + name + "` must be " + (strict ? "> " : ">= ") + min + " and finite, got " + value);
    }
    return value;
  }

  /**
   * The setters of {@link RunOptions}, inherited by every family's builder.
   *
   * @param <B> the concrete builder, returned by each setter
   */
  public abstract static class AbstractBuilder<B extends AbstractBuilder<B>> {
    private Integer nIter;
    private Integer nPrint;
    private Path logdir;
    private boolean logTimestamp = true;
    private boolean debug;
    private boolean initializeVariables = true;
    private PrintStream progressOutput = System.out;

    /** For subclasses. */
    protected AbstractBuilder() {}

    /**
     * This builder, as its concrete type.
     *
     * @return this
     */
    protected abstract B self();

    /**
     * Iterations {@code run()} performs, and the progress bar's target.
     *
     * @param nIter at least 1
     * @return this
     */
    public B nIter(int nIter) {
      this.nIter = atLeast(nIter, 1, "nIter");
      return self();
    }

    /**
     * Iterations between progress reports and TensorBoard summaries; 0 disables both.
     *
     * @param nPrint at least 0
     * @return this
     */
    public B nPrint(int nPrint) {
      this.nPrint = atLeast(nPrint, 0, "nPrint");
      return self();
    }

    /**
     * Writes TensorBoard event files to this directory (in a timestamped subdirectory unless
     * {@link #logTimestamp(boolean)} is false).
     *
     * @param logdir the directory
     * @return this
     */
    public B logdir(Path logdir) {
      this.logdir = Objects.requireNonNull(logdir, "logdir");
      return self();
    }

    /**
     * Whether to log into a {@code YYYYMMDD_HHMMSS} subdirectory of the log directory; default
     * true, as in Edward.
     *
     * @param logTimestamp the flag
     * @return this
     */
    public B logTimestamp(boolean logTimestamp) {
      this.logTimestamp = logTimestamp;
      return self();
    }

    /**
     * Checks every loss for NaN and Inf before the update is applied; a bad value stops training
     * with a {@link NonFiniteLossException} naming the tensor and the iteration, and leaves the
     * optimizer's variables and {@code t} as they were. Costs one {@code CheckNumerics} per loss,
     * and a one-sided update of a two-sided inference also computes the other side's loss.
     *
     * @param debug the flag
     * @return this
     */
    public B debug(boolean debug) {
      this.debug = debug;
      return self();
    }

    /**
     * Whether {@code run()} first resets every variable to its initial value, as Edward's {@code
     * run} does; default true.
     *
     * @param initializeVariables the flag
     * @return this
     */
    public B initializeVariables(boolean initializeVariables) {
      this.initializeVariables = initializeVariables;
      return self();
    }

    /**
     * Where progress is printed; default standard output.
     *
     * @param out the stream
     * @return this
     */
    public B progressOutput(PrintStream out) {
      this.progressOutput = Objects.requireNonNull(out, "progressOutput");
      return self();
    }

    /**
     * The run part set so far.
     *
     * @return the run part
     */
    protected final RunOptions runOptions() {
      return new RunOptions(
          nIter == null ? OptionalInt.empty() : OptionalInt.of(nIter),
          nPrint == null ? OptionalInt.empty() : OptionalInt.of(nPrint),
          Optional.ofNullable(logdir), logTimestamp, debug, initializeVariables, progressOutput);
    }
  }
}

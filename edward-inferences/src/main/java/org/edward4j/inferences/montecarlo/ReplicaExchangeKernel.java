package org.edward4j.inferences.montecarlo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.edward4j.core.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Replica exchange Monte Carlo (parallel tempering), one transition of every replica built in the
 * graph (R. H. Swendsen and J.-S. Wang, Phys. Rev. Lett. 57, 1986; K. Hukushima and K. Nemoto, J.
 * Phys. Soc. Japan 65, 1996), as Edward 1.3.5's {@code ReplicaExchangeMC}.
 *
 * <p>Replica {@code i} targets {@code p(x, z)^beta_i} with {@code beta_0 = 1 > beta_1 > ...}: each
 * takes a Metropolis-Hastings step, then with probability {@code exchangeFreq} adjacent pairs
 * {@code (i, i+1)}, starting at a random {@code i} in {0, 1} and stepping by two (so the pairs are
 * disjoint), swap states with probability {@code min(1, exp((beta_i - beta_{i+1}) (log p(z_{i+1}) -
 * log p(z_i))))}. Replica 0 samples the posterior; hot replicas cross between modes and hand their
 * states down.
 *
 * <p>The tempered acceptance ratio is {@code beta (log p(x, z') - log p(x, z)) + log g(z | z') - log
 * g(z' | z)}. Edward's code multiplies the proposal terms by {@code beta} too, which leaves {@code
 * p^beta} invariant only for symmetric proposals; this kernel tempers the target alone, which is
 * the same for symmetric proposals and correct for the others.
 *
 * <pre>{@code
 * ReplicaExchangeKernel rex = ReplicaExchangeKernel.builder()
 *     .inverseTemperatures(1.0, 0.3, 0.1, 0.03, 0.01).exchangeFreq(0.1).build();
 * List<KernelStep> steps = rex.step(ctx, tf, logJoint, replicas,
 *     current -> RandomWalkProposal.normal(ctx, tf, current, 1.0));
 * }</pre>
 */
public final class ReplicaExchangeKernel {

  private final double[] inverseTemperatures;
  private final double exchangeFreq;

  private ReplicaExchangeKernel(Builder b) {
    this.inverseTemperatures = b.inverseTemperatures.clone();
    this.exchangeFreq = b.exchangeFreq;
  }

  /**
   * A builder with Edward's defaults: inverse temperatures {@code logspace(0, -2, 5)} and exchange
   * frequency 0.1.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The inverse temperature of each replica.
   *
   * @return a copy; the first is 1
   */
  public double[] inverseTemperatures() {
    return inverseTemperatures.clone();
  }

  /**
   * How often an exchange is attempted.
   *
   * @return a probability per transition
   */
  public double exchangeFreq() {
    return exchangeFreq;
  }

  /**
   * Builds one transition of every replica: a tempered Metropolis-Hastings step each, then the
   * exchange.
   *
   * @param ctx the context whose graph holds the states; its random step keys the draws
   * @param tf where to build the ops
   * @param logJoint the (untempered) log joint density
   * @param replicas the current state of each replica, one list per inverse temperature, all of
   *     the same shapes
   * @param proposal builds each replica's proposal from its state
   * @return one step per replica, in order: the state after the exchange, and the replica's own
   *     Metropolis-Hastings accept flag and log ratio (Edward counts replica 0's acceptances)
   * @throws IllegalArgumentException if the number of replicas differs from the number of
   *     temperatures, or a state is empty or mismatched
   */
  public List<KernelStep> step(
      ModelContext ctx, Ops tf, LogJoint logJoint, List<List<Operand<TFloat32>>> replicas, ProposalFunction proposal) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(tf, "tf");
    Objects.requireNonNull(logJoint, "logJoint");
    Objects.requireNonNull(proposal, "proposal");
    int n = inverseTemperatures.length;
    if (replicas == null || replicas.size() != n) {
      throw new IllegalArgumentException("`replicas` must hold " + n + " states, one per inverse temperature, got "
          + (replicas == null ? "null" : replicas.size()));
    }
    for (int i = 0; i < n; i++) {
      ChainState.check(ctx, "replicas[" + i + "]", replicas.get(i));
      ChainState.checkMatches("replicas[" + i + "]", replicas.get(i), replicas.get(0));
    }
    List<List<Operand<TFloat32>>> states = new ArrayList<>();
    List<Operand<TFloat32>> logP = new ArrayList<>();
    List<Operand<TBool>> accepts = new ArrayList<>();
    List<Operand<TFloat32>> ratios = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Operand<TFloat32>> current = replicas.get(i);
      Proposal g = Objects.requireNonNull(proposal.at(current), "proposal returned null");
      ChainState.checkMatches("proposal.proposed", g.proposed(), current);
      Operand<TFloat32> logOld = LogJointGradient.evaluate(logJoint, current);
      Operand<TFloat32> logNew = LogJointGradient.evaluate(logJoint, g.proposed());
      Operand<TFloat32> beta = tf.constant((float) inverseTemperatures[i]);
      Operand<TFloat32> logRatio = tf.math.add(tf.math.mul(beta, tf.math.sub(logNew, logOld)),
          tf.math.sub(g.logBackward(), g.logForward()));
      Operand<TBool> accepted = MetropolisCorrection.accept(ctx, tf, logRatio);
      states.add(MetropolisCorrection.select(tf, accepted, g.proposed(), current));
      logP.add(tf.select(accepted, logNew, logOld));
      accepts.add(accepted);
      ratios.add(logRatio);
    }
    List<List<Operand<TFloat32>>> exchanged = exchange(ctx, tf, states, logP);
    List<KernelStep> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new KernelStep(exchanged.get(i), accepts.get(i), ratios.get(i), List.of()));
    }
    return out;
  }

  /** Swaps adjacent replicas of one parity, each pair by its own Metropolis test. */
  private List<List<Operand<TFloat32>>> exchange(
      ModelContext ctx, Ops tf, List<List<Operand<TFloat32>>> states, List<Operand<TFloat32>> logP) {
    int n = states.size();
    if (n == 1) {
      return states;
    }
    Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.constant(new int[0]), ctx.statelessSeed(tf, ctx.nextOpSeed()));
    Operand<TBool> attempt = tf.math.less(u, tf.constant((float) exchangeFreq));
    Operand<TInt32> parity = tf.random.statelessRandomUniformInt(
        tf.constant(new int[0]), ctx.statelessSeed(tf, ctx.nextOpSeed()), tf.constant(0), tf.constant(2));
    List<Operand<TBool>> swap = new ArrayList<>();
    for (int i = 0; i + 1 < n; i++) {
      Operand<TFloat32> dBeta = tf.constant((float) (inverseTemperatures[i] - inverseTemperatures[i + 1]));
      Operand<TFloat32> logRatio = tf.math.mul(dBeta, tf.math.sub(logP.get(i + 1), logP.get(i)));
      Operand<TBool> pass = MetropolisCorrection.accept(ctx, tf, logRatio);
      Operand<TBool> mine = tf.math.equal(parity, tf.constant(i % 2));
      swap.add(tf.math.logicalAnd(attempt, tf.math.logicalAnd(mine, pass)));
    }
    List<List<Operand<TFloat32>>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Operand<TFloat32>> next = states.get(i);
      // Pairs (i-1, i) and (i, i+1) have different parities, so at most one swap touches replica i.
      if (i + 1 < n) {
        next = MetropolisCorrection.select(tf, swap.get(i), states.get(i + 1), next);
      }
      if (i > 0) {
        next = MetropolisCorrection.select(tf, swap.get(i - 1), states.get(i - 1), next);
      }
      out.add(next);
    }
    return out;
  }

  @Override
  public String toString() {
    return "ReplicaExchangeKernel(inverseTemperatures=" + Arrays.toString(inverseTemperatures)
        + ", exchangeFreq=" + exchangeFreq + ")";
  }

  /** Builds a {@link ReplicaExchangeKernel}. */
  public static final class Builder {

    private double[] inverseTemperatures = {1.0, Math.pow(10, -0.5), 0.1, Math.pow(10, -1.5), 0.01};
    private double exchangeFreq = 0.1;

    private Builder() {}

    /**
     * The inverse temperature of each replica (Edward's {@code inverse_temperatures}).
     *
     * @param betas at least one, the first exactly 1, each in {@code (0, 1]}; default {@code
     *     logspace(0, -2, 5)}
     * @return this builder
     * @throws IllegalArgumentException if empty, the first is not 1, or one is out of range
     */
    public Builder inverseTemperatures(double... betas) {
      if (betas == null || betas.length == 0) {
        throw new IllegalArgumentException("`inverseTemperatures` must hold at least one value");
      }
      if (betas[0] != 1.0) {
        throw new IllegalArgumentException("`inverseTemperatures[0]` must be 1, got " + betas[0]);
      }
      for (int i = 0; i < betas.length; i++) {
        if (!(betas[i] > 0 && betas[i] <= 1)) {
          throw new IllegalArgumentException("`inverseTemperatures[" + i + "]` must be in (0, 1], got " + betas[i]);
        }
      }
      this.inverseTemperatures = betas.clone();
      return this;
    }

    /**
     * The probability of attempting an exchange at each transition (Edward's {@code exchange_freq}).
     *
     * @param exchangeFreq in {@code [0, 1]}; default 0.1
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder exchangeFreq(double exchangeFreq) {
      if (!(exchangeFreq >= 0 && exchangeFreq <= 1)) {
        throw new IllegalArgumentException("`exchangeFreq` must be in [0, 1], got " + exchangeFreq);
      }
      this.exchangeFreq = exchangeFreq;
      return this;
    }

    /**
     * Builds the kernel.
     *
     * @return the kernel
     */
    public ReplicaExchangeKernel build() {
      return new ReplicaExchangeKernel(this);
    }
  }
}

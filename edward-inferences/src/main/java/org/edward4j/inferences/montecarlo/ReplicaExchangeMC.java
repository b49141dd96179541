package org.edward4j.inferences.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * Replica exchange Monte Carlo (parallel tempering), Edward 1.3.5's {@code ed.ReplicaExchangeMC}
 * (R. H. Swendsen and J.-S. Wang, 1986; K. Hukushima and K. Nemoto, 1996): one chain per inverse
 * temperature {@code beta_0 = 1 > beta_1 > ...}, replica {@code i} targeting {@code p(x,
 * z)^beta_i}. Each draw takes a Metropolis-Hastings step in every replica with the proposal random
 * variables (as {@link MetropolisHastings}), then, with probability {@code exchangeFreq}, tries to
 * swap adjacent replicas ({@link ReplicaExchangeKernel}); everything in one {@code Session.run}.
 * Hot replicas cross between modes and hand their states down to replica 0, whose draws fill the
 * user's {@code Empirical}s; the others live in hidden variables {@code <inference>/chain_i/...}
 * and start from the user's row 0. {@code accept_rate} counts replica 0's Metropolis-Hastings
 * acceptances, as Edward.
 *
 * <p>Edward multiplies the proposal densities by {@code beta} too; this tempers the target alone,
 * which is the same for symmetric proposals and correct for the others (see {@link
 * ReplicaExchangeKernel}).
 *
 * <pre>{@code
 * ReplicaExchangeMC rex = new ReplicaExchangeMC(Map.of(z, qz), Map.of(z, proposalZ), Map.of());
 * rex.run(ReplicaExchangeOptions.builder().inverseTemperatures(1.0, 0.3, 0.1, 0.03).nPrint(0).build());
 * }</pre>
 */
public class ReplicaExchangeMC extends ProposalMonteCarlo<ReplicaExchangeOptions> {

  /**
   * Creates the inference; nothing is built until {@code initialize}.
   *
   * @param latentVars each latent variable to its {@code Empirical} (replica 0's draws)
   * @param proposalVars each latent variable to its proposal {@code g(z' | z)}
   * @param data each observed variable to its data; may be empty for a target without data
   * @throws IllegalArgumentException as {@link MetropolisHastings#MetropolisHastings(Map, Map, Map)}
   */
  public ReplicaExchangeMC(
      Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> proposalVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, proposalVars, data);
  }

  /**
   * Edward's list form: each latent gets an {@code Empirical} of 10,000 draws.
   *
   * @param latentVars the latent variables
   * @param proposalVars each latent variable to its proposal
   * @param data each observed variable to its data
   * @throws IllegalArgumentException as {@link #ReplicaExchangeMC(Map, Map, Map)}
   */
  public ReplicaExchangeMC(
      List<? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> proposalVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, proposalVars, data);
  }

  @Override
  protected ReplicaExchangeOptions defaultOptions() {
    return ReplicaExchangeOptions.defaults();
  }

  @Override
  protected int chains(ReplicaExchangeOptions options) {
    return options.inverseTemperatures().size();
  }

  @Override
  protected KernelStep buildStep(ReplicaExchangeOptions options, Chain chain) {
    int n = options.inverseTemperatures().size();
    int k = latentVariables().size();
    List<List<Operand<TFloat32>>> replicas = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      replicas.add(chain.current().subList(i * k, (i + 1) * k));
    }
    List<KernelStep> steps = options.kernel().step(context(), chain.tf(), chain.logJoint(), replicas,
        current -> proposalAt(chain, current));
    List<Operand<TFloat32>> next = new ArrayList<>();
    List<Op> updates = new ArrayList<>();
    for (KernelStep s : steps) {
      next.addAll(s.state());
      updates.addAll(s.updates());
    }
    return new KernelStep(next, steps.get(0).accepted(), steps.get(0).logAcceptRatio(), updates);
  }
}

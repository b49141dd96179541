package org.edward4j.spark.jobs;

import java.io.Serializable;
import org.edward4j.core.ModelContext;

/**
 * Builds one MCMC chain in a context the caller owns: the model, its {@code Empirical}
 * approximations and a Monte Carlo inference ({@code HMC}, {@code MetropolisHastings}, {@code
 * Gibbs}, ...), not yet initialized. {@link ParallelChains} runs it once per chain, each on its own
 * Spark task, in a context seeded with {@code seed + chain}.
 *
 * <p>It is serialized on the driver and run on executors: capture only serializable values
 * (sizes, data as arrays, settings), never a context, graph or tensor. Use {@code chain} to
 * disperse the starting points (row 0 of each {@code Empirical}'s {@code params}), so that R-hat
 * can see chains that have not met. It must not close the context.
 *
 * <pre>{@code
 * ChainModel model = new NormalNormalChains(50, 0.5, 7L, 1000, 0.1, 5, 2.0);   // a record: serializable
 * try (ModelContext ctx = ModelContext.withSeed(1)) {
 *   ChainSetup<?> setup = model.build(ctx, 0);
 *   System.out.println(setup.draws().keySet());   // [mu]
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ChainModel extends Serializable {

  /**
   * Builds chain {@code chain}'s model and inference in {@code ctx}.
   *
   * @param ctx a fresh, open context seeded with the job's seed plus {@code chain}
   * @param chain the chain's index, from 0
   * @return the inference, its options and the draws to bring back
   */
  ChainSetup<?> build(ModelContext ctx, int chain);
}

package org.edward4j.spark;

import java.io.Serializable;

/**
 * What every task of one round needs to know besides the model and the broadcast state.
 *
 * @param round the number of rounds done before this one; batches {@code round * k} to {@code
 *     round * k + k - 1} of each partition are trained in it
 * @param updatesPerRound k
 * @param batchSize examples per minibatch
 * @param shuffle whether partitions are shuffled each epoch
 * @param seed the job's seed
 * @param averageOptimizerState whether the optimizer's state is part of the averaged layout
 */
record RoundPlan(long round, int updatesPerRound, int batchSize, boolean shuffle, long seed,
    boolean averageOptimizerState) implements Serializable {

  static RoundPlan of(AveragingOptions options, long round) {
    return new RoundPlan(round, options.updatesPerRound(), options.batchSize(), options.shuffle(), options.seed(),
        options.averageOptimizerState());
  }
}

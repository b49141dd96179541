/**
 * Embarrassingly parallel jobs on Apache Spark: work whose pieces need no communication, each a
 * Spark task with its own local TensorFlow session, the driver combining Java arrays.
 *
 * <ul>
 *   <li>{@link org.edward4j.spark.jobs.ParallelChains}: one MCMC chain per task, then the split
 *       R-hat and the effective sample size across chains on the driver;
 *   <li>{@link org.edward4j.spark.jobs.ImportanceNll}: importance-sampled test negative
 *       log-likelihood over a large test set, partition by partition;
 *   <li>{@link org.edward4j.spark.jobs.LatentInversion}: a trained generator inverted with {@code
 *       LatentGanEstimator}, one estimator per partition, codes and errors back as rows or files;
 *   <li>{@link org.edward4j.spark.jobs.HyperparameterSweep}: one configuration per task, results
 *       as a table.
 * </ul>
 *
 * <p>Every task builds its model in a fresh {@code ModelContext} and closes it before returning
 * (nothing native outlives a task); randomness is a function of the job's seed and of the row's
 * or chain's global index, never of the partitioning, so a partitioned run equals a single
 * process run over the same rows. Options are typed records checked on the driver before any
 * Spark job. docs/DISTRIBUTED.md, "Embarrassingly parallel jobs", has the figures.
 */
package org.edward4j.spark.jobs;

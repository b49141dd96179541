/**
 * Data-parallel training on Apache Spark with synchronous parameter averaging (DL4J's parameter
 * averaging training master, on TensorFlow Java's public API only).
 *
 * <p>A serializable {@link org.edward4j.spark.ModelFunction} builds the model in a fresh {@link
 * org.edward4j.core.ModelContext} and returns a {@link org.edward4j.spark.TrainingReplica}. {@link
 * org.edward4j.spark.ParameterAveraging} broadcasts the driver's parameters, lets every partition
 * train its own minibatches for {@code k} updates in a local session, averages the weights (and,
 * as an option, the optimizer's slots) with {@code treeAggregate}, keeps the average as plain
 * float arrays ({@link org.edward4j.spark.ParameterState}) and writes a TensorFlow checkpoint per
 * round, from which a failed job resumes. {@link org.edward4j.spark.InferenceReplica} is the one
 * adapter from edward4j's {@code Inference}; {@link org.edward4j.spark.SparkGan} is the tutorial
 * GAN as a Spark job. docs/DISTRIBUTED.md says how it works and when it pays.
 */
package org.edward4j.spark;

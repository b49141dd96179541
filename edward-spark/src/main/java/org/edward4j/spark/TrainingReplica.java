package org.edward4j.spark;

import java.util.List;
import java.util.Map;
import org.edward4j.core.Variable;

/**
 * One copy of the model being trained, built by a {@link ModelFunction} in one context: what a
 * Spark task needs to train it on its partition and hand its weights back.
 *
 * <p>{@link InferenceReplica} adapts any edward4j {@code Inference}; implement this directly for a
 * hand-written training loop. Every variable listed must be float32 and belong to the context the
 * replica was built in; the two lists must not overlap.
 */
public interface TrainingReplica extends AutoCloseable {

  /**
   * One training update on a minibatch, e.g. one {@code Inference.update}.
   *
   * @param batch the minibatch, {@code batchSize} rows of the data's width
   * @return the losses of this update by name (such as Edward's {@code "loss"} and {@code
   *     "loss_d"}); averaged over updates and partitions in each round's report
   */
  Map<String, Double> update(Minibatch batch);

  /**
   * The model's parameters: averaged across replicas after every round.
   *
   * @return float32 variables in a fixed order, at least one
   */
  List<Variable<?>> parameters();

  /**
   * The optimizer's state (slots, beta powers): averaged too when the options ask for it, and
   * otherwise started afresh in every round.
   *
   * @return float32 variables in a fixed order; may be empty (plain gradient descent)
   */
  List<Variable<?>> optimizerState();

  /** Releases what the replica owns beyond its context (feed buffers, writers); safe to call twice. */
  @Override
  void close();
}

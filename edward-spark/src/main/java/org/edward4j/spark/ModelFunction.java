package org.edward4j.spark;

import java.io.Serializable;
import org.edward4j.core.ModelContext;

/**
 * Builds the model to train, in a context the caller owns: the user code every Spark task runs
 * to get its own copy of the model.
 *
 * <p>It is serialized on the driver and run on executors, so it must be serializable and capture
 * only serializable values (sizes, seeds, options), never a context, a graph or a tensor. It must
 * build the same variables (names, shapes, float32) wherever it runs: the driver compares each
 * task's variables with its own and fails the job, naming the difference, when they differ.
 * It must not close the context: the caller closes the returned replica, then the context.
 *
 * <p>A small class or record of sizes and settings is the natural shape ({@link GanTutorialModel}
 * is one); a lambda works too when everything it captures is serializable.
 *
 * <pre>{@code
 * ModelFunction gan = new GanTutorialModel(128);   // serializable: it holds only M
 * try (ModelContext ctx = ModelContext.withSeed(1); TrainingReplica replica = gan.build(ctx)) {
 *   replica.parameters().forEach(System.out::println);   // Variable(Gen/dense/kernel, float [100, 128], trainable) ...
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ModelFunction extends Serializable {

  /**
   * Builds the model and its training step in {@code ctx}.
   *
   * @param ctx a fresh, open context seeded by the caller; the model's variables and ops go here
   * @return the replica that trains the model built; it is closed before {@code ctx}
   */
  TrainingReplica build(ModelContext ctx);
}

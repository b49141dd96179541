package org.edward4j.spark.jobs;

import java.io.Serializable;
import org.edward4j.core.ModelContext;

/**
 * Builds, in a context the caller owns, a model and its proposal {@code q(z | x)} for one batch of
 * {@code batchSize} test rows fed through a placeholder: what {@link ImportanceNll} needs to
 * estimate each row's {@code log p(x)} with {@code org.edward4j.inferences.MarginalLikelihood}.
 *
 * <p>It is serialized on the driver and run on every task: capture only serializable values. A
 * trained model restores its weights here (for example with {@code Saver.builder(ctx).build()
 * .restore(checkpoint)}, the checkpoint on a file system every executor reads). Every latent and
 * observed variable must have the rows along its first axis, and rows must not interact (no batch
 * statistics): each row's estimate must depend on its own row only, which is what makes the
 * partitioned result equal the single-process one.
 *
 * <pre>{@code
 * ImportanceModel model = new LinearGaussianNll(4, 0.8, 1.0);   // a record: serializable
 * try (ModelContext ctx = ModelContext.withSeed(1)) {
 *   LikelihoodSetup setup = model.build(ctx, 16);
 *   System.out.println(setup.input().shape());                    // [16, 4]
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ImportanceModel extends Serializable {

  /**
   * Builds the model and the proposal for a batch of rows.
   *
   * @param ctx a fresh, open context seeded with the job's seed
   * @param batchSize the rows per batch: the input placeholder's first dimension
   * @return the latent variables with their proposals, the data bindings and the input placeholder
   */
  LikelihoodSetup build(ModelContext ctx, int batchSize);
}

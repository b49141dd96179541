package org.edward4j.core;

import java.util.List;
import org.edward4j.core.ModelContext.OpSeed;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TInt64;

/**
 * The random step of one context: the counter every stateless random op reads, fed by {@link
 * ModelContext#run} once per run and saved by checkpoints, so sampling is a pure function of the
 * seeds and the number of runs. Its placeholder is built with the first stateless op.
 */
final class RandomStep implements AutoCloseable {

  private Placeholder<TInt64> placeholder;
  private TInt64 tensor;
  private long value;

  /** The seed tensor {@code [mix(seed, seed2), step]} of a stateless op, placed under {@code tf}. */
  synchronized Operand<TInt64> seedTensor(Ops root, Ops tf, OpSeed seed) {
    if (placeholder == null) {
      placeholder = root.withName("edward4j_random_step").placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
      tensor = TInt64.scalarOf(0L);
    }
    return tf.concat(
        List.of(tf.constant(new long[] {SeedStream.mix(seed)}), tf.reshape(placeholder, tf.constant(new int[] {1}))),
        tf.constant(0));
  }

  /** Feeds the step to a runner about to run, and advances it; nothing before the first stateless op. */
  synchronized void feed(Session.Runner runner) {
    if (placeholder != null) {
      tensor.setLong(value++);
      runner.feed(placeholder, tensor);
    }
  }

  synchronized long value() {
    return value;
  }

  synchronized void set(long step) {
    if (step < 0) {
      throw new IllegalArgumentException("`step` must be non-negative, got " + step);
    }
    value = step;
  }

  @Override
  public synchronized void close() {
    if (tensor != null) {
      tensor.close();
      tensor = null;
    }
  }
}

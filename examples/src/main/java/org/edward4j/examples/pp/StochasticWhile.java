package org.edward4j.examples.pp;

import java.util.List;
import org.edward4j.core.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A while loop whose condition is a coin flip, Edward's stochastic control flow ({@code
 * tf.while_loop(cond=lambda i: 1 - Bernoulli(p), ...)}), counting the tails before the first head.
 *
 * <p>TensorFlow Java 1.1.0 builds a loop's condition and body in separate graphs
 * ({@code Graph.whileLoop}) that see only the loop variables, so a random variable of the model's
 * graph cannot be drawn inside; the flips are stateless uniform draws keyed by a seed tensor that
 * enters the loop as a loop variable, offset by the iteration, so each iteration and each run draws
 * anew and a run is reproducible from the context's seed and random step.
 */
final class StochasticWhile {

  /** Builds the probability of heads at one iteration, inside the loop's condition graph. */
  @FunctionalInterface
  interface HeadsProbability {
    /**
     * @param tf ops of the condition graph
     * @param seed a {@code [2]} int64 seed of this iteration, for draws the probability needs
     * @return a float32 scalar in {@code [0, 1]}
     */
    Operand<TFloat32> build(Ops tf, Operand<TInt64> seed);
  }

  private StochasticWhile() {}

  /**
   * The number of tails before the first head, flipping a coin of probability {@code heads} per
   * iteration: {@code Geometric} on {@code {0, 1, ...}} when {@code heads} is constant.
   *
   * @param ctx the context whose graph gets the loop
   * @param name a unique name for the loop's ops
   * @param heads the probability of heads at each iteration
   * @return an int32 scalar, drawn anew on every run
   */
  static Operand<TInt32> tailsBeforeHeads(ModelContext ctx, String name, HeadsProbability heads) {
    Ops tf = ctx.tf();
    Operand<TInt64> seed = ctx.statelessSeed(tf, ctx.nextOpSeed());
    Output<?>[] out = ctx.graph().whileLoop(new Output<?>[] {tf.constant(0).asOutput(), seed.asOutput()},
        (g, in, cond) -> {
          Ops t = Ops.create(g);
          Operand<TInt32> k = in[0].expect(TInt32.class);
          Operand<TInt64> s = in[1].expect(TInt64.class);
          Operand<TFloat32> p = heads.build(t, iterationSeed(t, s, k, 1));
          Operand<TFloat32> u = t.random.statelessRandomUniform(t.constant(new int[0]), iterationSeed(t, s, k, 0), TFloat32.class);
          Operand<TBool> tails = t.math.greaterEqual(u, p);
          cond[0] = tails.asOutput();
        },
        (g, in, body) -> {
          Ops t = Ops.create(g);
          body[0] = t.math.add(in[0].expect(TInt32.class), t.constant(1)).asOutput();
          body[1] = t.identity(in[1].expect(TInt64.class)).asOutput();
        },
        name);
    // a loop's outputs have unknown shape; the count is a scalar
    return tf.reshape(out[0].expect(TInt32.class), tf.constant(new int[0]));
  }

  /**
   * {@code seed + [2k + lane + 1, 0]}: a distinct stream per iteration and per use within it. The
   * offset goes into the op-seed half of {@code [opSeed, randomStep]}: added to the random step, as
   * first written, iteration {@code k + 1} of one run drew what iteration {@code k} of the run two
   * steps later drew, so the runs were correlated (the mean of 500 runs was 14.5 for a theory of 10).
   */
  private static Operand<TInt64> iterationSeed(Ops t, Operand<TInt64> seed, Operand<TInt32> k, long lane) {
    Operand<TInt64> k64 = t.dtypes.cast(k, TInt64.class);
    Operand<TInt64> offset = t.math.add(t.math.mul(k64, t.constant(2L)), t.constant(lane + 1));
    return t.math.add(seed, t.stack(List.of(offset, t.constant(0L))));
  }

  /**
   * {@code Beta(1, alpha)} at {@code 1 - U^(1 / alpha)}, the inverse of its cdf {@code 1 - (1 -
   * x)^alpha}, for a stick inside a loop graph.
   */
  static Operand<TFloat32> betaOneAlpha(Ops t, Operand<TInt64> seed, double alpha) {
    Operand<TFloat32> u = t.random.statelessRandomUniform(t.constant(new int[0]), seed, TFloat32.class);
    Operand<TFloat32> logU = t.math.log(t.math.maximum(u, t.constant(Float.MIN_NORMAL)));
    return t.math.neg(t.math.expm1(t.math.div(logU, t.constant((float) alpha))));
  }
}

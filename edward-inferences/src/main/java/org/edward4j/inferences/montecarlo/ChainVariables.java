package org.edward4j.inferences.montecarlo;

import java.util.ArrayList;
import java.util.List;
import org.edward4j.core.Initializers;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.VariableSpec;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The variables a Monte Carlo inference's chains live in. Chain 0's latents on the reals use the
 * user's {@code params} directly; a constrained latent of a sampler that moves on the reals runs on
 * its unconstrained value in a hidden variable {@code <inference>/unconstrained/params_i}, and each
 * draw is also written, constrained, into the user's {@code params}; further chains (replica
 * exchange) keep their states in hidden variables {@code <inference>/chain_c/params_i}. A hidden
 * chain starts (at {@code t = 0}) from the user's row 0, mapped to the unconstrained space.
 */
final class ChainVariables {

  private final List<Posterior> posteriors;
  private final List<Support> supports;
  private final List<Variable<TFloat32>> params;
  /** Per element of {@link #params}: the latent's index, and whether it starts from the user's row 0. */
  private final List<Boolean> hidden;

  private ChainVariables(List<Posterior> posteriors, List<Support> supports, List<Variable<TFloat32>> params, List<Boolean> hidden) {
    this.posteriors = posteriors;
    this.supports = supports;
    this.params = params;
    this.hidden = hidden;
  }

  static ChainVariables create(VariableScope scope, List<Posterior> posteriors, boolean onReals, int chains) {
    List<Support> supports = new ArrayList<>();
    for (Posterior p : posteriors) {
      supports.add(onReals ? p.support() : Support.REAL);
    }
    List<Variable<TFloat32>> params = new ArrayList<>();
    List<Boolean> hidden = new ArrayList<>();
    for (int c = 0; c < chains; c++) {
      VariableScope chainScope = null;
      for (int i = 0; i < posteriors.size(); i++) {
        Posterior p = posteriors.get(i);
        Support s = supports.get(i);
        if (c == 0 && s == Support.REAL) {
          params.add(p.params());
          hidden.add(false);
          continue;
        }
        if (chainScope == null) {
          chainScope = scope.child(c == 0 ? "unconstrained" : "chain_" + c);
        }
        Shape event = s.unconstrainedShape(eventShape(p.params()));
        params.add(chainScope.getVariable(VariableSpec.of("params_" + i, withLeading(p.capacity(), event), TFloat32.class)
            .withInitializer(Initializers.zeros()).withTrainable(false)));
        hidden.add(true);
      }
    }
    return new ChainVariables(posteriors, supports, params, hidden);
  }

  /** The variables the store writes, chain-major. */
  List<Variable<TFloat32>> params() {
    return params;
  }

  /** Each latent's support on the chain (all {@link Support#REAL} for samplers that do not transform). */
  List<Support> supports() {
    return supports;
  }

  boolean anyConstrained() {
    return supports.stream().anyMatch(s -> s != Support.REAL);
  }

  /**
   * The current state: the store's row {@code max(t - 1, 0)}, except that at {@code t = 0} a
   * hidden chain starts from the user's row 0 (unconstrained). That start is checked: a row 0
   * outside the latent's support fails the first update with a message naming the latent.
   */
  List<Operand<TFloat32>> current(Ops tf, SampleStore store) {
    List<Operand<TFloat32>> rows = store.current(tf);
    Operand<TBool> started = tf.math.greater(store.t(), tf.constant(0L));
    List<Operand<TFloat32>> out = new ArrayList<>();
    for (int j = 0; j < params.size(); j++) {
      if (!hidden.get(j)) {
        out.add(rows.get(j));
        continue;
      }
      int i = j % posteriors.size();
      Posterior p = posteriors.get(i);
      Support s = supports.get(i);
      Operand<TFloat32> row0 = tf.gather(p.params().value(), tf.constant(0), tf.constant(0));
      // Once started, row 0 is a draw that may sit on the boundary in float32 (sigmoid(u) == 1):
      // map a value known to be inside instead, so the unused branch stays finite and the check
      // below only speaks about the starting value.
      Operand<TFloat32> start = tf.select(started, tf.fill(tf.shape(row0), tf.constant(inside(s, row0.shape()))), row0);
      Operand<TFloat32> u = tf.debugging.checkNumerics(s.unconstrain(tf, start),
          "the starting value (row 0 of the params of " + p.empirical().name() + ") of " + p.latent().name()
              + " must lie inside its support " + s);
      out.add(tf.select(started, rows.get(j), u));
    }
    return out;
  }

  /** The constrained draws of chain 0's hidden latents, written into the user's {@code params} at row {@code t}. */
  List<Op> userWrites(Ops tf, List<Operand<TFloat32>> next, Operand<TInt64> t) {
    List<Op> out = new ArrayList<>();
    Operand<TInt64> index = tf.reshape(t, tf.constant(new int[] {1}));
    for (int i = 0; i < posteriors.size(); i++) {
      if (!hidden.get(i)) {
        continue;
      }
      Operand<TFloat32> z = supports.get(i).constrain(tf, next.get(i));
      out.add(tf.resourceScatterUpdate(posteriors.get(i).params().handle(), index, tf.expandDims(z, tf.constant(0))));
    }
    return out;
  }

  private static float inside(Support s, Shape shape) {
    return switch (s) {
      case POSITIVE -> 1f;
      case UNIT_INTERVAL -> 0.5f;
      case SIMPLEX -> 1f / shape.size(-1);
      default -> 0f;
    };
  }

  private static Shape eventShape(Variable<TFloat32> p) {
    long[] dims = p.shape().asArray();
    long[] event = new long[dims.length - 1];
    System.arraycopy(dims, 1, event, 0, event.length);
    return Shape.of(event);
  }

  private static Shape withLeading(long t, Shape s) {
    long[] dims = new long[s.numDimensions() + 1];
    dims[0] = t;
    System.arraycopy(s.asArray(), 0, dims, 1, s.numDimensions());
    return Shape.of(dims);
  }
}

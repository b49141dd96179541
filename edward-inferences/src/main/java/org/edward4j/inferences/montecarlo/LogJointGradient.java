package org.edward4j.inferences.montecarlo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat32;

/**
 * The log joint and its gradient with respect to the latent values at one point: what every
 * gradient-based kernel needs at each step.
 *
 * @param logJoint {@code log p(x, z)}, a float32 scalar
 * @param gradient {@code d log p / dz}, one tensor per latent value, of its shape (zeros for a value
 *     the density does not depend on)
 */
record LogJointGradient(Operand<TFloat32> logJoint, List<Operand<TFloat32>> gradient) {

  /**
   * Builds {@code log p(x, z)} and its gradient at {@code state}.
   *
   * @throws IllegalArgumentException if the function returns null or a tensor that is not a scalar
   */
  static LogJointGradient at(Ops tf, LogJoint logJoint, List<Operand<TFloat32>> state) {
    Operand<TFloat32> lp = evaluate(logJoint, state);
    // The runtime refuses a gradient at a tensor the output cannot reach, so only reachable values
    // are differentiated and the others get zeros.
    Set<String> ancestors = ancestors(lp);
    List<Operand<?>> reachable = new ArrayList<>();
    for (Operand<TFloat32> x : state) {
      if (ancestors.contains(x.op().name())) {
        reachable.add(x);
      }
    }
    Gradients grads = reachable.isEmpty() ? null : tf.gradients(lp, reachable);
    List<Operand<TFloat32>> out = new ArrayList<>();
    int next = 0;
    for (Operand<TFloat32> x : state) {
      Output<TFloat32> g = ancestors.contains(x.op().name()) ? grads.dy(next++) : null;
      out.add(g == null || isMissing(g) ? tf.zerosLike(x) : g);
    }
    return new LogJointGradient(lp, out);
  }

  /** Calls the user's function and checks that it returned a scalar. */
  static Operand<TFloat32> evaluate(LogJoint logJoint, List<Operand<TFloat32>> state) {
    Operand<TFloat32> lp = logJoint.at(List.copyOf(state));
    if (lp == null) {
      throw new IllegalArgumentException("`logJoint` must return a float32 scalar, got null");
    }
    if (lp.shape().numDimensions() != 0) {
      throw new IllegalArgumentException("`logJoint` must return a scalar (sum over data and latent"
          + " dimensions), got shape " + lp.shape());
    }
    return lp;
  }

  private static Set<String> ancestors(Operand<?> y) {
    Set<String> seen = new HashSet<>();
    Deque<GraphOperation> pending = new ArrayDeque<>();
    pending.push((GraphOperation) y.op());
    seen.add(y.op().name());
    while (!pending.isEmpty()) {
      GraphOperation op = pending.pop();
      for (int i = 0; i < op.numInputs(); i++) {
        GraphOperation in = (GraphOperation) op.input(i).op();
        if (seen.add(in.name())) {
          pending.push(in);
        }
      }
    }
    return seen;
  }

  /** Whether a gradient output stands for "no gradient" (TensorFlow's null operation). */
  private static boolean isMissing(Output<?> g) {
    return g.op() instanceof GraphOperation op
        && (op.getUnsafeNativeHandle() == null || op.getUnsafeNativeHandle().isNull());
  }
}

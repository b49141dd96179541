package org.edward4j.inferences.montecarlo;

import java.util.List;
import org.edward4j.core.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/** Checks of a chain's state before any graph is built: non-empty, known shapes, one graph. */
final class ChainState {

  private ChainState() {}

  /**
   * Checks that {@code state} is a non-empty list of float32 tensors of fully known shapes in
   * {@code ctx}'s graph.
   *
   * @throws IllegalArgumentException naming {@code argument} and the element at fault
   */
  static void check(ModelContext ctx, String argument, List<Operand<TFloat32>> state) {
    ctx.checkOpen();
    if (state == null || state.isEmpty()) {
      throw new IllegalArgumentException("`" + argument + "` must hold at least one latent value, got "
          + (state == null ? "null" : "an empty list"));
    }
    for (int i = 0; i < state.size(); i++) {
      Operand<TFloat32> x = state.get(i);
      if (x == null) {
        throw new IllegalArgumentException("`" + argument + "[" + i + "]` must not be null");
      }
      if (x.env() != ctx.graph()) {
        throw new IllegalArgumentException("`" + argument + "[" + i + "]` must belong to the graph of " + ctx);
      }
      Shape s = x.shape();
      if (s.isUnknown() || s.hasUnknownDimension()) {
        throw new IllegalArgumentException(
            "`" + argument + "[" + i + "]` must have a fully known shape, got " + s);
      }
    }
  }

  /**
   * Checks that {@code other} has one tensor of the same shape per element of {@code state}.
   *
   * @throws IllegalArgumentException naming {@code argument}, the element, and both shapes
   */
  static void checkMatches(String argument, List<Operand<TFloat32>> other, List<Operand<TFloat32>> state) {
    if (other == null || other.size() != state.size()) {
      throw new IllegalArgumentException("`" + argument + "` must have " + state.size()
          + " tensors, one per latent value, got " + (other == null ? "null" : other.size()));
    }
    for (int i = 0; i < state.size(); i++) {
      if (other.get(i) == null) {
        throw new IllegalArgumentException("`" + argument + "[" + i + "]` must not be null");
      }
      if (!other.get(i).shape().equals(state.get(i).shape())) {
        throw new IllegalArgumentException("`" + argument + "[" + i + "]` must have shape " + state.get(i).shape()
            + " to match the state, got " + other.get(i).shape());
      }
    }
  }

  /** Checks a step size: positive and finite. */
  static double checkStepSize(double stepSize) {
    if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
      throw new IllegalArgumentException("`stepSize` must be positive and finite, got " + stepSize);
    }
    return stepSize;
  }
}

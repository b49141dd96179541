package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class LeapfrogTest {

  private ModelContext ctx;
  private Ops tf;

  @BeforeEach
  void open() {
    ctx = ModelContext.withSeed(7);
    tf = ctx.tf();
  }

  @AfterEach
  void close() {
    ctx.close();
  }

  @Test
  void forwardThenBackWithNegatedMomentumReturnsToTheStart() {
    GaussianTarget target = GaussianTarget.correlated2d(0.8);
    LogJoint logJoint = target.logJoint(tf);
    float[] z0 = {0.3f, -1.2f};
    float[] r0 = {0.7f, 0.4f};
    int steps = 20;
    double eps = 0.1;
    Leapfrog.Trajectory forward = Leapfrog.integrate(ctx, tf, logJoint, List.of(tf.constant(z0)), List.of(tf.constant(r0)), eps, steps);
    Leapfrog.Trajectory back = Leapfrog.integrate(
        ctx, tf, logJoint, forward.state(), List.of(tf.math.neg(forward.momentum().get(0))), eps, steps);
    List<TensorValue> v = ctx.evalAll(
        List.of(forward.state().get(0), forward.momentum().get(0), back.state().get(0), back.momentum().get(0)), java.util.Map.of());
    float[] zEnd = v.get(0).data();
    float[] zBack = v.get(2).data();
    float[] rBack = v.get(3).data();

    // The graph integrates as the double-precision integrator written in GaussianTarget does.
    double[][] expected = target.leapfrog(new double[] {z0[0], z0[1]}, new double[] {r0[0], r0[1]}, eps, steps);
    // Float32 rounding: each of the 2 * steps half-kicks and drifts rounds about 8 operations at
    // relative 2^-24 on values of magnitude below 4, and the stable leapfrog map (eps * sqrt(max
    // eigenvalue of P) = 0.3 < 2) amplifies accumulated errors by at most a small constant (2 here).
    double tol = 2 * (2 * steps) * 8 * Math.pow(2, -24) * 4;
    for (int i = 0; i < 2; i++) {
      assertEquals(expected[0][i], zEnd[i], tol, "forward z[" + i + "]");
      assertEquals(expected[1][i], v.get(1).data()[i], tol, "forward r[" + i + "]");
    }
    // The trajectory went somewhere, so returning is not trivial.
    assertTrue(Math.abs(zEnd[0] - z0[0]) + Math.abs(zEnd[1] - z0[1]) > 0.3, "moved " + java.util.Arrays.toString(zEnd));
    for (int i = 0; i < 2; i++) {
      assertEquals(z0[i], zBack[i], tol, "z[" + i + "] after going back");
      assertEquals(-r0[i], rBack[i], tol, "r[" + i + "] after going back");
    }
  }

  @Test
  void rejectsBadArgumentsBeforeBuildingAnything() {
    LogJoint logJoint = GaussianTarget.correlated2d(0.5).logJoint(tf);
    List<Operand<TFloat32>> z = List.of(tf.constant(new float[] {0f, 0f}));
    List<Operand<TFloat32>> r = List.of(tf.constant(new float[] {1f, 0f}));
    assertRejected("`stepSize` must be positive and finite, got 0.0",
        () -> Leapfrog.integrate(ctx, tf, logJoint, z, r, 0.0, 3));
    assertRejected("`stepSize` must be positive and finite, got NaN",
        () -> Leapfrog.integrate(ctx, tf, logJoint, z, r, Double.NaN, 3));
    assertRejected("`nSteps` must be at least 1, got 0", () -> Leapfrog.integrate(ctx, tf, logJoint, z, r, 0.1, 0));
    assertRejected("`momentum[0]` must have shape [2] to match the state, got [3]",
        () -> Leapfrog.integrate(ctx, tf, logJoint, z, List.of(tf.constant(new float[] {1f, 0f, 0f})), 0.1, 3));
    assertRejected("`state` must hold at least one latent value, got an empty list",
        () -> Leapfrog.integrate(ctx, tf, logJoint, List.of(), List.of(), 0.1, 3));
    assertRejected("`logJoint` must return a scalar (sum over data and latent dimensions), got shape [2]",
        () -> Leapfrog.integrate(ctx, tf, s -> tf.math.square(s.get(0)), z, r, 0.1, 3));
  }

  /** Asserts an IllegalArgumentException carrying the message. */
  private void assertRejected(String message, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::execute);
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @FunctionalInterface
  private interface Executable {
    void execute();
  }
}

package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class ReplicaExchangeKernelTest {

  @Test
  void equalTemperaturesSwapWheneverTheirPairIsPicked() {
    // Two replicas at the same temperature: the exchange ratio is 0, so the pair (0, 1) swaps
    // whenever an exchange is attempted (always here) and the random parity picks it (half the time).
    ReplicaExchangeKernel rex = ReplicaExchangeKernel.builder().inverseTemperatures(1.0, 1.0).exchangeFreq(1.0).build();
    int swapped = 0;
    int n = 400;
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      Ops tf = ctx.tf();
      List<Operand<TFloat32>> a = List.of(tf.constant(new float[] {1f, 2f}));
      List<Operand<TFloat32>> b = List.of(tf.constant(new float[] {-1f, -2f}));
      LogJoint flat = z -> tf.math.mul(tf.constant(0f), tf.reduceSum(z.get(0), tf.constant(0)));
      // A proposal that stays put: always accepted, so only the exchange moves states.
      List<KernelStep> steps = rex.step(ctx, tf, flat, List.of(a, b), current -> Proposal.symmetric(tf, current));
      List<Operand<TFloat32>> fetch = List.of(steps.get(0).state().get(0), steps.get(1).state().get(0));
      for (int i = 0; i < n; i++) {
        List<TensorValue> v = ctx.evalAll(fetch, Map.of());
        boolean isSwapped = v.get(0).data()[0] < 0;
        assertArrayEquals(isSwapped ? new float[] {1f, 2f} : new float[] {-1f, -2f}, v.get(1).data());
        swapped += isSwapped ? 1 : 0;
      }
    }
    // Binomial(400, 1/2): sd 10; 4.5 sd.
    assertEquals(n / 2.0, swapped, 45);
  }

  @Test
  void rejectsBadSettingsAndReplicas() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReplicaExchangeKernel.builder().inverseTemperatures(0.5, 0.1));
    assertEquals("`inverseTemperatures[0]` must be 1, got 0.5", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ReplicaExchangeKernel.builder().inverseTemperatures(1.0, 0.0));
    assertEquals("`inverseTemperatures[1]` must be in (0, 1], got 0.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ReplicaExchangeKernel.builder().exchangeFreq(1.5));
    assertEquals("`exchangeFreq` must be in [0, 1], got 1.5", e.getMessage());
    ReplicaExchangeKernel rex = ReplicaExchangeKernel.builder().build();
    assertEquals(5, rex.inverseTemperatures().length);
    assertTrue(rex.toString().contains("exchangeFreq=0.1"));
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      List<Operand<TFloat32>> z = List.of(tf.constant(new float[] {0f}));
      e = assertThrows(IllegalArgumentException.class, () -> rex.step(ctx, tf, s -> tf.constant(0f), List.of(z, z),
          current -> Proposal.symmetric(tf, current)));
      assertEquals("`replicas` must hold 5 states, one per inverse temperature, got 2", e.getMessage());
    }
  }
}

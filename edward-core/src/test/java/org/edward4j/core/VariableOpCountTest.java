package org.edward4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

/**
 * How many graph operations one variable adds, by initializer: the floor is the handle, its
 * assignment and its read (three), plus what the initial value needs. Counted with {@code
 * graph.operations()} around one {@code getVariable}, after a first variable has built the
 * scope's shared parts.
 */
class VariableOpCountTest {

  private static List<String> added(Consumer<VariableScope> create) {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      VariableScope dense = ctx.scope("Gen").child("dense");
      dense.getVariable("first", Shape.of(3, 2));
      List<String> before = names(ctx);
      create.accept(dense);
      List<String> after = names(ctx);
      after.removeAll(before);
      return after;
    }
  }

  private static List<String> names(ModelContext ctx) {
    List<String> names = new ArrayList<>();
    ctx.graph().operations().forEachRemaining(o -> names.add(o.name() + ":" + o.type()));
    return names;
  }

  @Test
  void glorotUniformKernel() {
    // shape, RandomUniform, (max - min), Mul, min, Add: TF1's random_uniform, whose Add of -limit is needed.
    List<String> ops = added(s -> s.getVariable("kernel", Shape.of(3, 2)));
    assertEquals(9, ops.size(), ops.toString());
  }

  @Test
  void zeroMeanNormalKernelNeedsNoShift() {
    // shape, RandomStandardNormal, stddev, Mul: adding a mean of 0 changes no value.
    List<String> ops = added(s -> s.getVariable("kernel", Shape.of(3, 2), Initializers.randomNormal(0, 0.02)));
    assertEquals(7, ops.size(), ops.toString());
    List<String> shifted = added(s -> s.getVariable("kernel", Shape.of(3, 2), Initializers.randomNormal(1, 0.02)));
    assertEquals(9, shifted.size(), shifted.toString());
  }

  @Test
  void smallConstantIsOneConst() {
    // TF1's zeros: a constant when it has fewer than 1,000 elements, a Fill (shape, value) otherwise.
    List<String> ops = added(s -> s.getVariable("bias", Shape.of(16), Initializers.zeros()));
    assertEquals(4, ops.size(), ops.toString());
    List<String> big = added(s -> s.getVariable("big", Shape.of(1000), Initializers.zeros()));
    assertEquals(6, big.size(), big.toString());
  }
}

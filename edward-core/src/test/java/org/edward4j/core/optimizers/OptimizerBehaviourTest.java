package org.edward4j.core.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt64;

class OptimizerBehaviourTest {

  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of(GradientDescent.create(0.3), 200),
        Arguments.of(Momentum.builder().learningRate(0.1).momentum(0.5).build(), 200),
        Arguments.of(Momentum.builder().learningRate(0.1).momentum(0.5).nesterov(true).build(), 200),
        Arguments.of(Adam.builder().learningRate(0.05).build(), 1500),
        Arguments.of(RmsProp.builder().learningRate(0.01).build(), 1500),
        Arguments.of(RmsProp.builder().learningRate(0.01).centered(true).momentum(0.5).build(), 1500),
        Arguments.of(Adagrad.builder().learningRate(0.5).build(), 500),
        Arguments.of(Adadelta.builder().learningRate(5.0).rho(0.9).epsilon(1e-4).build(), 1500));
  }

  @ParameterizedTest
  @MethodSource("optimizers")
  void convergesToTheQuadraticsMinimum(Optimizer optimizer, int steps) {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Quadratic q = new Quadratic(ctx, "Model");
      q.steps(optimizer.minimize(q.loss, List.of(q.w)), steps);
      // The start is 1 to 4 away from the minimum; 1e-2 is reached only by a working optimizer.
      assertArrayEquals(Quadratic.floats(Quadratic.minimum()), q.values(), 1e-2f, optimizer.toString());
    }
  }

  @Test
  void onlyTheListedVariablesMove() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Variable<TFloat32> a = ctx.scope("M").getVariable("a", Shape.of(4));
      Variable<TFloat32> b = ctx.scope("M", org.edward4j.core.Reuse.AUTO_REUSE).getVariable("b", Shape.of(4));
      Ops tf = ctx.tf();
      Operand<TFloat32> loss = tf.reduceSum(tf.math.square(tf.math.add(a, b)), tf.constant(0));
      float[] a0 = ctx.eval(a).data();
      float[] b0 = ctx.eval(b).data();
      TrainStep step = Adam.builder().learningRate(0.1).build().minimize(loss, List.of(a));
      run(ctx, step, 3);
      assertArrayEquals(b0, ctx.eval(b).data(), 0f);
      assertNotEquals(a0[0], ctx.eval(a).data()[0]);
    }
  }

  @Test
  void variableTheLossIgnoresStaysBitwiseUnchanged() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Quadratic q = new Quadratic(ctx, "Model");
      Variable<TFloat32> idle = ctx.scope("Idle").getVariable("c", Shape.of(2));
      float[] before = ctx.eval(idle).data();
      run(ctx, Adam.create().minimize(q.loss, List.of(q.w, idle)), 3);
      float[] after = ctx.eval(idle).data();
      for (int i = 0; i < before.length; i++) {
        assertEquals(Float.floatToRawIntBits(before[i]), Float.floatToRawIntBits(after[i]));
      }
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Adam.create().minimize(q.loss, List.of(idle)));
      assertTrue(e.getMessage().contains("Idle/c"), e.getMessage());
    }
  }

  @Test
  void generatorAndDiscriminatorOptimizersCoexistWithPrivateSlots() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Quadratic gen = new Quadratic(ctx, "Gen");
      Quadratic disc = new Quadratic(ctx, "Disc");
      Adam adam = Adam.builder().learningRate(0.01).beta1(0.5).build();
      TrainStep g = adam.minimize(gen.loss, ctx.collections().trainableVariables("Gen"));
      TrainStep d = adam.minimize(disc.loss, ctx.collections().trainableVariables("Disc"));
      assertEquals("Adam", g.scope());
      assertEquals("Adam_1", d.scope());
      List<String> slotNames = d.slots().stream().map(Variable::name).toList();
      assertEquals(List.of("Adam_1/beta1_power", "Adam_1/beta2_power", "Adam_1/Disc/w/m", "Adam_1/Disc/w/v"), slotNames);
      assertEquals(List.of(disc.w), ctx.collections().trainableVariables("Disc"));
      assertEquals(List.of(disc.w), ctx.collections().globalVariables("Disc"));
      assertTrue(d.slots().stream().noneMatch(Variable::isTrainable));
      run(ctx, g, 2);
      run(ctx, d, 1);
      assertNotEquals(gen.values()[0], disc.values()[0]);
    }
  }

  @Test
  void globalStepAdvancesOncePerStepAfterTheUpdates() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Quadratic q = new Quadratic(ctx, "Model");
      Variable<TInt64> step = GlobalStep.getOrCreate(ctx);
      // Rate 0.1 * 0.5^step: if the increment ran before the update, the first step would use 0.05.
      LearningRate halving = LearningRate.exponentialDecay(0.1, step, 1, 0.5, true);
      TrainStep train =
          GradientDescent.builder().learningRate(halving).build()
              .minimize(q.loss, List.of(q.w), TrainOptions.defaults().withGlobalStep(step));
      double[] expected = Quadratic.W0.clone();
      for (int t = 0; t < 3; t++) {
        double[] g = Quadratic.gradient(expected);
        for (int i = 0; i < g.length; i++) {
          expected[i] -= 0.1 * Math.pow(0.5, t) * g[i];
        }
        q.run(train);
        assertEquals(t + 1, ctx.eval(step).scalar());
      }
      assertArrayEquals(Quadratic.floats(expected), q.values(), 1e-6f);
      assertEquals(step, train.globalStep().orElseThrow());
    }
  }

  @Test
  void updateOpsRunBeforeTheUpdatesInEveryStep() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Quadratic q = new Quadratic(ctx, "Model");
      Variable<TFloat32> counter = ctx.scope("Model", org.edward4j.core.Reuse.AUTO_REUSE)
          .getVariable(org.edward4j.core.VariableSpec.of("count", Shape.scalar(), TFloat32.class)
              .withInitializer(Initializers.zeros()).withTrainable(false));
      Ops tf = ctx.tf();
      Op bump = tf.assignAddVariableOp(counter.handle(), tf.constant(1f));
      ctx.collections().add(org.edward4j.core.GraphCollections.Key.UPDATE_OPS, "Model/count", bump);
      TrainStep train = Adam.create().minimize(q.loss, List.of(q.w),
          TrainOptions.defaults().withUpdateOps(ctx.collections().updateOps("Model")));
      run(ctx, train, 2);
      assertEquals(2f, ctx.eval(counter).scalar());
    }
  }

  @Test
  void lossFetchedWithTheStepIsThePreUpdateLoss() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Quadratic q = new Quadratic(ctx, "Model");
      float before = ctx.eval(q.loss).scalar();
      TrainStep train = GradientDescent.create(0.5).minimize(q.loss, List.of(q.w));
      try (Result r = ctx.run(ctx.session().runner().addTarget(train).fetch(q.loss))) {
        assertEquals(before, ((TFloat32) r.get(0)).getFloat(), 0f);
      }
      assertNotEquals(before, ctx.eval(q.loss).scalar());
    }
  }

  @Test
  void doublePrecisionVariablesTrain() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Variable<TFloat64> w = ctx.scope("M").getVariable(
          org.edward4j.core.VariableSpec.of("w", Shape.of(2), TFloat64.class)
              .withInitializer(Initializers.constant(3)));
      Ops tf = ctx.tf();
      Operand<TFloat32> loss = tf.dtypes.cast(tf.reduceSum(tf.math.square(w), tf.constant(0)), TFloat32.class);
      run(ctx, Adam.builder().learningRate(0.1).build().minimize(loss, List.of(w)), 300);
      assertArrayEquals(new float[] {0, 0}, ctx.evalAll(List.of(w), Map.of()).get(0).data(), 1e-2f);
    }
  }

  @Test
  void badVariableListsAreRejectedBeforeBuilding() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Quadratic q = new Quadratic(ctx, "Model");
      Adam adam = Adam.create();
      assertThrows(IllegalArgumentException.class, () -> adam.minimize(q.loss, List.of()));
      IllegalArgumentException dup =
          assertThrows(IllegalArgumentException.class, () -> adam.minimize(q.loss, List.of(q.w, q.w)));
      assertTrue(dup.getMessage().contains("Model/w"), dup.getMessage());
      Variable<TInt64> step = GlobalStep.getOrCreate(ctx);
      IllegalArgumentException integer =
          assertThrows(IllegalArgumentException.class, () -> adam.minimize(q.loss, List.of(q.w, step)));
      assertTrue(integer.getMessage().contains("floating"), integer.getMessage());
      assertFalse(ctx.variables().all().stream().anyMatch(v -> v.name().startsWith("Adam")));
    }
  }

  private static void run(ModelContext ctx, Op op, int n) {
    for (int i = 0; i < n; i++) {
      try (Result r = ctx.run(ctx.session().runner().addTarget(op))) {
        // targets only
      }
    }
  }
}

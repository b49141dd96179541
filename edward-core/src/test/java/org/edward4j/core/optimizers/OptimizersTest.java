package org.edward4j.core.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edward4j.core.ModelContext;
import org.junit.jupiter.api.Test;

class OptimizersTest {

  @Test
  void edwardsNamesGiveTheirOptimizers() {
    assertInstanceOf(GradientDescent.class, Optimizers.byName("gradientdescent", 0.01));
    assertInstanceOf(Adadelta.class, Optimizers.byName("adadelta", 0.01));
    assertInstanceOf(Adagrad.class, Optimizers.byName("adagrad", 0.01));
    assertEquals(0.9, ((Momentum) Optimizers.byName("momentum", 0.01)).momentum());
    assertInstanceOf(Adam.class, Optimizers.byName(" Adam ", 0.01));
    assertInstanceOf(RmsProp.class, Optimizers.byName("rmsprop", 0.01));
    assertEquals("0.01", Optimizers.byName("adam", 0.01).learningRate().toString());
  }

  @Test
  void unknownNamesListTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Optimizers.byName("ftrl", 0.01));
    assertTrue(e.getMessage().contains("\"ftrl\""), e.getMessage());
    for (String name : Optimizers.NAMES) {
      assertTrue(e.getMessage().contains(name), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> Optimizers.byName(null, 0.01));
  }

  @Test
  void edwardsDefaultIsAdamWithStaircaseDecay() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Adam adam = Optimizers.edwardDefault(GlobalStep.getOrCreate(ctx));
      assertEquals(
          "Adam(learningRate=exponentialDecay(0.1, global_step, 100, 0.9, staircase), beta1=0.9, beta2=0.999,"
              + " epsilon=1.0E-8)",
          adam.toString());
    }
  }

  @Test
  void buildersValidateAndPrintTheirSettings() {
    assertThrows(IllegalArgumentException.class, () -> Adam.builder().beta1(1.0));
    assertThrows(IllegalArgumentException.class, () -> RmsProp.builder().decay(-0.1));
    assertThrows(IllegalArgumentException.class, () -> Adagrad.builder().initialAccumulatorValue(0));
    assertThrows(IllegalArgumentException.class, () -> Adam.builder().name("a/b"));
    assertThrows(IllegalArgumentException.class, () -> GradientDescent.builder().learningRate(-1));
    assertEquals("Momentum(learningRate=0.1, momentum=0.5, nesterov, name=Fast)",
        Momentum.builder().learningRate(0.1).momentum(0.5).nesterov(true).name("Fast").build().toString());
    assertEquals("RmsProp(learningRate=0.001, decay=0.9, momentum=0.0, epsilon=1.0E-10)",
        RmsProp.builder().build().toString());
  }
}

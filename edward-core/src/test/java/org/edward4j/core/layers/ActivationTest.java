package org.edward4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.edward4j.core.ModelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class ActivationTest {

  private static final float[] X = {-2.5f, -0.3f, 0f, 0.4f, 3f};

  @ParameterizedTest(name = "{0}")
  @CsvSource({"relu", "leaky_relu", "sigmoid", "tanh", "softplus", "elu", "linear"})
  void activationsMatchTheirFormulas(String name) {
    DoubleUnaryOperator f = switch (name) {
      case "relu" -> v -> Math.max(v, 0);
      case "leaky_relu" -> v -> v > 0 ? v : 0.2 * v;
      case "sigmoid" -> v -> 1 / (1 + Math.exp(-v));
      case "tanh" -> Math::tanh;
      case "softplus" -> v -> Math.log1p(Math.exp(v));
      case "elu" -> v -> v > 0 ? v : Math.expm1(v);
      default -> v -> v;
    };
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Operand<TFloat32> y = Activation.byName(name).apply(ctx.tf(), ctx.tf().constant(X));
      float[] out = ctx.eval(y).data();
      for (int i = 0; i < X.length; i++) {
        // float32 transcendental functions: 1e-6 absolute on values below 4.
        assertEquals(f.applyAsDouble(X[i]), out[i], 1e-6, name + "(" + X[i] + ")");
      }
    }
  }

  @Test
  void namesAreCheckedAndPrintable() {
    assertEquals(Activation.leakyRelu(0.2), Activation.byName("LeakyReLU"));
    assertEquals("leakyRelu(0.1)", Activation.leakyRelu(0.1).toString());
    assertEquals("identity", Activation.byName("none").toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.byName("gelu"));
    assertTrue(e.getMessage().contains("leaky_relu"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Activation.leakyRelu(1.5));
    assertThrows(IllegalArgumentException.class, () -> new Activation(Activation.Kind.RELU, 0.3));
  }
}

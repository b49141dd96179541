package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.edward4j.core.Variable;
import org.edward4j.core.optimizers.GradientDescent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * Which loss moves which variable: the model's {@code a} must move by the wake gradient only and
 * q's {@code w, b, c} by q's loss only.
 *
 * <p>Two contexts are built identically from the same seed, so their random ops draw the same
 * numbers at the same run. One takes a gradient-descent update and records how far each variable
 * moved; the other evaluates both losses' gradients at the same draws. A variable that got the
 * other phase's gradient (or both) moves by a different amount: the test checks that both
 * gradients differ clearly for every variable, so it can tell them apart.
 */
class WakeSleepGradientsTest {

  static final double LR = 0.01;

  @ParameterizedTest
  @ValueSource(strings = {"sleep", "wake"})
  void modelVariablesGetOnlyWakeGradientsAndQVariablesOnlyQGradients(String phaseQ) {
    float[] batch = WakeSleepTest.batch(new Random(9));
    double[] moved;
    try (ModelContext ctx = ModelContext.withSeed(31)) {
      WakeSleep inference = build(ctx, phaseQ);
      List<Variable<?>> vars = variables(inference);
      double[] before = values(ctx, vars);
      inference.update(Map.of(xPh(inference), batch));
      double[] after = values(ctx, vars);
      moved = new double[vars.size()];
      for (int i = 0; i < moved.length; i++) {
        moved[i] = after[i] - before[i];
      }
    }
    try (ModelContext ctx = ModelContext.withSeed(31)) {
      WakeSleep inference = build(ctx, phaseQ);
      List<Variable<?>> vars = variables(inference);
      values(ctx, vars);
      List<Operand<? extends TNumber>> all = new ArrayList<>();
      inference.gradients(inference.lossP(), vars).forEach(p -> all.add(p.gradient()));
      inference.gradients(inference.lossQ(), vars).forEach(p -> all.add(p.gradient()));
      List<TensorValue> g;
      try (Tensor x = TFloat32.vectorOf(batch)) {
        g = ctx.evalAll(all, Map.of(xPh(inference), x));
      }
      int n = vars.size();
      for (int i = 0; i < n; i++) {
        double gWake = g.get(i).scalar();
        double gQ = g.get(n + i).scalar();
        boolean isModel = i == 0;
        double expected = -LR * (isModel ? gWake : gQ);
        String name = vars.get(i).name() + " (" + phaseQ + ")";
        // Both gradients must differ by more than the float32 rounding of one step (~1e-7
        // relative), or the comparison could not tell which one was applied.
        assertTrue(Math.abs(gWake - gQ) > 1e-3, name + ": wake " + gWake + " and q " + gQ + " gradients coincide");
        // Same draws, same float32 ops: the step agrees to rounding (1e-6 of the step, seen 1e-8).
        assertEquals(expected, moved[i], 1e-6 + 1e-4 * Math.abs(expected), name + " moved by the wrong gradient");
      }
    }
  }

  private static WakeSleep build(ModelContext ctx, String phaseQ) {
    WakeSleepTest.LinearGaussian m = new WakeSleepTest.LinearGaussian(ctx, 1.0, true);
    WakeSleep inference = new WakeSleep(Map.of(m.z, m.qz), Map.of(m.x, m.xPh));
    inference.initialize(WakeSleepOptions.builder().phaseQ(PhaseQ.parse(phaseQ)).nSamples(2)
        .optimizer(GradientDescent.create(LR)).build());
    return inference;
  }

  private static List<Variable<?>> variables(WakeSleep inference) {
    List<Variable<?>> out = new ArrayList<>(inference.modelVariables());
    out.addAll(inference.recognitionVariables());
    assertEquals(List.of("model/a", "q/w", "q/b", "q/c"), out.stream().map(Variable::name).toList());
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> xPh(WakeSleep inference) {
    return (Operand<TFloat32>) inference.data().values().iterator().next();
  }

  @SuppressWarnings("unchecked")
  private static double[] values(ModelContext ctx, List<Variable<?>> vars) {
    List<Operand<? extends TNumber>> ops = new ArrayList<>();
    vars.forEach(v -> ops.add((Operand<? extends TNumber>) v));
    List<TensorValue> v = ctx.evalAll(ops, Map.of());
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i).scalar();
    }
    return out;
  }
}

package org.edward4j.core.layers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.optimizers.VariableGradients;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * Reads and writes float32 variables in tests, with one placeholder-fed assignment per variable so
 * repeated writes (finite differences) do not grow the graph.
 */
final class VariableValues {

  private final ModelContext ctx;
  private final Map<String, Placeholder<TFloat32>> feeds = new HashMap<>();
  private final Map<String, Op> assigns = new HashMap<>();

  VariableValues(ModelContext ctx) {
    this.ctx = ctx;
  }

  float[] get(Variable<TFloat32> v) {
    return ctx.eval(v).data();
  }

  void set(Variable<TFloat32> v, float[] values) {
    Placeholder<TFloat32> p = feeds.computeIfAbsent(v.name(), n -> ctx.tf().placeholder(TFloat32.class,
        Placeholder.shape(v.shape())));
    Op assign = assigns.computeIfAbsent(v.name(), n -> v.assign(ctx.tf(), p));
    try (TFloat32 t = TFloat32.tensorOf(v.shape(), DataBuffers.of(values, true, false));
        Result r = ctx.run(ctx.session().runner().feed(p, t).addTarget(assign))) {
      // assignment only
    }
  }

  /**
   * Asserts that the gradient of scalar {@code f} with respect to each variable matches central
   * differences (step {@code eps}, error relative to {@code max(0.1, |numeric|)} at most {@code
   * tol}). The floor of 0.1 rather than 1 keeps the check meaningful for gradients of order 0.1: a
   * float32 difference quotient of a function of order one is accurate to about 1e-5.
   */
  void assertGradient(Operand<TFloat32> f, List<Variable<TFloat32>> vars, float eps, double tol) {
    Ops tf = ctx.tf();
    List<Operand<? extends TNumber>> grads = VariableGradients.of(tf, f, vars);
    List<org.edward4j.core.TensorValue> analytic = ctx.evalAll(grads, Map.of());
    for (int k = 0; k < vars.size(); k++) {
      Variable<TFloat32> v = vars.get(k);
      float[] base = get(v);
      for (int i = 0; i < base.length; i++) {
        float[] plus = base.clone();
        float[] minus = base.clone();
        plus[i] += eps;
        minus[i] -= eps;
        set(v, plus);
        double up = ctx.eval(f).scalar();
        set(v, minus);
        double down = ctx.eval(f).scalar();
        double numeric = (up - down) / (plus[i] - minus[i]);
        double a = analytic.get(k).data()[i];
        double err = Math.abs(a - numeric) / Math.max(0.1, Math.abs(numeric));
        if (!(err <= tol)) {
          throw new AssertionError(v.name() + "[" + i + "]: analytic " + a + ", numeric " + numeric
              + " (relative error " + err + " > " + tol + ")");
        }
      }
      set(v, base);
    }
  }
}

package org.edward4j.spark;

import java.util.ArrayList;
import java.util.List;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * Writes float arrays into a fixed list of float32 variables, and reads them back, each in one
 * {@code Session.run}. The placeholders and assignment ops are built once, under {@code
 * edward4j_spark/}, so writing every round does not grow the graph.
 */
final class VariableAssigner {

  private final ModelContext ctx;
  private final List<Variable<TFloat32>> variables = new ArrayList<>();
  private final List<Placeholder<TFloat32>> placeholders = new ArrayList<>();
  private final List<Op> assignments = new ArrayList<>();

  @SuppressWarnings("unchecked")
  VariableAssigner(ModelContext ctx, List<Variable<?>> variables) {
    this.ctx = ctx;
    Ops tf = ctx.opsAt("edward4j_spark");
    for (Variable<?> v : variables) {
      Variable<TFloat32> f = (Variable<TFloat32>) v; // ParameterLayout.of has checked the dtype
      Placeholder<TFloat32> ph = tf.placeholder(TFloat32.class, Placeholder.shape(f.shape()));
      this.variables.add(f);
      placeholders.add(ph);
      assignments.add(f.assign(tf, ph));
    }
  }

  /** Assigns {@code values[i]} to variable {@code i}, all in one run. */
  void write(float[][] values) {
    List<TFloat32> owned = new ArrayList<>(values.length);
    try {
      Session.Runner runner = ctx.session().runner();
      for (int i = 0; i < values.length; i++) {
        Shape shape = variables.get(i).shape();
        TFloat32 t = TFloat32.tensorOf(shape, DataBuffers.of(values[i], true, false));
        owned.add(t);
        runner.feed(placeholders.get(i), t);
        runner.addTarget(assignments.get(i));
      }
      ctx.run(runner).close();
    } finally {
      owned.forEach(TFloat32::close);
    }
  }

  /** The variables' current values, in order, copied out of native memory. */
  float[][] read() {
    List<Operand<? extends TNumber>> fetches = new ArrayList<>(variables);
    List<TensorValue> got = ctx.evalAll(fetches, java.util.Map.of());
    float[][] out = new float[got.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = got.get(i).data();
    }
    return out;
  }
}

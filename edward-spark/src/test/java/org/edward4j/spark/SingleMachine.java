package org.edward4j.spark;

import java.util.ArrayList;
import java.util.List;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TNumber;

/** The reference: one replica trained in one process, with no Spark and no averaging. */
final class SingleMachine {

  private SingleMachine() {}

  /**
   * Builds the model with {@code seed}, makes one update per batch, and returns the values of the
   * parameters (then the optimizer state, if asked).
   */
  static float[][] train(ModelFunction model, long seed, List<float[][]> batches, boolean withOptimizerState) {
    try (ModelContext ctx = ModelContext.withSeed(seed); TrainingReplica replica = model.build(ctx)) {
      for (float[][] rows : batches) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
          System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
        }
        replica.update(new Minibatch(rows.length, rows[0].length, flat));
      }
      List<Operand<? extends TNumber>> vars = new ArrayList<>();
      for (Variable<?> v : replica.parameters()) {
        vars.add(v);
      }
      if (withOptimizerState) {
        for (Variable<?> v : replica.optimizerState()) {
          vars.add(v);
        }
      }
      List<TensorValue> got = ctx.evalAll(vars, java.util.Map.of());
      float[][] out = new float[got.size()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = got.get(i).data();
      }
      return out;
    }
  }
}

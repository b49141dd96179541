package org.edward4j.core.checkpoints;

import java.util.List;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.VariableSpec;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** A small model with one variable of each common dtype, and helpers to read and write them. */
final class CheckpointFixtures implements AutoCloseable {

  final ModelContext ctx;
  final Variable<TFloat32> genKernel;
  final Variable<TFloat64> genBias;
  final Variable<TInt32> genCount;
  final Variable<TInt64> discSteps;
  final Variable<TFloat32> discKernel;

  /** Builds the model in a fresh context; different seeds give different initial floats. */
  CheckpointFixtures(long seed) {
    ctx = ModelContext.withSeed(seed);
    VariableScope gen = ctx.scope("Gen");
    genKernel = gen.child("dense").getVariable("kernel", Shape.of(2, 3));
    genBias = gen.child("dense").getVariable(VariableSpec.of("bias", Shape.of(4), TFloat64.class)
        .withInitializer(Initializers.randomNormal(0, 1)));
    genCount = gen.getVariable(VariableSpec.of("count", Shape.scalar(), TInt32.class).withInitializer(Initializers.zeros()));
    VariableScope disc = ctx.scope("Disc");
    discSteps = disc.getVariable(VariableSpec.of("steps", Shape.of(2), TInt64.class).withInitializer(Initializers.zeros()));
    discKernel = disc.getVariable("kernel", Shape.of(3, 1));
  }

  /** Sets every variable to distinctive values derived from {@code k}. */
  void setAll(int k) {
    Ops tf = ctx.tf();
    ctx.run(ctx.session().runner()
        .addTarget(genKernel.assign(tf, tf.constant(new float[][] {{k, k + 0.5f, -k}, {1e-7f * k, 3, k * 1e6f}})))
        .addTarget(genBias.assign(tf, tf.constant(new double[] {Math.PI * k, -k, 1e-300, k / 3.0})))
        .addTarget(genCount.assign(tf, tf.constant(7 * k)))
        .addTarget(discSteps.assign(tf, tf.constant(new long[] {Long.MAX_VALUE - k, -k})))
        .addTarget(discKernel.assign(tf, tf.constant(new float[][] {{k}, {-k}, {0.25f}}))))
        .close();
  }

  float[] floats(Variable<TFloat32> v) {
    return ctx.eval(v).data();
  }

  double[] doubles(Variable<TFloat64> v) {
    try (Result r = ctx.run(ctx.session().runner().fetch(v.value()))) {
      TFloat64 t = (TFloat64) r.get(0);
      double[] out = new double[(int) t.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = t.getDouble(i);
      }
      return out;
    }
  }

  long[] longs(Variable<TInt64> v) {
    try (Result r = ctx.run(ctx.session().runner().fetch(v.value()))) {
      TInt64 t = (TInt64) r.get(0);
      long[] out = new long[(int) t.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = t.getLong(i);
      }
      return out;
    }
  }

  int intValue(Variable<TInt32> v) {
    try (Result r = ctx.run(ctx.session().runner().fetch(v.value()))) {
      return ((TInt32) r.get(0)).getInt();
    }
  }

  /** Every value as text, to compare two models exactly. */
  String snapshot() {
    return java.util.Arrays.toString(floats(genKernel)) + java.util.Arrays.toString(doubles(genBias)) + intValue(genCount)
        + java.util.Arrays.toString(longs(discSteps)) + java.util.Arrays.toString(floats(discKernel));
  }

  List<TensorValue> floatValues() {
    return ctx.evalAll(List.of(genKernel, discKernel), java.util.Map.of());
  }

  @Override
  public void close() {
    ctx.close();
  }
}

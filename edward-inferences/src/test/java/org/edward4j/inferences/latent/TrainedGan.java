package org.edward4j.inferences.latent;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Reuse;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.checkpoints.Checkpoints;
import org.edward4j.core.layers.Activation;
import org.edward4j.core.layers.DenseOptions;
import org.edward4j.core.layers.Layers;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A fixed "trained" GAN for the estimator's tests, saved as a checkpoint: a generator 3 -> 32 -> 32
 * (tanh, input gain 2.5) -> 12 with Glorot weights, a discriminator 12 -> 8 (tanh) -> 1, and a linear encoder 12 -> 3 fitted
 * by least squares to the generator's inverse on the box the codes come from. Keeps its context
 * open so tests can compute {@code G(z)} the way training did.
 */
final class TrainedGan implements AutoCloseable {

  static final int Z = 3;
  static final int X = 12;

  final ModelContext ctx;
  final Placeholder<TFloat32> zPh;
  final Placeholder<TFloat32> xPh;
  final Operand<TFloat32> generated;
  final Path checkpoint;

  static Operand<TFloat32> generator(VariableScope scope, Operand<TFloat32> z) {
    // The input gain makes the tanh layers work in their curved range, so inversion is non-linear.
    Operand<TFloat32> h = scope.tf().math.mul(z, scope.tf().constant(2.5f));
    for (int i = 0; i < 2; i++) {
      h = Layers.dense(scope, h, 32, DenseOptions.builder().activation(Activation.tanh()).build());
    }
    return Layers.dense(scope, h, X);
  }

  static Operand<TFloat32> discriminator(VariableScope scope, Operand<TFloat32> x) {
    Operand<TFloat32> h = Layers.dense(scope, x, 8, DenseOptions.builder().activation(Activation.tanh()).build());
    return Layers.dense(scope, h, 1);
  }

  static Operand<TFloat32> encoder(VariableScope scope, Operand<TFloat32> x) {
    return Layers.dense(scope.child("encoder"), x, Z);
  }

  TrainedGan(Path dir, long seed) {
    ctx = ModelContext.withSeed(seed);
    Ops tf = ctx.tf();
    zPh = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, Z)));
    xPh = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, X)));
    generated = generator(ctx.scope("Gen"), zPh);
    discriminator(ctx.scope("Disc"), xPh);
    encoder(ctx.scope("Gen", Reuse.AUTO_REUSE), xPh);
    fitEncoder(seed);
    checkpoint = dir;
    Checkpoints.save(ctx, dir);
  }

  /** Codes uniform on [-bound, bound]^3. */
  static float[][] codes(int n, double bound, long seed) {
    Random r = new Random(seed);
    float[][] z = new float[n][Z];
    for (float[] row : z) {
      for (int j = 0; j < Z; j++) {
        row[j] = (float) ((2 * r.nextDouble() - 1) * bound);
      }
    }
    return z;
  }

  /** {@code G(z)} as the trained context computes it. */
  float[][] generate(float[][] z) {
    float[] flat = new float[z.length * Z];
    for (int i = 0; i < z.length; i++) {
      System.arraycopy(z[i], 0, flat, i * Z, Z);
    }
    try (TFloat32 t = TFloat32.tensorOf(Shape.of(z.length, Z), DataBuffers.of(flat, true, false))) {
      float[] x = ctx.eval(generated, Map.of(zPh, t)).data();
      float[][] out = new float[z.length][X];
      for (int i = 0; i < z.length; i++) {
        System.arraycopy(x, i * X, out[i], 0, X);
      }
      return out;
    }
  }

  /** Least squares of codes on [x, 1] over 2,000 samples, written into Gen/encoder/dense. */
  @SuppressWarnings("unchecked")
  private void fitEncoder(long seed) {
    float[][] z = codes(2000, 0.8, seed + 1);
    float[][] x = generate(z);
    double[][] design = new double[z.length][X + 1];
    double[][] target = new double[z.length][Z];
    for (int i = 0; i < z.length; i++) {
      for (int j = 0; j < X; j++) {
        design[i][j] = x[i][j];
      }
      design[i][X] = 1;
      for (int j = 0; j < Z; j++) {
        target[i][j] = z[i][j];
      }
    }
    RealMatrix solution = new QRDecomposition(new Array2DRowRealMatrix(design, false)).getSolver()
        .solve(new Array2DRowRealMatrix(target, false));
    float[][] kernel = new float[X][Z];
    float[] bias = new float[Z];
    for (int j = 0; j < Z; j++) {
      for (int i = 0; i < X; i++) {
        kernel[i][j] = (float) solution.getEntry(i, j);
      }
      bias[j] = (float) solution.getEntry(X, j);
    }
    Ops tf = ctx.tf();
    Variable<TFloat32> k = (Variable<TFloat32>) ctx.variables().get("Gen/encoder/dense/kernel").orElseThrow();
    Variable<TFloat32> b = (Variable<TFloat32>) ctx.variables().get("Gen/encoder/dense/bias").orElseThrow();
    ctx.run(ctx.session().runner().addTarget(k.assign(tf, tf.constant(kernel))).addTarget(b.assign(tf, tf.constant(bias)))).close();
  }

  @Override
  public void close() {
    ctx.close();
  }
}

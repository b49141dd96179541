package org.edward4j.spark.jobs;

import java.util.Map;
import java.util.Random;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Normal;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A linear-Gaussian latent model with a closed-form marginal, as an {@link ImportanceModel} for
 * {@link ImportanceNll}: per row, {@code z ~ N(0, 1)} and {@code x_d ~ N(z, s^2)} for {@code d <
 * D}, so {@code x ~ N(0, s^2 I + 1 1^T)}. The proposal is {@code q(z | x) = N(sum x / (D + s^2),
 * proposalSd^2)}: the exact posterior when {@code proposalSd = s / sqrt(D + s^2)} (every weight is
 * then {@code p(x)}, so any {@code K} is exact), wider otherwise (a lower bound that tightens as
 * {@code K} grows).
 *
 * <pre>{@code
 * LinearGaussianNll model = new LinearGaussianNll(4, 0.8, 1.0);
 * float[][] rows = model.rows(1000, 7L);
 * double exact = model.logMarginal(rows[0]);
 * }</pre>
 *
 * @param width the row width {@code D}, at least 1
 * @param noiseSd the observation noise {@code s}, positive and finite
 * @param proposalSd the proposal's standard deviation, positive and finite
 * @serial exclude (sent to the executors of one job, not stored)
 */
public record LinearGaussianNll(int width, double noiseSd, double proposalSd) implements ImportanceModel {

  private static final long serialVersionUID = 1L;

  /**
   * Checks every value.
   *
   * @param width the row width {@code D}, at least 1
   * @param noiseSd the observation noise {@code s}, positive and finite
   * @param proposalSd the proposal's standard deviation, positive and finite
   * @throws IllegalArgumentException naming the argument out of range
   */
  public LinearGaussianNll {
    if (width < 1) {
      throw new IllegalArgumentException("`width` must be at least 1, got " + width);
    }
    if (!(noiseSd > 0) || !Double.isFinite(noiseSd)) {
      throw new IllegalArgumentException("`noiseSd` must be positive and finite, got " + noiseSd);
    }
    if (!(proposalSd > 0) || !Double.isFinite(proposalSd)) {
      throw new IllegalArgumentException("`proposalSd` must be positive and finite, got " + proposalSd);
    }
  }

  /**
   * The standard deviation of the exact posterior {@code p(z | x)}, {@code s / sqrt(D + s^2)}.
   *
   * @return the posterior standard deviation
   */
  public double posteriorSd() {
    return noiseSd / Math.sqrt(width + noiseSd * noiseSd);
  }

  /**
   * Rows drawn from the model.
   *
   * @param n the number of rows
   * @param seed the seed of the draws
   * @return {@code n} rows of {@code D} floats
   */
  public float[][] rows(int n, long seed) {
    Random random = new Random(seed);
    float[][] rows = new float[n][width];
    for (float[] row : rows) {
      double z = random.nextGaussian();
      for (int d = 0; d < width; d++) {
        row[d] = (float) (z + noiseSd * random.nextGaussian());
      }
    }
    return rows;
  }

  /**
   * The exact {@code log p(x)}: {@code log N(x; 0, s^2 I + 1 1^T)} by the matrix determinant lemma
   * and the Sherman-Morrison formula.
   *
   * @param x a row of {@code D} values
   * @return the log density in nats
   */
  public double logMarginal(float[] x) {
    double s2 = noiseSd * noiseSd;
    double sum = 0;
    double sq = 0;
    for (float v : x) {
      sum += v;
      sq += (double) v * v;
    }
    double logDet = width * Math.log(s2) + Math.log1p(width / s2);
    double quad = (sq - sum * sum / (s2 + width)) / s2;
    return -0.5 * (width * Math.log(2 * Math.PI) + logDet + quad);
  }

  @Override
  public LikelihoodSetup build(ModelContext ctx, int batchSize) {
    Ops tf = ctx.tf();
    Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(batchSize, width)));
    VariableScope model = ctx.scope("model");
    Normal z = Normal.builder(model).loc(tf.zeros(tf.constant(new int[] {batchSize}), TFloat32.class)).scale(1.0).name("z").build();
    Operand<TFloat32> loc = tf.broadcastTo(tf.expandDims(z, tf.constant(1)), tf.constant(new long[] {batchSize, width}));
    Normal obs = Normal.builder(model).loc(loc).scale(noiseSd).name("x").build();
    Operand<TFloat32> postMean = tf.math.div(tf.reduceSum(x, tf.constant(1)), tf.constant((float) (width + noiseSd * noiseSd)));
    Normal qz = Normal.builder(ctx.scope("q")).loc(postMean).scale(proposalSd).name("qz").build();
    return new LikelihoodSetup(Map.of(z, qz), Map.of(obs, x), x);
  }
}

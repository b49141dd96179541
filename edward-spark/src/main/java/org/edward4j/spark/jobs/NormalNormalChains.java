package org.edward4j.spark.jobs;

import java.util.Map;
import java.util.Random;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.inferences.montecarlo.HMC;
import org.edward4j.inferences.montecarlo.HmcOptions;
import org.edward4j.models.Empirical;
import org.edward4j.models.Normal;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code normal_normal.py} as a {@link ChainModel} for {@link ParallelChains}: {@code mu ~
 * N(0, 1)}, {@code x_i ~ N(mu, 1)} for {@code n} observations drawn (from {@code dataSeed}) around
 * {@code trueMean}, sampled by HMC. The posterior is known in closed form, {@code N(sum x / (n +
 * 1), 1 / (n + 1))} ({@link #posteriorMean()}, {@link #posteriorSd()}), which makes it the check of
 * a chains job. Chain {@code c} starts at {@code -s, +s, -2s, +2s, ...} for {@code s =
 * startSpread}, dispersed as R-hat needs.
 *
 * <pre>{@code
 * NormalNormalChains model = new NormalNormalChains(50, 0.5, 7L, 1000, 0.1, 5, 2.0);
 * double exact = model.posteriorMean();
 * }</pre>
 *
 * @param observations the number of data points {@code n}, at least 1
 * @param trueMean the mean the data are drawn around
 * @param dataSeed the seed of the data
 * @param draws the draws per chain {@code T}, at least 1
 * @param stepSize HMC's leapfrog step size, positive and finite
 * @param leapfrogSteps HMC's leapfrog steps per draw, at least 1
 * @param startSpread the distance of the first chains' starts from 0, at least 0
 * @serial exclude (sent to the executors of one job, not stored)
 */
public record NormalNormalChains(int observations, double trueMean, long dataSeed, int draws, double stepSize,
    int leapfrogSteps, double startSpread) implements ChainModel {

  private static final long serialVersionUID = 1L;

  /**
   * Checks every value.
   *
   * @param observations the number of data points {@code n}, at least 1
   * @param trueMean the mean the data are drawn around
   * @param dataSeed the seed of the data
   * @param draws the draws per chain {@code T}, at least 1
   * @param stepSize HMC's leapfrog step size, positive and finite
   * @param leapfrogSteps HMC's leapfrog steps per draw, at least 1
   * @param startSpread the distance of the first chains' starts from 0, at least 0
   * @throws IllegalArgumentException naming the argument that is out of range
   */
  public NormalNormalChains {
    if (observations < 1) {
      throw new IllegalArgumentException("`observations` must be at least 1, got " + observations);
    }
    if (!Double.isFinite(trueMean)) {
      throw new IllegalArgumentException("`trueMean` must be finite, got " + trueMean);
    }
    if (draws < 1) {
      throw new IllegalArgumentException("`draws` must be at least 1, got " + draws);
    }
    if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
      throw new IllegalArgumentException("`stepSize` must be positive and finite, got " + stepSize);
    }
    if (leapfrogSteps < 1) {
      throw new IllegalArgumentException("`leapfrogSteps` must be at least 1, got " + leapfrogSteps);
    }
    if (!(startSpread >= 0) || !Double.isFinite(startSpread)) {
      throw new IllegalArgumentException("`startSpread` must be finite and at least 0, got " + startSpread);
    }
  }

  /**
   * The observations, {@code trueMean + N(0, 1)} noise from {@code dataSeed}.
   *
   * @return {@code n} values
   */
  public float[] data() {
    Random random = new Random(dataSeed);
    float[] x = new float[observations];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (trueMean + random.nextGaussian());
    }
    return x;
  }

  /**
   * The exact posterior mean, {@code sum x / (n + 1)}.
   *
   * @return the mean
   */
  public double posteriorMean() {
    double s = 0;
    for (float v : data()) {
      s += v;
    }
    return s / (observations + 1);
  }

  /**
   * The exact posterior standard deviation, {@code 1 / sqrt(n + 1)}.
   *
   * @return the standard deviation
   */
  public double posteriorSd() {
    return 1 / Math.sqrt(observations + 1.0);
  }

  /**
   * Chain {@code chain}'s starting point: {@code -s, +s, -2s, +2s, ...}.
   *
   * @param chain from 0
   * @return the start
   */
  public double start(int chain) {
    return startSpread * (chain % 2 == 0 ? -1 : 1) * (1 + chain / 2);
  }

  @Override
  public ChainSetup<HmcOptions> build(ModelContext ctx, int chain) {
    VariableScope model = ctx.scope("model");
    Normal mu = Normal.builder(model).loc(0.0).scale(1.0).name("mu").build();
    Normal x = Normal.builder(model).loc(mu).scale(1.0).sampleShape(observations).name("x").build();
    VariableScope posterior = ctx.scope("posterior");
    Variable<TFloat32> params = posterior.getVariable("qmu", Shape.of(draws), Initializers.constant(start(chain)));
    HMC hmc = new HMC(Map.of(mu, Empirical.of(posterior, params)), Map.of(x, ctx.tf().constant(data())));
    HmcOptions options = HmcOptions.builder().stepSize(stepSize).nSteps(leapfrogSteps).nPrint(0).build();
    return ChainSetup.of(hmc, options, Map.of("mu", params));
  }
}

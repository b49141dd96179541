package org.edward4j.examples.montecarlo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.edward4j.core.Initializer;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.MonteCarloOptions;
import org.edward4j.inferences.montecarlo.Gibbs;
import org.edward4j.models.Dirichlet;
import org.edward4j.models.Empirical;
import org.edward4j.models.InverseGamma;
import org.edward4j.models.Normal;
import org.edward4j.models.ParamMixture;
import org.edward4j.plots.Histogram;
import org.edward4j.plots.ScatterPlot;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code examples/mixture_gaussian_gibbs.py}: a mixture of {@code K = 3} Gaussians with
 * true means {@code [-10, 0, 10]}, variances {@code [1, 4, 9]} and weights {@code [0.2, 0.3, 0.5]},
 * {@code N = 10,000} points, inferred by Gibbs sampling over complete conditionals: {@code pi ~
 * Dirichlet(1)}, {@code mu ~ N(0, sd(true means))}, {@code sigmasq ~ InverseGamma(1, 2)} per
 * component, {@code x ~ ParamMixture(pi, Normal(mu, sqrt(sigmasq)))} with assignments {@code z}.
 *
 * <p>Edward's script loops over {@code z}, then {@code pi} and {@code mu}, then {@code sigmasq}
 * with one {@code Session.run} each; here {@link Gibbs} does the sweep in one run per draw, over
 * the same four complete conditionals, starting from one draw of the prior as Edward does. It
 * prints the final sample and the true parameters as Edward's script does, and beside them the
 * posterior means over the second half of the draws with the components sorted by mean (a mixture
 * is identified only up to relabelling). It writes {@code components.png} (inferred and true
 * component means against standard deviations, the weights in the legend) and {@code data.png}
 * (the data's histogram, Edward's first panel).
 *
 * <p>{@code bin/edward mixture-gaussian-gibbs [--n N] [--samples T] [--out DIR] [--seed S]}
 */
public final class MixtureGaussianGibbsExample {

  static final double[] TRUE_MU = {-10.0, 0.0, 10.0};
  static final double[] TRUE_SIGMASQ = {1.0, 4.0, 9.0};
  static final double[] TRUE_PI = {0.2, 0.3, 0.5};

  private MixtureGaussianGibbsExample() {}

  /**
   * What a run found: posterior means over the second half of the draws, components sorted by mean.
   *
   * @param n the number of points
   * @param counts how many points each true component drew
   * @param mu the components' means
   * @param sigmasq their variances
   * @param pi their weights
   * @param report the JSON report written
   */
  record Result(int n, int[] counts, double[] mu, double[] sigmasq, double[] pi, Path report) {}

  static Result run(MixtureGaussianGibbsCommand args) throws IOException {
    Path out = args.output.out();
    int n = args.n;
    int k = TRUE_MU.length;
    int t = args.samples;
    Random random = new Random(args.output.seed());
    float[] xData = new float[n];
    int[] counts = new int[k];
    for (int i = 0; i < n; i++) {
      int z = pick(random, TRUE_PI);
      counts[z]++;
      xData[i] = (float) (TRUE_MU[z] + random.nextGaussian() * Math.sqrt(TRUE_SIGMASQ[z]));
    }
    double muSigma = sd(TRUE_MU);
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(args.output.seed())) {
      VariableScope model = ctx.scope("model");
      Ops tf = model.tf();
      Dirichlet pi = Dirichlet.builder(model).concentration(new float[] {1f, 1f, 1f}).name("pi").build();
      Normal mu = Normal.builder(model).loc(0.0).scale(muSigma).sampleShape(k).name("mu").build();
      InverseGamma sigmasq = InverseGamma.builder(model).concentration(1.0).rate(2.0).sampleShape(k).name("sigmasq").build();
      ParamMixture<TFloat32> x = ParamMixture.builder(model).mixingWeights(pi)
          .components(Normal::builder, Map.of("loc", mu, "scale", tf.math.sqrt(sigmasq))).sampleShape(n).name("x").build();

      // Edward starts the sampler at one draw of the prior (sess.run([pi, mu, sigmasq, z])).
      float[] pi0 = new float[k];
      double total = 0;
      for (int j = 0; j < k; j++) {
        pi0[j] = (float) -Math.log(1 - random.nextDouble());
        total += pi0[j];
      }
      float[] mu0 = new float[k];
      float[] sigmasq0 = new float[k];
      for (int j = 0; j < k; j++) {
        pi0[j] /= (float) total;
        mu0[j] = (float) (random.nextGaussian() * muSigma);
        sigmasq0[j] = (float) (2.0 / -Math.log(1 - random.nextDouble()));
      }
      double[] piStart = new double[k];
      for (int j = 0; j < k; j++) {
        piStart[j] = pi0[j];
      }
      float[] z0 = new float[n];
      for (int i = 0; i < n; i++) {
        z0[i] = pick(random, piStart);
      }
      System.out.println("Initial parameters:");
      System.out.println("pi: " + Arrays.toString(pi0));
      System.out.println("mu: " + Arrays.toString(mu0));
      System.out.println("sigmasq: " + Arrays.toString(sigmasq0));
      System.out.println();

      VariableScope q = ctx.scope("posterior");
      Empirical qPi = Empirical.of(q, q.getVariable("pi", Shape.of(t, k), rows(pi0)));
      Empirical qMu = Empirical.of(q, q.getVariable("mu", Shape.of(t, k), rows(mu0)));
      Empirical qSigmasq = Empirical.of(q, q.getVariable("sigmasq", Shape.of(t, k), rows(sigmasq0)));
      Empirical qZ = Empirical.of(q, q.getVariable("z", Shape.of(t, n), rows(z0)));
      Map<Operand<?>, Operand<?>> latents = new LinkedHashMap<>();
      latents.put(pi, qPi);
      latents.put(mu, qMu);
      latents.put(sigmasq, qSigmasq);
      latents.put(x.cat(), qZ);
      Gibbs inference = new Gibbs(latents, Map.of(x, tf.constant(xData)));
      inference.run(MonteCarloOptions.builder().nPrint(Math.max(1, t / 10)).build());
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("took %.3f seconds to run %d iterations%n%n", seconds, t);

      float[][] piDraws = draws(ctx, qPi, t, k);
      float[][] muDraws = draws(ctx, qMu, t, k);
      float[][] sigmasqDraws = draws(ctx, qSigmasq, t, k);
      System.out.println("Final sample for parameters:");
      System.out.println("pi: " + Arrays.toString(piDraws[t - 1]));
      System.out.println("mu: " + Arrays.toString(muDraws[t - 1]));
      System.out.println("sigmasq: " + Arrays.toString(sigmasqDraws[t - 1]));
      System.out.println();
      System.out.println("True parameters:");
      System.out.println("pi: " + Arrays.toString(TRUE_PI));
      System.out.println("mu: " + Arrays.toString(TRUE_MU));
      System.out.println("sigmasq: " + Arrays.toString(TRUE_SIGMASQ));
      System.out.println();

      double[] muMean = secondHalfMean(muDraws);
      Integer[] order = new Integer[k];
      for (int j = 0; j < k; j++) {
        order[j] = j;
      }
      Arrays.sort(order, (a, b) -> Double.compare(muMean[a], muMean[b]));
      double[] mus = permute(muMean, order);
      double[] sigmasqs = permute(secondHalfMean(sigmasqDraws), order);
      double[] pis = permute(secondHalfMean(piDraws), order);
      System.out.println("Posterior means over the second half of the draws, components sorted by mean:");
      System.out.println("pi: " + Arrays.toString(pis));
      System.out.println("mu: " + Arrays.toString(mus));
      System.out.println("sigmasq: " + Arrays.toString(sigmasqs));

      double[] sds = new double[k];
      double[] trueSds = new double[k];
      for (int j = 0; j < k; j++) {
        sds[j] = Math.sqrt(sigmasqs[j]);
        trueSds[j] = Math.sqrt(TRUE_SIGMASQ[j]);
      }
      ScatterPlot.builder().title("Mixture components: mean against standard deviation")
          .xLabel("mean").yLabel("standard deviation").xRange(-15, 15).yRange(0, 4)
          .series("true, weights " + Arrays.toString(TRUE_PI), TRUE_MU, trueSds)
          .series(String.format("inferred, weights [%.2f, %.2f, %.2f]", pis[0], pis[1], pis[2]), mus, sds)
          .build().writePng(out.resolve("components.png"));
      Histogram.builder(xData).bins(50).title("Empirical distribution of x").xLabel("x").build()
          .writePng(out.resolve("data.png"));
      QualityReport.Builder report = QualityReport.builder("mixture-gaussian-gibbs")
          .setting("command", "bin/edward mixture-gaussian-gibbs --n " + n + " --samples " + t)
          .setting("seed", args.output.seed())
          .setting("train_seconds", seconds);
      report.metric("max_abs_error_mu", maxAbsError(mus, TRUE_MU), "largest |inferred - true| component mean");
      report.metric("max_abs_error_sigmasq", maxAbsError(sigmasqs, TRUE_SIGMASQ), "largest |inferred - true| variance");
      report.metric("max_abs_error_pi", maxAbsError(pis, TRUE_PI), "largest |inferred - true| mixing weight");
      Path json = report.build().writeJson(out.resolve("mixture-gaussian-gibbs.json"));
      return new Result(n, counts, mus, sigmasqs, pis, json);
    }
  }

  /** An initializer filling every row with {@code row} (row 0 is the chain's start). */
  private static Initializer rows(float[] row) {
    return new Initializer() {
      @Override
      public <T extends org.tensorflow.types.family.TNumber> Operand<T> initialValue(Ops tf, Shape shape, Class<T> dtype,
          ModelContext.OpSeed seed) {
        long count = shape.size() / row.length;
        float[] all = new float[(int) shape.size()];
        for (int r = 0; r < count; r++) {
          System.arraycopy(row, 0, all, r * row.length, row.length);
        }
        return tf.dtypes.cast(tf.constant(shape, DataBuffers.of(all, true, false)), dtype);
      }
    };
  }

  private static float[][] draws(ModelContext ctx, Empirical q, int t, int k) {
    float[] flat = ctx.eval(q.params()).data();
    float[][] out = new float[t][k];
    for (int r = 0; r < t; r++) {
      System.arraycopy(flat, r * k, out[r], 0, k);
    }
    return out;
  }

  private static double[] secondHalfMean(float[][] draws) {
    int t = draws.length;
    int k = draws[0].length;
    double[] m = new double[k];
    for (int r = t / 2; r < t; r++) {
      for (int j = 0; j < k; j++) {
        m[j] += draws[r][j] / (double) (t - t / 2);
      }
    }
    return m;
  }

  private static double[] permute(double[] v, Integer[] order) {
    double[] out = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      out[j] = v[order[j]];
    }
    return out;
  }

  private static double maxAbsError(double[] a, double[] b) {
    double m = 0;
    for (int j = 0; j < a.length; j++) {
      m = Math.max(m, Math.abs(a[j] - b[j]));
    }
    return m;
  }

  private static int pick(Random random, double[] p) {
    double u = random.nextDouble();
    double c = 0;
    for (int j = 0; j < p.length; j++) {
      c += p[j];
      if (u < c) {
        return j;
      }
    }
    return p.length - 1;
  }

  private static double sd(double[] v) {
    double m = Arrays.stream(v).average().orElse(0);
    return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).average().orElse(0));
  }
}

package org.edward4j.examples.montecarlo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.MonteCarloOptions;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.inferences.montecarlo.MetropolisHastings;
import org.edward4j.models.Categorical;
import org.edward4j.models.Dirichlet;
import org.edward4j.models.Empirical;
import org.edward4j.models.InverseGamma;
import org.edward4j.models.Normal;
import org.edward4j.plots.ScatterPlot;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code examples/mixture_gaussian_mh.py}: a mixture of {@code K = 2} Gaussians in {@code
 * D = 2} dimensions fitted to {@code N = 500} points by Metropolis-Hastings with independent
 * proposals for every latent variable at once, which, as Edward's docstring says, "utterly fails":
 * a proposal moves the weights, the means, the scales and all 500 assignments together, and the
 * acceptance ratio of such a jump in a 500-dimensional discrete space is practically zero.
 *
 * <p>The model as Edward writes it: {@code pi ~ Dirichlet(1, 1)}, {@code mu ~ N(0, 1)} and {@code
 * sigma ~ InverseGamma(1, 1)} of shape {@code [K, D]}, {@code c ~ Categorical(logits = log pi -
 * log(1 - pi))} for each point, {@code x ~ N(mu[c], sigma[c])}; proposals {@code Dirichlet(1.4,
 * 1.6)}, {@code N([[1, 1], [-1, -1]], 0.5)}, {@code InverseGamma(1.1, 1)} and a uniform {@code
 * Categorical}. Data: weights {@code [0.4, 0.6]}, means {@code [1, 1]} and {@code [-1, -1]},
 * covariance {@code 0.1 I} (Edward passes its "stds" as the covariance's diagonal). The chain starts
 * at {@code pi = [0.5, 0.5]}, {@code mu = 0}, {@code sigma = 1}, {@code c = 0}.
 *
 * <p>It prints what Edward prints every {@code n_print} draws (the inferred membership
 * probabilities and cluster means) and then the acceptance rate, and writes the data with the
 * inferred and true means ({@code means.png}). The assignments are stored as float32 (this
 * project's {@code Empirical} holds float32 draws) and cast to int32 for {@code gather}.
 *
 * <p>{@code bin/edward mixture-gaussian-mh [--n N] [--samples T] [--print P] [--out DIR] [--seed S]}
 */
public final class MixtureGaussianMhExample {

  static final int K = 2;
  static final int D = 2;

  private MixtureGaussianMhExample() {}

  /**
   * What a run found.
   *
   * @param pi the chain of the weights
   * @param mu the chain of the means
   * @param report the JSON report written
   */
  record Result(ChainDraws pi, ChainDraws mu, Path report) {}

  static float[][] data(int n, Random random) {
    float[][] x = new float[n][D];
    for (int i = 0; i < n; i++) {
      int k = random.nextDouble() < 0.4 ? 0 : 1;
      double m = k == 0 ? 1 : -1;
      for (int j = 0; j < D; j++) {
        x[i][j] = (float) (m + Math.sqrt(0.1) * random.nextGaussian());
      }
    }
    return x;
  }

  static Result run(MixtureGaussianMhCommand args) throws IOException {
    Path out = args.output.out();
    long start = System.nanoTime();
    int n = args.n;
    int t = args.samples;
    float[][] xData = data(n, new Random(args.output.seed()));
    try (ModelContext ctx = ModelContext.withSeed(args.output.seed())) {
      VariableScope model = ctx.scope("model");
      Ops tf = model.tf();
      Dirichlet pi = Dirichlet.builder(model).concentration(new float[] {1f, 1f}).name("pi").build();
      Normal mu = Normal.builder(model).loc(0.0).scale(1.0).sampleShape(K, D).name("mu").build();
      InverseGamma sigma = InverseGamma.builder(model).concentration(1.0).rate(1.0).sampleShape(K, D).name("sigma").build();
      Categorical<TFloat32> c = Categorical.builder(model).dtype(TFloat32.class)
          .logits(tf.math.sub(tf.math.log(pi), tf.math.log(tf.math.sub(tf.constant(1f), pi)))).sampleShape(n).name("c").build();
      Operand<TInt32> index = tf.dtypes.cast(c, TInt32.class);
      Normal x = Normal.builder(model).loc(tf.gather(mu, index, tf.constant(0)))
          .scale(tf.gather(sigma, index, tf.constant(0))).name("x").build();

      Variable<TFloat32> qpiParams = ctx.scope("qpi").getVariable("params", Shape.of(t, K), Initializers.constant(1.0 / K));
      Variable<TFloat32> qmuParams = ctx.scope("qmu").getVariable("params", Shape.of(t, K, D), Initializers.zeros());
      Variable<TFloat32> qsigmaParams = ctx.scope("qsigma").getVariable("params", Shape.of(t, K, D), Initializers.ones());
      Variable<TFloat32> qcParams = ctx.scope("qc").getVariable("params", Shape.of(t, n), Initializers.zeros());
      Empirical qpi = Empirical.of(ctx.scope("qpi"), qpiParams);
      Empirical qmu = Empirical.of(ctx.scope("qmu"), qmuParams);
      Empirical qsigma = Empirical.of(ctx.scope("qsigma"), qsigmaParams);
      Empirical qc = Empirical.of(ctx.scope("qc"), qcParams);

      VariableScope proposals = ctx.scope("proposal");
      Ops ptf = proposals.tf();
      Dirichlet gpi = Dirichlet.builder(proposals).concentration(new float[] {1.4f, 1.6f}).name("gpi").build();
      Normal gmu = Normal.builder(proposals).loc(ptf.constant(new float[][] {{1, 1}, {-1, -1}}))
          .scale(ptf.constant(new float[][] {{0.5f, 0.5f}, {0.5f, 0.5f}})).name("gmu").build();
      InverseGamma gsigma = InverseGamma.builder(proposals).concentration(ptf.constant(new float[][] {{1.1f, 1.1f}, {1.1f, 1.1f}}))
          .rate(ptf.constant(new float[][] {{1f, 1f}, {1f, 1f}})).name("gsigma").build();
      Categorical<TFloat32> gc = Categorical.builder(proposals).dtype(TFloat32.class)
          .logits(ptf.zeros(ptf.constant(new int[] {n, K}), TFloat32.class)).name("gc").build();

      Map<Operand<?>, Operand<?>> latent = new LinkedHashMap<>();
      latent.put(pi, qpi);
      latent.put(mu, qmu);
      latent.put(sigma, qsigma);
      latent.put(c, qc);
      Map<Operand<?>, Operand<?>> proposal = new LinkedHashMap<>();
      proposal.put(pi, gpi);
      proposal.put(mu, gmu);
      proposal.put(sigma, gsigma);
      proposal.put(c, gc);
      MetropolisHastings inference = new MetropolisHastings(latent, proposal, Map.of(x, ctx.tf().constant(xData)));
      inference.initialize(MonteCarloOptions.builder().nPrint(args.print).build());
      double acceptRate = 0;
      for (int i = 0; i < t; i++) {
        UpdateInfo info = inference.update();
        inference.printProgress(info);
        acceptRate = info.get("accept_rate");
        if (info.t() == 1 || info.t() % args.print == 0) {
          System.out.println();
          System.out.println("Inferred membership probabilities:");
          System.out.println(ChainDraws.format(toDouble(ctx.eval(qpi.mean()).data())));
          System.out.println("Inferred cluster means:");
          System.out.println(ChainDraws.format(toDouble(ctx.eval(qmu.mean()).data())));
        }
      }
      inference.finish();
      ChainDraws piDraws = ChainDraws.fetch(ctx, "pi", qpiParams);
      ChainDraws muDraws = ChainDraws.fetch(ctx, "mu", qmuParams);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("acceptance rate %.4f over %d draws (%d moves): the joint proposal over all %d assignments "
          + "is practically never accepted; %.1f s%n", acceptRate, t, Math.round(piDraws.moveRate() * (t - 1)), n, seconds);

      double[] px = new double[n];
      double[] py = new double[n];
      for (int i = 0; i < n; i++) {
        px[i] = xData[i][0];
        py[i] = xData[i][1];
      }
      double[] means = muDraws.means();
      ScatterPlot.builder().title("Data, true means and MH's inferred means").xLabel("x[0]").yLabel("x[1]")
          .series("data", px, py).series("true means", new double[] {1, -1}, new double[] {1, -1})
          .series("inferred means", new double[] {means[0], means[2]}, new double[] {means[1], means[3]})
          .pointRadius(3).build().writePng(out.resolve("means.png"));
      Path report = QualityReport.builder("mixture-gaussian-mh")
          .setting("command", "bin/edward mixture-gaussian-mh --n " + n + " --samples " + t)
          .setting("seed", args.output.seed())
          .setting("samples", t)
          .setting("train_seconds", seconds)
          .metric("accept_rate", acceptRate, "Edward: MH 'utterly fails' here")
          .metric("mean_mu00", means[0], "true 1 or -1 (label switching); start 0")
          .metric("mean_pi0", piDraws.mean(0), "true 0.4 or 0.6; start 0.5")
          .build().writeJson(out.resolve("mixture-gaussian-mh.json"));
      return new Result(piDraws, muDraws, report);
    }
  }

  private static double[] toDouble(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }
}

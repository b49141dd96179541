package org.edward4j.examples.montecarlo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.diagnostics.DiagnosticPlots;
import org.edward4j.criticisms.diagnostics.McmcSummary;
import org.edward4j.criticisms.diagnostics.ParameterSummary;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.KLqp;
import org.edward4j.inferences.KLqpOptions;
import org.edward4j.inferences.montecarlo.HMC;
import org.edward4j.inferences.montecarlo.HmcOptions;
import org.edward4j.models.Empirical;
import org.edward4j.models.Normal;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code examples/eight_schools/eight_schools.py}: the eight schools of Rubin (1981) in
 * the non-centred parameterization of Stan's case study, {@code mu ~ N(0, 10)}, {@code log tau ~
 * N(5, 1)}, {@code theta'_j ~ N(0, 1)}, {@code y_j ~ N(mu + exp(log tau) theta'_j, sigma_j)}, with
 * {@code sigma} a placeholder fed at every update, inferred twice: by {@code KLqp} with a
 * mean-field Normal family (15 samples per gradient) and by HMC with Edward's defaults.
 *
 * <p>The reference is Stan's NUTS from Edward's notebook ({@code notebooks/eight_schools.ipynb}):
 * {@code E[mu] = 5.84}, {@code E[log tau] = 2.45}; Edward's own HMC gave {@code E[mu] = 5.23}.
 * Edward ran one HMC chain of {@code S = 400,000} draws and kept the second half; here {@code
 * --chains} chains (default 4) of {@code --samples} draws each (default 100,000, Edward's
 * notebook's S), started as Stan starts its chains (uniform on {@code [-2, 2]}), keep their
 * second halves, so that the split R-hat and the effective sample size of Stan's {@code print(fit)}
 * can be computed: {@link McmcSummary}'s table is printed, and each expectation is compared with
 * Stan's in units of its Monte Carlo standard error ({@code sd / sqrt(ESS)}). Edward's fixed step
 * (0.25, two leapfrog steps) is too long where {@code tau} is large and {@code theta'} must be
 * small, so chains that wander there move rarely: the R-hat and the ESS say when that happened.
 *
 * <p>{@code bin/edward eight-schools [--klqp-iterations N] [--chains C] [--samples S] [--out DIR] [--seed S]}
 */
public final class EightSchoolsExample {

  /** The schools' estimated effects and standard errors (Rubin, 1981), as Edward's script. */
  static final float[] Y = {28, 8, -3, 7, -1, 1, 18, 12};
  static final float[] SIGMA = {15, 10, 16, 11, 9, 11, 10, 18};
  static final int J = Y.length;
  /** Stan's NUTS posterior means from Edward's notebook. */
  static final double STAN_MU = 5.836806;
  static final double STAN_LOG_TAU = 2.450053;

  private EightSchoolsExample() {}

  /**
   * What a run found.
   *
   * @param klqpMu KLqp's {@code E[mu]}
   * @param klqpLogTau KLqp's {@code E[log tau]}
   * @param summary the HMC chains' table (second halves)
   * @param report the JSON report written
   */
  record Result(double klqpMu, double klqpLogTau, McmcSummary summary, Path report) {
    /** The distance of HMC's {@code E[mu]} from Stan's, in Monte Carlo standard errors. */
    double muZ() {
      ParameterSummary r = summary.row("mu");
      return (r.mean() - STAN_MU) / r.mcseMean();
    }

    /** The distance of HMC's {@code E[log tau]} from Stan's, in Monte Carlo standard errors. */
    double logTauZ() {
      ParameterSummary r = summary.row("log_tau");
      return (r.mean() - STAN_LOG_TAU) / r.mcseMean();
    }
  }

  /** The model's variables. */
  private record Model(Normal mu, Normal logTau, Normal thetaPrime, Normal y, ContextPlaceholder<TFloat32> sigma) {}

  private static Model model(ModelContext ctx) {
    VariableScope scope = ctx.scope("model");
    Ops tf = scope.tf();
    Normal mu = Normal.builder(scope).loc(0.0).scale(10.0).name("mu").build();
    Normal logTau = Normal.builder(scope).loc(5.0).scale(1.0).name("logtau").build();
    Normal thetaPrime = Normal.builder(scope).loc(tf.zeros(tf.constant(new int[] {J}), TFloat32.class))
        .scale(tf.ones(tf.constant(new int[] {J}), TFloat32.class)).name("theta_prime").build();
    ContextPlaceholder<TFloat32> sigma = ctx.placeholder("sigma", TFloat32.class, Shape.of(J));
    Normal y = Normal.builder(scope).loc(tf.math.add(mu, tf.math.mul(tf.math.exp(logTau), thetaPrime)))
        .scale(tf.math.mul(sigma, tf.ones(tf.constant(new int[] {J}), TFloat32.class))).name("y").build();
    return new Model(mu, logTau, thetaPrime, y, sigma);
  }

  private static Normal meanField(ModelContext ctx, String name, Shape shape) {
    VariableScope scope = ctx.scope(name);
    Variable<TFloat32> loc = scope.getVariable("loc", shape, Initializers.zeros());
    Variable<TFloat32> scale = scope.getVariable("scale", shape, Initializers.zeros());
    return Normal.builder(scope).loc(loc).scale(scope.tf().math.softplus(scale)).build();
  }

  static Result run(EightSchoolsCommand args) throws IOException {
    Path out = args.output.out();
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(args.output.seed())) {
      Model m = model(ctx);
      Map<ContextPlaceholder<TFloat32>, float[]> feed = Map.of(m.sigma(), SIGMA);
      Ops tf = ctx.tf();

      Normal qLogTau = meanField(ctx, "q_logtau", Shape.scalar());
      Normal qMu = meanField(ctx, "q_mu", Shape.scalar());
      Normal qThetaPrime = meanField(ctx, "q_theta_prime", Shape.of(J));
      KLqp klqp = new KLqp(Map.of(m.logTau(), qLogTau, m.mu(), qMu, m.thetaPrime(), qThetaPrime),
          Map.of(m.y(), tf.constant(Y)));
      klqp.run(KLqpOptions.builder().nSamples(15).nIter(args.klqpIterations)
          .nPrint(Math.max(1, args.klqpIterations / 10)).build(), () -> feed);
      double klqpMu = ctx.eval(qMu.mean()).scalar();
      double klqpLogTau = ctx.eval(qLogTau.mean()).scalar();
      System.out.println("====  ed.KLqp inference ====");
      System.out.printf("E[mu] = %f%n", klqpMu);
      System.out.printf("E[logtau] = %f%n", klqpLogTau);
      System.out.println("E[theta_prime]=");
      System.out.println(ChainDraws.format(toDouble(ctx.eval(qThetaPrime.mean()).data())));
      System.out.println("====  end ed.KLqp inference ====");
      double klqpSeconds = (System.nanoTime() - start) / 1e9;

      int s = args.samples;
      int burn = s / 2;
      int c = args.chains;
      double[][] mu = new double[c][];
      double[][] logTau = new double[c][];
      float[][] thetaPrime = new float[c][];
      for (int k = 0; k < c; k++) {
        // Dispersed starts (row 0 of each chain) so that R-hat can see chains that disagree: Stan's
        // default, uniform on [-2, 2] for every unconstrained parameter.
        VariableScope q = ctx.scope("hmc_chain_" + k);
        Variable<TFloat32> muParams = q.getVariable("hq_mu", Shape.of(s), Initializers.randomUniform(-2, 2));
        Variable<TFloat32> logTauParams = q.getVariable("hq_logtau", Shape.of(s), Initializers.randomUniform(-2, 2));
        Variable<TFloat32> thetaParams = q.getVariable("hq_thetaprime", Shape.of(s, J), Initializers.randomUniform(-2, 2));
        HMC hmc = new HMC(Map.of(m.logTau(), Empirical.of(q, logTauParams), m.mu(), Empirical.of(q, muParams),
            m.thetaPrime(), Empirical.of(q, thetaParams)), Map.of(m.y(), tf.constant(Y)));
        hmc.run(HmcOptions.builder().nPrint(Math.max(1, s / 10)).build(), () -> feed);
        mu[k] = ChainDraws.fetch(ctx, "mu", muParams).dropFirst(burn).coordinate(0);
        logTau[k] = ChainDraws.fetch(ctx, "log_tau", logTauParams).dropFirst(burn).coordinate(0);
        ChainDraws theta = ChainDraws.fetch(ctx, "theta_prime", thetaParams).dropFirst(burn);
        thetaPrime[k] = theta.values();
        System.out.printf("chain %d: E[mu] = %f, E[logtau] = %f, acceptance rate %.3f%n", k + 1, mean(mu[k]),
            mean(logTau[k]), theta.moveRate());
      }
      McmcSummary summary = McmcSummary.builder().add("mu", mu).add("log_tau", logTau)
          .addCoordinates("theta_prime", thetaPrime, J).build();
      double seconds = (System.nanoTime() - start) / 1e9;
      Result result = new Result(klqpMu, klqpLogTau, summary, null);
      ParameterSummary muRow = summary.row("mu");
      ParameterSummary tauRow = summary.row("log_tau");
      System.out.println("====  ed.HMC inference ====");
      System.out.printf("E[mu] = %f%n", muRow.mean());
      System.out.printf("E[logtau] = %f%n", tauRow.mean());
      System.out.println("E[theta_prime]=");
      double[] thetaMeans = new double[J];
      for (int j = 0; j < J; j++) {
        thetaMeans[j] = summary.row("theta_prime[" + j + "]").mean();
      }
      System.out.println(ChainDraws.format(thetaMeans));
      System.out.println("====  end ed.HMC inference ====");
      System.out.printf("%d chains x %d draws, second halves kept:%n%s%n", c, s, summary);
      System.out.printf("against Stan's NUTS: E[mu] %.3f vs 5.837 (%+.2f Monte Carlo standard errors of %.3f), "
          + "E[logtau] %.3f vs 2.450 (%+.2f of %.3f); within two: %s; %.1f s (KLqp %.1f s)%n", muRow.mean(), result.muZ(),
          muRow.mcseMean(), tauRow.mean(), result.logTauZ(), tauRow.mcseMean(),
          Math.abs(result.muZ()) <= 2 && Math.abs(result.logTauZ()) <= 2 ? "yes" : "NO", seconds, klqpSeconds);
      DiagnosticPlots.trace(out.resolve("trace_mu.png"), "mu", mu, 1000, 400);
      DiagnosticPlots.trace(out.resolve("trace_logtau.png"), "log tau", logTau, 1000, 400);
      DiagnosticPlots.autocorrelation(out.resolve("autocorrelation_mu.png"), "mu", mu, Math.min(100, mu[0].length - 1), 800, 400);
      Path report = QualityReport.builder("eight-schools")
          .setting("command", "bin/edward eight-schools --klqp-iterations " + args.klqpIterations + " --chains " + c
              + " --samples " + s)
          .setting("seed", args.output.seed())
          .setting("chains", c)
          .setting("samples", s)
          .setting("train_seconds", seconds)
          .metric("klqp_mean_mu", klqpMu, "KLqp's E[mu]; Edward's notebook 6.21")
          .metric("hmc_mean_mu", muRow.mean(), "Stan NUTS 5.84; Edward's HMC 5.23")
          .metric("hmc_mean_mu_std", muRow.mcseMean(), "Monte Carlo standard error from the split ESS")
          .metric("hmc_mean_log_tau", tauRow.mean(), "Stan NUTS 2.45; Edward's HMC 2.45")
          .metric("hmc_mean_log_tau_std", tauRow.mcseMean(), "Monte Carlo standard error from the split ESS")
          .metric("hmc_mu_z", result.muZ(), "(E[mu] - 5.837) / MCSE")
          .metric("hmc_log_tau_z", result.logTauZ(), "(E[log tau] - 2.450) / MCSE")
          .metric("hmc_rhat_mu", muRow.rhat(), "rank-normalized split R-hat")
          .metric("hmc_ess_mu", muRow.essBulk(), "bulk effective sample size")
          .metric("hmc_rhat_log_tau", tauRow.rhat(), "rank-normalized split R-hat")
          .metric("hmc_ess_log_tau", tauRow.essBulk(), "bulk effective sample size")
          .build().writeJson(out.resolve("eight-schools.json"));
      return new Result(klqpMu, klqpLogTau, summary, report);
    }
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double[] toDouble(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }
}

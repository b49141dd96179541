package org.edward4j.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.VariableSpec;
import org.edward4j.criticisms.diagnostics.EffectiveSampleSize;
import org.edward4j.inferences.montecarlo.HMC;
import org.edward4j.inferences.montecarlo.HmcOptions;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Empirical;
import org.edward4j.models.Normal;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Measures what the library adds around {@code Session.run} for Monte Carlo: draws per second of
 * {@link HMC} on Bayesian logistic regression (w ~ N(0, I), y ~ Bernoulli(logits = X w), N
 * examples, D features, L leapfrog steps) against a hand-written raw TF Java HMC over the same data
 * and seeds: the same distributions' log densities built directly at its state (no graph copy),
 * leapfrog unrolled with {@code tf.gradients}, the draws scattered into a variable, one {@code
 * Session.run} per draw fed the context's random step.
 *
 * <p>Rounds alternate between the two loops so that warm-up, CPU frequency and other load affect
 * both alike; each rate is the median round. Effective samples per second use the smallest bulk
 * ESS over the D coordinates of the draws after warm-up, divided by the time of the measured
 * rounds. The library also builds Edward's log joint through graph copies, reads the current draw
 * from its {@code Empirical} and counts acceptances; those are its costs.
 */
public final class HmcBenchmark {

  /** The figures of one run. */
  record Figures(double libraryRate, double rawRate, double libraryEssRate, double rawEssRate,
      double libraryAccept, double rawAccept, double[] libraryMean, double[] rawMean, double libraryEss, double rawEss) {

    double ratio() {
      return libraryRate / rawRate;
    }
  }

  private HmcBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param argv {@code --draws N --rounds R ...}
   */
  public static void main(String[] argv) {
    Main.main(Main.withCommand("bench", Main.withCommand("hmc", argv)));
  }

  /** Runs and prints both rates, the ESS rates and the ratio. */
  static Figures run(int n, int d, int nSteps, double stepSize, int draws, int rounds, int warmup, long seed) {
    Figures f = measure(n, d, nSteps, stepSize, draws, rounds, warmup, seed);
    System.out.printf("Bayesian logistic regression (N=%d, D=%d), HMC with %d leapfrog steps of %s, %d rounds of %d draws%n",
        n, d, nSteps, stepSize, rounds, draws);
    System.out.printf("  raw TF Java HMC : %8.1f draws/s  %8.1f ESS/s  acceptance %.2f%n", f.rawRate(), f.rawEssRate(), f.rawAccept());
    System.out.printf("  HMC.update      : %8.1f draws/s  %8.1f ESS/s  acceptance %.2f%n", f.libraryRate(), f.libraryEssRate(),
        f.libraryAccept());
    System.out.printf("  library / raw   : %8.3f  (overhead %+.1f%%; target: at most +5%%)%n", f.ratio(), (1 / f.ratio() - 1) * 100);
    return f;
  }

  static Figures measure(int n, int d, int nSteps, double stepSize, int draws, int rounds, int warmup, long seed) {
    int total = warmup + rounds * draws;
    Random random = new Random(seed);
    float[][] x = new float[n][d];
    int[] y = new int[n];
    double[] wTrue = new double[d];
    for (int j = 0; j < d; j++) {
      wTrue[j] = random.nextGaussian() / Math.sqrt(d) * 2;
    }
    for (int i = 0; i < n; i++) {
      double logit = 0;
      for (int j = 0; j < d; j++) {
        x[i][j] = (float) random.nextGaussian();
        logit += x[i][j] * wTrue[j];
      }
      y[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    }
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      Ops tf = ctx.tf();
      Operand<TFloat32> xs = tf.constant(x);
      VariableScope scope = ctx.scope("model");
      Normal w = Normal.builder(scope).loc(tf.zeros(tf.constant(new int[] {d}), TFloat32.class))
          .scale(tf.ones(tf.constant(new int[] {d}), TFloat32.class)).build();
      Bernoulli<TInt32> yRv = Bernoulli.builder(scope).logits(logits(tf, xs, w, n, d)).build();
      Empirical qw = Empirical.of(scope, scope.getVariable("qw", Shape.of(total, d), Initializers.zeros()));
      HMC hmc = new HMC(Map.of(w, qw), Map.of(yRv, tf.constant(y)));
      hmc.initialize(HmcOptions.builder().stepSize(stepSize).nSteps(nSteps).nPrint(0).build());
      RawHmc raw = new RawHmc(ctx, xs, tf.constant(y), n, d, nSteps, stepSize, total);

      Loop library = i -> hmc.update();
      Loop rawLoop = i -> ctx.run(ctx.runner().addTarget(raw.update)).close();
      time(library, warmup);
      time(rawLoop, warmup);
      List<Double> libRates = new ArrayList<>();
      List<Double> rawRates = new ArrayList<>();
      double libTime = 0;
      double rawTime = 0;
      for (int r = 0; r < rounds; r++) {
        double tl = time(library, draws);
        double tr = time(rawLoop, draws);
        libTime += tl;
        rawTime += tr;
        libRates.add(draws / tl);
        rawRates.add(draws / tr);
      }
      float[] libDraws = ctx.eval(qw.params()).data();
      float[] rawDraws = ctx.eval(raw.samples).data();
      double libAccept = ctx.eval(hmc.sampleStore().nAccept()).longs()[0] / (double) total;
      double rawAccept = ctx.eval(raw.nAccept).longs()[0] / (double) total;
      double libEss = minEss(libDraws, d, warmup, total);
      double rawEss = minEss(rawDraws, d, warmup, total);
      return new Figures(BenchmarkRounds.median(libRates), BenchmarkRounds.median(rawRates), libEss / libTime, rawEss / rawTime, libAccept, rawAccept,
          means(libDraws, d, warmup, total), means(rawDraws, d, warmup, total), libEss, rawEss);
    }
  }

  private static Operand<TFloat32> logits(Ops tf, Operand<TFloat32> xs, Operand<TFloat32> w, int n, int d) {
    return tf.reshape(tf.linalg.matMul(xs, tf.reshape(w, tf.constant(new int[] {d, 1}))), tf.constant(new int[] {n}));
  }

  /** The hand-written HMC: its own draws variable, counters and unrolled leapfrog. */
  private static final class RawHmc {
    final Variable<TFloat32> samples;
    final Variable<TInt64> nAccept;
    final Op update;
    private final Ops tf;
    private final VariableScope scope;
    private final Operand<TFloat32> xs;
    private final Operand<TInt32> ys;
    private final int n;
    private final int d;

    RawHmc(ModelContext ctx, Operand<TFloat32> xs, Operand<TInt32> ys, int n, int d, int nSteps, double stepSize, int total) {
      this.scope = ctx.scope("raw");
      this.tf = scope.tf();
      this.xs = xs;
      this.ys = ys;
      this.n = n;
      this.d = d;
      samples = scope.getVariable(VariableSpec.of("samples", Shape.of(total, d), TFloat32.class)
          .withInitializer(Initializers.zeros()).withTrainable(false));
      Variable<TInt64> t = scope.getVariable(VariableSpec.of("t", Shape.scalar(), TInt64.class)
          .withInitializer(Initializers.zeros()).withTrainable(false));
      nAccept = scope.getVariable(VariableSpec.of("n_accept", Shape.scalar(), TInt64.class)
          .withInitializer(Initializers.zeros()).withTrainable(false));
      Operand<TInt64> row = tf.math.maximum(tf.math.sub(t.value(), tf.constant(1L)), tf.constant(0L));
      Operand<TFloat32> w0 = tf.reshape(tf.gather(samples.value(), row, tf.constant(0)), tf.constant(new int[] {d}));
      Operand<TFloat32> eps = tf.constant((float) stepSize);
      Operand<TFloat32> half = tf.constant((float) (stepSize / 2));
      Operand<TFloat32> r0 = tf.random.statelessRandomNormal(tf.constant(new int[] {d}), ctx.statelessSeed(tf, ctx.nextOpSeed()));
      Operand<TFloat32> lp0 = logJoint(w0);
      Operand<TFloat32> g = grad(lp0, w0);
      Operand<TFloat32> wNew = w0;
      Operand<TFloat32> r = r0;
      Operand<TFloat32> lp = lp0;
      for (int s = 0; s < nSteps; s++) {
        r = tf.math.add(r, tf.math.mul(half, g));
        wNew = tf.math.add(wNew, tf.math.mul(eps, r));
        lp = logJoint(wNew);
        g = grad(lp, wNew);
        r = tf.math.add(r, tf.math.mul(half, g));
      }
      Operand<TFloat32> logRatio = tf.math.add(tf.math.sub(lp, lp0),
          tf.math.mul(tf.constant(0.5f), tf.math.sub(sumSq(r0), sumSq(r))));
      Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.constant(new int[0]), ctx.statelessSeed(tf, ctx.nextOpSeed()));
      Operand<TBool> accept = tf.math.less(tf.math.log(u), logRatio);
      Operand<TFloat32> next = tf.select(accept, wNew, w0);
      Op write = tf.resourceScatterUpdate(samples.handle(), tf.reshape(t.value(), tf.constant(new int[] {1})),
          tf.expandDims(next, tf.constant(0)));
      Op count = tf.assignAddVariableOp(nAccept.handle(), tf.dtypes.cast(accept, TInt64.class));
      update = tf.withControlDependencies(List.of(write, count)).assignAddVariableOp(t.handle(), tf.constant(1L));
    }

    /**
     * The same log densities as the model's: {@code Normal(0, 1).logProb(w)} and {@code
     * Bernoulli(logits = X w).logProb(y)}, built directly at {@code w} (no graph copy), so the two
     * loops differ only in the inference machinery around them.
     */
    private Operand<TFloat32> logJoint(Operand<TFloat32> w) {
      Operand<TFloat32> prior = Normal.of(scope, 0.0, 1.0).logProb(w);
      Bernoulli<TInt32> y = Bernoulli.builder(scope).logits(logits(tf, xs, w, n, d)).build();
      return tf.math.add(tf.reduceSum(prior, tf.constant(0)), tf.reduceSum(y.logProb(ys), tf.constant(0)));
    }

    private Operand<TFloat32> grad(Operand<TFloat32> y, Operand<TFloat32> x) {
      Gradients g = tf.gradients(y, List.of(x));
      return g.dy(0);
    }

    private Operand<TFloat32> sumSq(Operand<TFloat32> v) {
      return tf.reduceSum(tf.math.square(v), tf.constant(0));
    }
  }

  @FunctionalInterface
  private interface Loop {
    void step(int i);
  }

  private static double time(Loop body, int steps) {
    long start = System.nanoTime();
    for (int i = 0; i < steps; i++) {
      body.step(i);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** The smallest bulk ESS over the coordinates of the draws after warm-up. */
  private static double minEss(float[] flat, int d, int warmup, int total) {
    double min = Double.POSITIVE_INFINITY;
    for (int j = 0; j < d; j++) {
      double[] chain = new double[total - warmup];
      for (int i = 0; i < chain.length; i++) {
        chain[i] = flat[(warmup + i) * d + j];
      }
      min = Math.min(min, EffectiveSampleSize.bulk(new double[][] {chain}));
    }
    return min;
  }

  private static double[] means(float[] flat, int d, int warmup, int total) {
    double[] m = new double[d];
    for (int i = warmup; i < total; i++) {
      for (int j = 0; j < d; j++) {
        m[j] += flat[i * d + j] / (double) (total - warmup);
      }
    }
    return m;
  }

}

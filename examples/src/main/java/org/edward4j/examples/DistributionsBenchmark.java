package org.edward4j.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.edward4j.core.VariableScope;
import org.edward4j.models.AbstractRandomVariable;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Beta;
import org.edward4j.models.Binomial;
import org.edward4j.models.Categorical;
import org.edward4j.models.Cauchy;
import org.edward4j.models.Chi2;
import org.edward4j.models.Dirichlet;
import org.edward4j.models.Exponential;
import org.edward4j.models.Gamma;
import org.edward4j.models.Geometric;
import org.edward4j.models.Gumbel;
import org.edward4j.models.HalfCauchy;
import org.edward4j.models.HalfNormal;
import org.edward4j.models.InverseGamma;
import org.edward4j.models.Kumaraswamy;
import org.edward4j.models.Laplace;
import org.edward4j.models.LogNormal;
import org.edward4j.models.Logistic;
import org.edward4j.models.MultivariateNormalDiag;
import org.edward4j.models.NegativeBinomial;
import org.edward4j.models.Normal;
import org.edward4j.models.OneHotCategorical;
import org.edward4j.models.Poisson;
import org.edward4j.models.RelaxedBernoulli;
import org.edward4j.models.RelaxedOneHotCategorical;
import org.edward4j.models.StudentT;
import org.edward4j.models.Uniform;
import org.edward4j.models.VonMises;
import org.edward4j.models.Wishart;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.random.StatelessRandomGetKeyCounterAlg;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Draws per second and {@code logProb} evaluations per second of every family (batches of {@value
 * #N} draws per {@code Session.run}, each reduced to a sum in the graph so no large tensor is copied
 * out), and for {@code Normal}, {@code Dirichlet} and {@code StudentT} the same against a raw TF
 * Java op graph written by hand (the same stateless random ops and formulas, its seed fed per run as
 * the library's random step is), measured in alternating rounds so load affects both alike.
 */
final class DistributionsBenchmark {

  static final int N = 100_000;

  private DistributionsBenchmark() {}

  /** Every family, built from numbers as a user would. */
  static Map<String, Function<VariableScope, AbstractRandomVariable<?>>> families() {
    Map<String, Function<VariableScope, AbstractRandomVariable<?>>> m = new LinkedHashMap<>();
    m.put("Normal", s -> Normal.of(s, 0.5, 2.0));
    m.put("Uniform", s -> Uniform.of(s, -1.0, 3.0));
    m.put("Bernoulli", s -> Bernoulli.ofProbs(s, 0.4));
    m.put("Categorical", s -> Categorical.ofProbs(s, new float[] {0.2f, 0.3f, 0.5f}));
    m.put("Beta", s -> Beta.of(s, 2.0, 3.0));
    m.put("Gamma", s -> Gamma.of(s, 2.0, 1.5));
    m.put("Exponential", s -> Exponential.of(s, 1.5));
    m.put("Laplace", s -> Laplace.of(s, 0.0, 1.0));
    m.put("Poisson", s -> Poisson.of(s, 3.0));
    m.put("MultivariateNormalDiag", s -> MultivariateNormalDiag.of(s, new float[] {0f, 1f}, new float[] {1f, 0.5f}));
    m.put("Cauchy", s -> Cauchy.of(s, 0.0, 1.0));
    m.put("HalfCauchy", s -> HalfCauchy.of(s, 0.0, 1.0));
    m.put("HalfNormal", s -> HalfNormal.of(s, 2.0));
    m.put("StudentT", s -> StudentT.of(s, 4.0, 0.0, 1.0));
    m.put("Chi2", s -> Chi2.of(s, 3.0));
    m.put("Gumbel", s -> Gumbel.of(s, 0.0, 1.0));
    m.put("Logistic", s -> Logistic.of(s, 1.0, 0.5));
    m.put("LogNormal", s -> LogNormal.of(s, 0.0, 0.5));
    m.put("InverseGamma", s -> InverseGamma.of(s, 3.0, 2.0));
    m.put("Kumaraswamy", s -> Kumaraswamy.of(s, 2.0, 5.0));
    m.put("VonMises", s -> VonMises.of(s, 0.5, 4.0));
    m.put("Dirichlet", s -> Dirichlet.of(s, new float[] {1f, 2f, 3f, 4f, 5f}));
    m.put("Binomial", s -> Binomial.of(s, 10, 0.3));
    m.put("NegativeBinomial", s -> NegativeBinomial.of(s, 3, 0.4));
    m.put("Geometric", s -> Geometric.ofProbs(s, 0.3));
    m.put("OneHotCategorical", s -> OneHotCategorical.ofProbs(s, new float[] {0.2f, 0.3f, 0.5f}));
    m.put("RelaxedBernoulli", s -> RelaxedBernoulli.ofProbs(s, 0.5, 0.3));
    m.put("RelaxedOneHotCategorical", s -> RelaxedOneHotCategorical.ofLogits(s, 0.5, new float[] {0f, 1f, 2f}));
    m.put("Wishart", s -> Wishart.of(s, 4.0, new float[][] {{1f, 0f}, {0.5f, 1f}}));
    return m;
  }

  /**
   * A timed graph: what to fetch, what to feed per run (the raw graphs' seed), and the fed draws a
   * log density is evaluated at (fed, so that TensorFlow cannot fold it into a constant).
   */
  private record Timed(ModelContext ctx, Operand<TFloat32> fetch, Placeholder<TInt64> seed, Fed x) {
    double perSecond(int runs, long units) {
      long nanos = 0;
      for (int i = 0; i < runs; i++) {
        nanos += oneRun();
      }
      return units * runs / (nanos / 1e9);
    }

    /** One {@code Session.run}, in nanoseconds; a raw graph gets a new seed each time. */
    long oneRun() {
      long start = System.nanoTime();
      Session.Runner r = ctx.runner().fetch(fetch);
      try (TInt64 s = seed == null ? null : TInt64.vectorOf(7, ++rawRuns)) {
        if (x != null) {
          r.feed(x.placeholder(), x.value());
        }
        if (s != null) {
          r.feed(seed, s);
        }
        try (Result res = ctx.run(r)) {
          sink += ((TFloat32) res.get(0)).getFloat();
        }
      }
      return System.nanoTime() - start;
    }
  }

  private static long rawRuns;

  private static double sink;

  /** Draws fed to a placeholder; the tensor lives until the benchmark's end. */
  private record Fed(Placeholder<TFloat32> placeholder, TFloat32 value) {}

  private static final List<TFloat32> FED = new ArrayList<>();

  /**
   * Runs the benchmark and prints a table.
   *
   * @param runs {@code Session.run}s per measurement
   * @param rounds alternating rounds of the three library/raw comparisons
   * @param seed the graph seed
   */
  static void run(int runs, int rounds, long seed) {
    System.out.printf("every family: %d draws (and log densities) per run, %d runs%n", N, runs);
    System.out.printf("  %-26s %14s %14s%n", "family", "draws/s", "logProb/s");
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      VariableScope scope = ctx.scope("bench");
      Ops tf = ctx.tf();
      for (Map.Entry<String, Function<VariableScope, AbstractRandomVariable<?>>> f : families().entrySet()) {
        AbstractRandomVariable<?> rv = f.getValue().apply(scope);
        Timed draws = new Timed(ctx, sum(tf, rv.sample(N)), null, null);
        Fed x = fixedDraws(ctx, rv);
        Timed logProb = new Timed(ctx, sum(tf, rv.logProb(x.placeholder())), null, x);
        draws.perSecond(2, N);
        logProb.perSecond(2, N);
        System.out.printf("  %-26s %14.0f %14.0f%n", f.getKey(), draws.perSecond(runs, N), logProb.perSecond(runs, N));
      }
    }
    try {
      compare(runs, rounds, seed);
    } finally {
      FED.forEach(TFloat32::close);
      FED.clear();
    }
  }

  /** The three families against graphs built by hand, draws and log densities, alternating rounds. */
  static void compare(int runs, int rounds, long seed) {
    System.out.printf("library against a raw graph, %d rounds of %d interleaved run pairs, medians%n", rounds, runs);
    System.out.printf("  %-10s %-19s %14s %14s %8s%n", "family", "op", "library/s", "raw/s", "lib/raw");
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      VariableScope scope = ctx.scope("lib");
      Ops tf = ctx.tf();
      Ops raw = ctx.opsAt("raw");
      Placeholder<TInt64> rawSeed = raw.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
      Map<String, Timed[]> pairs = new LinkedHashMap<>();
      // Normal(0.5, 2): loc + scale * N(0, 1); log density by its formula
      Normal normal = Normal.of(scope, 0.5, 2.0);
      Fed fN = fixedDraws(ctx, normal);
      Operand<TFloat32> xN = fN.placeholder();
      Operand<TFloat32> rawNormal = raw.math.add(raw.math.mul(
          raw.random.statelessRandomNormal(raw.constant(new int[] {N}), rawSeed), raw.constant(2f)), raw.constant(0.5f));
      Operand<TFloat32> zN = raw.math.div(raw.math.sub(xN, raw.constant(0.5f)), raw.constant(2f));
      Operand<TFloat32> rawNormalLp = raw.math.sub(raw.math.mul(raw.constant(-0.5f), raw.math.square(zN)),
          raw.constant((float) (Math.log(2) + 0.5 * Math.log(2 * Math.PI))));
      pairs.put("Normal draws", pair(ctx, tf, normal.sample(N), raw, rawNormal, rawSeed, null));
      pairs.put("Normal logProb", pair(ctx, tf, normal.logProb(xN), raw, rawNormalLp, null, fN));
      // Dirichlet([1..5]): normalized gamma draws; log density sum (a - 1) log x - log B(a)
      float[] alpha = {1f, 2f, 3f, 4f, 5f};
      Dirichlet dirichlet = Dirichlet.of(scope, alpha);
      Fed fD = fixedDraws(ctx, dirichlet);
      Operand<TFloat32> xD = fD.placeholder();
      Operand<TFloat32> a = raw.constant(alpha);
      StatelessRandomGetKeyCounterAlg kca = raw.random.statelessRandomGetKeyCounterAlg(rawSeed);
      Operand<TFloat32> g = raw.random.statelessRandomGamma(raw.constant(new int[] {N, 5}), kca.key(), kca.counter(),
          kca.alg(), a);
      Operand<TFloat32> rawDirichlet = raw.math.div(g, raw.reduceSum(g, raw.constant(-1), ReduceSum.keepDims(true)));
      Operand<TFloat32> logB = raw.math.sub(raw.reduceSum(raw.math.lgamma(a), raw.constant(0)),
          raw.math.lgamma(raw.reduceSum(a, raw.constant(0))));
      Operand<TFloat32> rawDirichletLp = raw.math.sub(raw.reduceSum(
          raw.math.mul(raw.math.sub(a, raw.constant(1f)), raw.math.log(xD)), raw.constant(-1)), logB);
      Dirichlet unchecked = Dirichlet.builder(scope).concentration(alpha).validateArgs(false).build();
      pairs.put("Dirichlet draws", pair(ctx, tf, dirichlet.sample(N), raw, rawDirichlet, rawSeed, null));
      pairs.put("Dirichlet logProb", pair(ctx, tf, unchecked.logProb(xD), raw, rawDirichletLp, null, fD));
      pairs.put("Dirichlet logProb(validated)", pair(ctx, tf, dirichlet.logProb(xD), raw, rawDirichletLp, null, fD));
      // StudentT(4, 0.5, 2): loc + scale N(0, 1) sqrt((df/2) / Gamma(df/2)); log density by its textbook formula
      StudentT studentT = StudentT.of(scope, 4.0, 0.5, 2.0);
      Fed fT = fixedDraws(ctx, studentT);
      Operand<TFloat32> xT = fT.placeholder();
      Operand<TFloat32> eps = raw.random.statelessRandomNormal(raw.constant(new int[] {N}), rawSeed);
      StatelessRandomGetKeyCounterAlg kca2 = raw.random.statelessRandomGetKeyCounterAlg(
          raw.math.add(rawSeed, raw.constant(new long[] {1, 0})));
      Operand<TFloat32> gT = raw.random.statelessRandomGamma(raw.constant(new int[] {N}), kca2.key(), kca2.counter(),
          kca2.alg(), raw.constant(2f));
      Operand<TFloat32> rawT = raw.math.add(raw.math.mul(
          raw.math.mul(eps, raw.math.sqrt(raw.math.div(raw.constant(2f), gT))), raw.constant(2f)), raw.constant(0.5f));
      double tNorm = org.apache.commons.math3.special.Gamma.logGamma(2.5) - org.apache.commons.math3.special.Gamma.logGamma(2)
          - 0.5 * Math.log(4 * Math.PI) - Math.log(2);
      Operand<TFloat32> zT = raw.math.div(raw.math.sub(xT, raw.constant(0.5f)), raw.constant(2f));
      Operand<TFloat32> rawTLp = raw.math.sub(raw.constant((float) tNorm),
          raw.math.mul(raw.constant(2.5f), raw.math.log1p(raw.math.div(raw.math.square(zT), raw.constant(4f)))));
      pairs.put("StudentT draws", pair(ctx, tf, studentT.sample(N), raw, rawT, rawSeed, null));
      pairs.put("StudentT logProb", pair(ctx, tf, studentT.logProb(xT), raw, rawTLp, null, fT));

      Map<String, List<double[]>> rates = new LinkedHashMap<>();
      pairs.forEach((k, p) -> {
        p[0].perSecond(3, N);
        p[1].perSecond(3, N);
        rates.put(k, new ArrayList<>());
      });
      // A round interleaves single runs of the two graphs and keeps the median run time of each, so
      // a run slowed by another process on this shared machine moves neither figure much.
      for (int r = 0; r < rounds; r++) {
        pairs.forEach((k, p) -> {
          List<Double> lib = new ArrayList<>();
          List<Double> rw = new ArrayList<>();
          for (int i = 0; i < runs; i++) {
            lib.add((double) p[0].oneRun());
            rw.add((double) p[1].oneRun());
          }
          rates.get(k).add(new double[] {N / (BenchmarkRounds.median(lib) / 1e9), N / (BenchmarkRounds.median(rw) / 1e9)});
        });
      }
      rates.forEach((k, list) -> {
        double lib = BenchmarkRounds.median(list.stream().map(v -> v[0]).toList());
        double rw = BenchmarkRounds.median(list.stream().map(v -> v[1]).toList());
        List<Double> ratios = list.stream().map(v -> v[0] / v[1]).toList();
        String[] parts = k.split(" ");
        System.out.printf("  %-10s %-19s %14.0f %14.0f %8.3f  rounds %s%n", parts[0], parts[1], lib, rw,
            BenchmarkRounds.median(ratios), BenchmarkRounds.format(ratios, "%.3f"));
      });
    }
  }

  private static Timed[] pair(ModelContext ctx, Ops tf, Operand<TFloat32> library, Ops raw, Operand<TFloat32> rawOp,
      Placeholder<TInt64> rawSeed, Fed x) {
    return new Timed[] {new Timed(ctx, sum(tf, library), null, x), new Timed(ctx, sum(raw, rawOp), rawSeed, x)};
  }

  /** One evaluated sample of {@code N} draws, fed as float32 through a placeholder: what logProb is timed on. */
  private static Fed fixedDraws(ModelContext ctx, AbstractRandomVariable<?> rv) {
    TensorValue v = ctx.eval(rv.sample(N));
    TFloat32 t = TFloat32.tensorOf(Shape.of(v.shape()), DataBuffers.of(v.data(), true, false));
    FED.add(t);
    return new Fed(ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(v.shape()))), t);
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> sum(Ops tf, Operand<?> x) {
    Operand<TFloat32> f = x.type() == TFloat32.class ? (Operand<TFloat32>) x
        : tf.dtypes.cast((Operand<org.tensorflow.types.family.TNumber>) x, TFloat32.class);
    return tf.reduceSum(f, tf.range(tf.constant(0), tf.rank(f), tf.constant(1)));
  }
}

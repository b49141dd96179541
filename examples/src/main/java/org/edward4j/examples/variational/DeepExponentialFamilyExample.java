package org.edward4j.examples.variational;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.optimizers.RmsProp;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.KLqp;
import org.edward4j.inferences.KLqpOptions;
import org.edward4j.inferences.MAP;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.inferences.VariationalOptions;
import org.edward4j.models.Gamma;
import org.edward4j.models.Normal;
import org.edward4j.models.PointMass;
import org.edward4j.models.Poisson;
import org.edward4j.models.TransformedDistribution;
import org.edward4j.models.bijectors.Bijectors;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code examples/deep_exponential_family.py}: a sparse Gamma deep exponential family
 * (Ranganath et al., 2015) used as a topic model: {@code W_l ~ Gamma(0.1, 0.3)}, {@code z3 ~
 * Gamma(0.1, 0.1)}, {@code z2 ~ Gamma(s, s / (z3 W2))}, {@code z1 ~ Gamma(s, s / (z2 W1))}, {@code x
 * ~ Poisson(z1 W0)}, fitted by variational EM: a KLqp E-step over the local {@code z} with the
 * weights bound to their point masses, and a MAP M-step over the weights with the {@code z} bound to
 * their approximations, each with its own RMSProp. Every epoch prints the bound on the negative
 * log-likelihood (the E-step's mean loss), {@code exp(nll / sum(x))} ("perplexity"), and the top
 * ten words of the first ten topics (rows of {@code W0}).
 *
 * <p>The approximations are Edward's explicit ones, written out as the script writes them:
 * log-normal {@code q(z) = Exp(Normal(loc, max(softplus(scale), 1e-5)))} through {@link
 * TransformedDistribution}, and point masses {@code max(softplus(mean), 1e-3)} for the weights
 * (the Gamma q of {@code --q gamma} is not ported: Edward's own docstring reports it worse). Edward
 * reads the NIPS corpus; it is not reachable here, so the command takes a corpus file ({@link
 * DocumentTermCorpus}) or generates a small synthetic one with known topics.
 *
 * <p>{@code bin/edward deep-exponential-family [--corpus FILE] [--k 100,30,15] [--epochs 20]
 * [--iterations-per-epoch 10000] [--lr 1e-4]}
 */
public final class DeepExponentialFamilyExample {

  private DeepExponentialFamilyExample() {}

  /**
   * The script's settings.
   *
   * @param layers components per layer, Edward's {@code K} (100, 30, 15)
   * @param shape the Gamma shape of the inner layers, Edward's {@code shape} (0.1)
   * @param learningRate RMSProp's step size, Edward's {@code lr} (1e-4)
   * @param epochs Edward: 20
   * @param iterationsPerEpoch Edward: 10000
   * @param seed the graph seed
   */
  public record Settings(int[] layers, double shape, double learningRate, int epochs, int iterationsPerEpoch, long seed) {
    /**
     * Checks every value.
     *
     * @param layers see the record's description
     * @param shape see the record's description
     * @param learningRate see the record's description
     * @param epochs see the record's description
     * @param iterationsPerEpoch see the record's description
     * @param seed see the record's description
     * @throws IllegalArgumentException naming the setting, the rule and the value
     */
    public Settings {
      if (layers == null || layers.length != 3) {
        throw new IllegalArgumentException("`layers` must hold 3 sizes, got "
            + (layers == null ? "null" : java.util.Arrays.toString(layers)));
      }
      for (int k : layers) {
        Checks.positive("layers", k);
      }
      layers = layers.clone();
      Checks.positive("shape", shape);
      Checks.positive("learningRate", learningRate);
      Checks.positive("epochs", epochs);
      Checks.positive("iterationsPerEpoch", iterationsPerEpoch);
    }
  }

  /**
   * The figures.
   *
   * @param nllPerEpoch the bound on the negative log-likelihood, per epoch
   * @param perplexity {@code exp(nll / sum(x))} at the last epoch
   * @param topics the top ten words of the first (up to) ten topics at the last epoch
   * @param seconds wall time
   */
  public record Result(double[] nllPerEpoch, double perplexity, List<List<String>> topics, double seconds) {}

  /**
   * Fits the model, printing Edward's per-epoch figures.
   *
   * @param corpus the documents
   * @param s the settings
   * @param out where to print
   * @return the figures
   */
  public static Result run(DocumentTermCorpus corpus, Settings s, PrintStream out) {
    int n = corpus.counts().length;
    int d = corpus.words().size();
    int[] k = s.layers();
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(s.seed())) {
      VariableScope model = ctx.scope("model");
      Ops tf = model.tf();
      Gamma w2 = Gamma.builder(model).concentration(0.1).rate(0.3).sampleShape(k[2], k[1]).name("W2").build();
      Gamma w1 = Gamma.builder(model).concentration(0.1).rate(0.3).sampleShape(k[1], k[0]).name("W1").build();
      Gamma w0 = Gamma.builder(model).concentration(0.1).rate(0.3).sampleShape(k[0], d).name("W0").build();
      Gamma z3 = Gamma.builder(model).concentration(0.1).rate(0.1).sampleShape(n, k[2]).name("z3").build();
      Operand<TFloat32> shape = tf.constant((float) s.shape());
      Gamma z2 = Gamma.builder(model).concentration(tf.fill(tf.constant(new int[] {n, k[1]}), shape))
          .rate(tf.math.div(shape, tf.linalg.matMul(z3, w2))).name("z2").build();
      Gamma z1 = Gamma.builder(model).concentration(tf.fill(tf.constant(new int[] {n, k[0]}), shape))
          .rate(tf.math.div(shape, tf.linalg.matMul(z2, w1))).name("z1").build();
      Poisson<TFloat32> x = Poisson.of(model, tf.linalg.matMul(z1, w0));

      PointMass qw2 = pointMass(ctx, "qW2", Shape.of(k[2], k[1]));
      PointMass qw1 = pointMass(ctx, "qW1", Shape.of(k[1], k[0]));
      PointMass qw0 = pointMass(ctx, "qW0", Shape.of(k[0], d));
      TransformedDistribution qz3 = logNormal(ctx, "qz3", Shape.of(n, k[2]));
      TransformedDistribution qz2 = logNormal(ctx, "qz2", Shape.of(n, k[1]));
      TransformedDistribution qz1 = logNormal(ctx, "qz1", Shape.of(n, k[0]));
      Operand<TFloat32> xData = tf.constant(corpus.counts());

      Map<Operand<?>, Operand<?>> eLatent = new LinkedHashMap<>(Map.of(z1, qz1, z2, qz2, z3, qz3));
      Map<Operand<?>, Operand<?>> eData = new LinkedHashMap<>(Map.of(x, xData, w0, qw0, w1, qw1, w2, qw2));
      Map<Operand<?>, Operand<?>> mLatent = new LinkedHashMap<>(Map.of(w0, qw0, w1, qw1, w2, qw2));
      Map<Operand<?>, Operand<?>> mData = new LinkedHashMap<>(Map.of(x, xData, z1, qz1, z2, qz2, z3, qz3));
      Operand<TFloat32> w0Value = tf.identity(qw0);
      try (KLqp inferenceE = new KLqp(eLatent, eData); MAP inferenceM = new MAP(mLatent, mData)) {
        inferenceE.initialize(KLqpOptions.builder().optimizer(RmsProp.builder().learningRate(s.learningRate()).build())
            .nIter(s.iterationsPerEpoch()).nPrint(0).build());
        inferenceM.initialize(VariationalOptions.builder().optimizer(RmsProp.builder().learningRate(s.learningRate()).build())
            .nPrint(0).build());
        double[] nlls = new double[s.epochs()];
        double perplexity = Double.NaN;
        List<List<String>> topics = List.of();
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
          out.println("Epoch " + epoch);
          double nll = 0;
          for (int t = 1; t <= s.iterationsPerEpoch(); t++) {
            UpdateInfo e = inferenceE.update();
            inferenceM.update();
            nll += e.loss();
          }
          nll /= s.iterationsPerEpoch();
          perplexity = Math.exp(nll / corpus.total());
          nlls[epoch] = nll;
          out.printf(Locale.ROOT, "Negative log-likelihood <= %.3f%n", nll);
          out.printf(Locale.ROOT, "Perplexity <= %.3f%n", perplexity);
          topics = topWords(ctx.eval(w0Value).data(), k[0], d, corpus.words());
          for (int topic = 0; topic < topics.size(); topic++) {
            out.println("Topic " + topic + ": " + String.join(" ", topics.get(topic)));
          }
        }
        return new Result(nlls, perplexity, topics, (System.nanoTime() - start) / 1e9);
      }
    }
  }

  /** The ten largest entries' words of each of the first ten rows of {@code W0}. */
  static List<List<String>> topWords(float[] w0, int rows, int d, List<String> words) {
    List<List<String>> topics = new ArrayList<>();
    for (int topic = 0; topic < Math.min(10, rows); topic++) {
      int row = topic;
      topics.add(IntStream.range(0, d).boxed()
          .sorted(Comparator.comparingDouble((Integer v) -> w0[row * d + v]).reversed())
          .limit(10).map(words::get).toList());
    }
    return topics;
  }

  /** Edward's {@code pointmass_q}: {@code PointMass(max(softplus(mean), 1e-3))}. */
  private static PointMass pointMass(ModelContext ctx, String name, Shape shape) {
    VariableScope scope = ctx.scope(name);
    Ops tf = scope.tf();
    Variable<TFloat32> mean = scope.getVariable("mean", shape);
    return PointMass.of(scope, tf.math.maximum(tf.math.softplus(mean), tf.constant(1e-3f)));
  }

  /** Edward's {@code lognormal_q}: {@code Exp(Normal(loc, max(softplus(scale), 1e-5)))}. */
  private static TransformedDistribution logNormal(ModelContext ctx, String name, Shape shape) {
    VariableScope scope = ctx.scope(name);
    Ops tf = scope.tf();
    Variable<TFloat32> loc = scope.getVariable("loc", shape);
    Variable<TFloat32> scale = scope.getVariable("scale", shape, Initializers.randomNormal(0, 0.1));
    Normal base = Normal.builder(scope).loc(loc).scale(tf.math.maximum(tf.math.softplus(scale), tf.constant(1e-5f))).build();
    return TransformedDistribution.of(scope, base, Bijectors.exp());
  }

  /**
   * The figures as a report for docs/RESULTS.md.
   *
   * @param corpusName what the corpus was (a file or "synthetic ...")
   * @param corpusFlag the flag that gives the same corpus again: {@code --corpus FILE} or {@code
   *     --documents N}
   * @param s the settings
   * @param r the result
   * @return the report
   */
  public static QualityReport report(String corpusName, String corpusFlag, Settings s, Result r) {
    double[] nll = r.nllPerEpoch();
    QualityReport.Builder b = QualityReport.builder("deep-exponential-family")
        .setting("command", String.format(Locale.ROOT,
            "bin/edward deep-exponential-family %s --k %d,%d,%d --epochs %d --iterations-per-epoch %d --lr %s --seed %d",
            corpusFlag, s.layers()[0], s.layers()[1], s.layers()[2], s.epochs(), s.iterationsPerEpoch(), s.learningRate(), s.seed()))
        .setting("corpus", corpusName).setting("epochs", s.epochs()).setting("seed", s.seed())
        .setting("train_seconds", r.seconds())
        .metric("nll_bound", nll[nll.length - 1], "negative log-likelihood <= mean E-step loss of the last epoch")
        .metric("perplexity_bound", r.perplexity(), "exp(nll / sum(x)), Edward's formula");
    double purity = DocumentTermCorpus.topicPurity(r.topics());
    if (!Double.isNaN(purity)) {
      b.metric("topic_purity", purity, "synthetic corpus: mean share of a topic's top 10 words from one true topic");
    }
    return b.build();
  }
}

package org.edward4j.examples.variational;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Reuse;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.DenseOptions;
import org.edward4j.core.layers.Layers;
import org.edward4j.core.layers.LstmCell;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.MAP;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.inferences.VariationalOptions;
import org.edward4j.models.Categorical;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code examples/lstm.py}: a character-level LSTM language model {@code p(x_1..x_T) =
 * prod_t Categorical(x_t | dense(h_t))}, {@code h_t = LSTM(one_hot(x_{t-1}), h_{t-1})}, fitted by
 * maximum likelihood with {@code MAP} and no latent variables, Adam at {@code --lr}.
 *
 * <p>As in Edward, the input is the target shifted right by one with code 0 ({@code a}) in front,
 * minibatches are windows of {@code --timesteps} characters at uniformly drawn offsets, and every
 * {@code --print} iterations the script prints the training bits per character since the last
 * report, the test NLL per window of {@code --timesteps} characters (Edward's "Test average NLL",
 * in nats) and five sampled strings. The cell is {@link LstmCell} (TF1's {@code BasicLSTMCell},
 * one kernel, gates {@code i, j, f, o}, forget bias 1), equivalent to Edward's hand-written cell.
 *
 * <p>Differences: text8 (100 MB, downloaded by Edward) is replaced by the bundled public-domain
 * Declaration of Independence ({@link CharacterCorpus}, first 90% train, last 10% test, as text8 is
 * split in order); iterations replace epochs; the default sizes (hidden 64, batch 32, 400 updates)
 * are smaller than Edward's (512, 128, 200 epochs of text8): on 7 KB of training text a larger or
 * longer-trained model memorizes it (hidden 128 reached 0.3 training and 5.1 test bits/char after
 * 2000 updates; hidden 64 is best on the test text near 400 updates, 2.67 bits/char).
 *
 * <p>{@code bin/edward lstm [--iterations 400] [--print 100] [--batch 32] [--hidden 64]
 * [--timesteps 64] [--lr 5e-3]}
 */
public final class LstmExample {

  private static final int VOCAB = CharacterCorpus.VOCABULARY.length();
  private static final int SAMPLES = 5;

  private LstmExample() {}

  /**
   * The script's settings.
   *
   * @param iterations Adam updates (Edward: 200 epochs of text8)
   * @param print iterations between reports
   * @param batch windows per minibatch (Edward: 128)
   * @param hidden LSTM units (Edward: 512)
   * @param timesteps characters per window (Edward: 64)
   * @param learningRate Adam's step size (Edward: 5e-3)
   * @param seed the seed of the minibatches and of the graph
   */
  public record Settings(int iterations, int print, int batch, int hidden, int timesteps, double learningRate, long seed) {
    /**
     * Checks every value.
     *
     * @param iterations see the record's description
     * @param print see the record's description
     * @param batch see the record's description
     * @param hidden see the record's description
     * @param timesteps see the record's description
     * @param learningRate see the record's description
     * @param seed see the record's description
     * @throws IllegalArgumentException naming the setting, the rule and the value
     */
    public Settings {
      atLeastOne("iterations", iterations);
      atLeastOne("print", print);
      atLeastOne("batch", batch);
      atLeastOne("hidden", hidden);
      atLeastOne("timesteps", timesteps);
      if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
        throw new IllegalArgumentException("`learningRate` must be a finite number above 0, got " + learningRate);
      }
    }

    private static void atLeastOne(String name, int value) {
      if (value < 1) {
        throw new IllegalArgumentException("`" + name + "` must be at least 1, got " + value);
      }
    }
  }

  /**
   * The figures.
   *
   * @param trainBitsPerChar training bits per character over the last report's iterations
   * @param testBitsPerChar test bits per character at the end
   * @param testNllPerWindow Edward's test NLL per window of {@code timesteps} characters, in nats
   * @param unigramBitsPerChar the entropy of the training text's character frequencies
   * @param samples the last five generated strings
   * @param seconds wall time of the fit
   */
  public record Result(double trainBitsPerChar, double testBitsPerChar, double testNllPerWindow,
      double unigramBitsPerChar, List<String> samples, double seconds) {}

  /**
   * Trains the language model on the bundled text, printing Edward's reports.
   *
   * @param s the settings
   * @param out where to print
   * @return the figures at the end
   */
  public static Result run(Settings s, PrintStream out) {
    int[] text = CharacterCorpus.declarationOfIndependence();
    int split = text.length * 9 / 10;
    int[] train = Arrays.copyOfRange(text, 0, split);
    int[] test = Arrays.copyOfRange(text, split, text.length);
    int t = s.timesteps();
    if (train.length <= t || test.length < t) {
      throw new IllegalArgumentException("`timesteps` must be below the test text's " + test.length + " characters, got " + t);
    }
    int[][] testWindows = new int[test.length / t][];
    for (int w = 0; w < testWindows.length; w++) {
      testWindows[w] = Arrays.copyOfRange(test, w * t, (w + 1) * t);
    }
    double unigram = CharacterCorpus.unigramEntropyBits(train);
    out.printf(Locale.ROOT, "Text: %d training and %d test characters; unigram entropy %.4f bits/char%n",
        train.length, test.length, unigram);
    out.printf("Test set shape: [%d, %d]%n", testWindows.length, t);
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(s.seed())) {
      Ops tf = ctx.tf();
      ContextPlaceholder<TInt32> xPh = ctx.placeholder("x_ph", TInt32.class, Shape.of(s.batch(), t));
      Categorical<TInt32> x = languageModel(ctx.scope("language_model"), xPh, s.batch(), s);
      Categorical<TInt32> xTest =
          languageModel(ctx.scope("language_model", Reuse.REUSE), tf.constant(testWindows), testWindows.length, s);
      Operand<TFloat32> testNll = tf.math.neg(tf.reduceSum(xTest.logProb(tf.constant(testWindows)), tf.constant(new int[] {0, 1})));
      Operand<TInt32> generated = languageModelGen(ctx.scope("language_model", Reuse.REUSE), s);

      try (MAP inference = new MAP(Map.of(), Map.of(x, xPh))) {
        inference.initialize(VariationalOptions.builder().nIter(s.iterations()).nPrint(s.print()).progressOutput(out)
            .optimizer(Adam.builder().learningRate(s.learningRate()).build()).build());
        // Edward counts tf.trainable_variables(): the weights, not Adam's slots.
        List<org.edward4j.core.Variable<?>> weights =
            ctx.variables().all().stream().filter(org.edward4j.core.Variable::isTrainable).toList();
        long parameters = weights.stream().mapToLong(v -> v.shape().size()).sum();
        out.printf("Number of sets of parameters: %d%nNumber of parameters: %d%n", weights.size(), parameters);
        weights.forEach(v -> out.println("  " + v.name() + " " + v.shape()));

        SplittableRandom draws = new SplittableRandom(s.seed());
        int[] batch = new int[s.batch() * t];
        double lossSinceReport = 0;
        double trainBits = Double.NaN;
        double testNats = Double.NaN;
        List<String> samples = List.of();
        for (int it = 1; it <= s.iterations(); it++) {
          for (int b = 0; b < s.batch(); b++) {
            System.arraycopy(train, draws.nextInt(train.length - t), batch, b * t, t);
          }
          UpdateInfo info = inference.update(Map.of(xPh, batch));
          lossSinceReport += info.loss();
          if (it % s.print() == 0 || it == s.iterations()) {
            int n = it % s.print() == 0 ? s.print() : it % s.print();
            trainBits = lossSinceReport / ((double) n * s.batch() * t * Math.log(2));
            lossSinceReport = 0;
            var values = ctx.evalAll(List.of(testNll, generated), Map.of());
            testNats = values.get(0).scalar() / testWindows.length;
            samples = decode(values.get(1).ints(), t);
            out.printf(Locale.ROOT, "Iteration %d%nTrain average bits/char: %.8f%nTest average NLL: %.8f (%.4f bits/char)%nSamples:%n",
                it, trainBits, testNats, testNats / (t * Math.log(2)));
            samples.forEach(out::println);
          }
        }
        return new Result(trainBits, testNats / (t * Math.log(2)), testNats, unigram, samples,
            (System.nanoTime() - start) / 1e9);
      }
    }
  }

  /** Edward's {@code language_model}: {@code [batch, T]} codes to a Categorical over the next codes. */
  private static Categorical<TInt32> languageModel(VariableScope scope, Operand<TInt32> codes, int batch, Settings s) {
    Ops tf = scope.tf();
    int t = s.timesteps();
    // [0, x[0], ..., x[T - 2]]: Edward pads with code 0, the letter a.
    Operand<TInt32> shifted = tf.slice(tf.pad(codes, tf.constant(new int[][] {{0, 0}, {1, 0}}), tf.constant(0)),
        tf.constant(new int[] {0, 0}), tf.constant(new int[] {batch, t}));
    Operand<TFloat32> oneHot = tf.oneHot(shifted, tf.constant(VOCAB), tf.constant(1f), tf.constant(0f));
    LstmCell.State state = LstmCell.zeroState(tf, batch, s.hidden());
    List<Operand<TFloat32>> hs = new ArrayList<>();
    for (Operand<TFloat32> xt : tf.unstack(oneHot, (long) t, org.tensorflow.op.core.Unstack.axis(1L))) {
      state = LstmCell.step(scope, xt, state, s.hidden());
      hs.add(state.h());
    }
    Operand<TFloat32> h = tf.stack(hs, org.tensorflow.op.core.Stack.axis(1L));
    return Categorical.ofLogits(scope, Layers.dense(scope, h, VOCAB, DenseOptions.builder().name("dense").build()));
  }

  /** Edward's {@code language_model_gen}: {@code x_t ~ p(x_t | x_<t)} from a uniform first input. */
  private static Operand<TInt32> languageModelGen(VariableScope scope, Settings s) {
    Ops tf = scope.tf();
    DenseOptions dense = DenseOptions.builder().name("dense").build();
    Operand<TInt32> x = Categorical.ofLogits(scope, tf.zeros(tf.constant(new int[] {SAMPLES, VOCAB}), TFloat32.class));
    LstmCell.State state = LstmCell.zeroState(tf, SAMPLES, s.hidden());
    List<Operand<TInt32>> xs = new ArrayList<>();
    for (int i = 0; i < s.timesteps(); i++) {
      state = LstmCell.step(scope, tf.oneHot(x, tf.constant(VOCAB), tf.constant(1f), tf.constant(0f)), state, s.hidden());
      x = Categorical.ofLogits(scope, Layers.dense(scope, state.h(), VOCAB, dense));
      xs.add(x);
    }
    return tf.stack(xs, org.tensorflow.op.core.Stack.axis(1L));
  }

  private static List<String> decode(int[] codes, int t) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + t <= codes.length; i += t) {
      out.add(CharacterCorpus.decode(Arrays.copyOfRange(codes, i, i + t)));
    }
    return out;
  }

  /**
   * The figures as a report for docs/RESULTS.md.
   *
   * @param s the settings
   * @param r the result
   * @return the report
   */
  public static QualityReport report(Settings s, Result r) {
    return QualityReport.builder("lstm")
        .setting("command", String.format(Locale.ROOT,
            "bin/edward lstm --iterations %d --batch %d --hidden %d --timesteps %d --lr %s --seed %d",
            s.iterations(), s.batch(), s.hidden(), s.timesteps(), s.learningRate(), s.seed()))
        .setting("data", "Declaration of Independence (public domain, bundled), 90/10 split; Edward uses text8")
        .setting("iterations", s.iterations()).setting("batch", s.batch()).setting("hidden", s.hidden())
        .setting("timesteps", s.timesteps()).setting("seed", s.seed()).setting("train_seconds", r.seconds())
        .metric("test_bits_per_char", r.testBitsPerChar(), "held-out bits per character at the end")
        .metric("train_bits_per_char", r.trainBitsPerChar(), "training bits per character over the last report")
        .metric("test_nll_per_window", r.testNllPerWindow(), "Edward's test average NLL per window, nats")
        .metric("unigram_bits_per_char", r.unigramBitsPerChar(), "entropy of the training text's character frequencies")
        .build();
  }
}

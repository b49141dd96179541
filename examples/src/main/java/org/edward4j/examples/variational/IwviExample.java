package org.edward4j.examples.variational;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.inferences.VariationalOptions;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Normal;
import org.edward4j.models.math.LinearAlgebra;
import org.edward4j.plots.LinePlot;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code examples/iwvi.py}: Bayesian logistic regression fitted by importance-weighted
 * variational inference, {@link Iwvi}, a user's subclass of {@code VariationalInference}.
 *
 * <p>Data as Edward's script: {@code w_true ~ N(0, I_D)}, {@code X ~ N(0, 1)} of {@code N x D},
 * {@code y ~ Bernoulli(sigmoid(X w_true))}. Model {@code w ~ N(0, I)}, {@code y ~
 * Bernoulli(logits = X w)}; approximation {@code q(w) = N(loc, softplus(scale))} over {@code
 * tf.get_variable}'s Glorot-uniform variables; {@code K} importance samples, Edward's default
 * optimizer. It prints Edward's figure, the mean squared error between {@code w_true} and the
 * posterior mean, before and after training, and writes {@code iwvi.json} (a quality report) and
 * {@code iwvi-loss.png} (the loss per iteration) under {@code --out}.
 *
 * <p>{@code bin/edward iwvi [--n N] [--d D] [--k K] [--iterations I] [--out DIR] [--seed S]}
 */
public final class IwviExample {

  private IwviExample() {}

  /**
   * The script's sizes.
   *
   * @param n data points, Edward's 5000
   * @param d features, Edward's 10
   * @param k importance samples, Edward's 5
   * @param iterations Edward's 1000
   * @param seed the data's and the graph's seed
   * @param out where the report and the picture go
   */
  public record Settings(int n, int d, int k, int iterations, long seed, Path out) {}

  /**
   * What the run measured.
   *
   * @param initialError mean squared error of the untrained posterior mean to {@code w_true}
   * @param finalError the same after training, Edward's printed figure
   * @param losses the loss at each iteration
   */
  public record Result(double initialError, double finalError, double[] losses) {}

  /**
   * Generates the data, trains, prints and writes the figures.
   *
   * @param s the sizes
   * @param log where the progress and the figures are printed
   * @return the errors and losses
   * @throws IOException if the report or the picture cannot be written
   */
  public static Result run(Settings s, PrintStream log) throws IOException {
    Random rng = new Random(s.seed());
    double[] wTrue = new double[s.d()];
    for (int j = 0; j < s.d(); j++) {
      wTrue[j] = rng.nextGaussian();
    }
    float[][] xData = new float[s.n()][s.d()];
    int[] yData = new int[s.n()];
    for (int i = 0; i < s.n(); i++) {
      double logit = 0;
      for (int j = 0; j < s.d(); j++) {
        xData[i][j] = (float) rng.nextGaussian();
        logit += xData[i][j] * wTrue[j];
      }
      yData[i] = rng.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    }
    try (ModelContext ctx = ModelContext.withSeed(s.seed())) {
      // MODEL
      VariableScope model = ctx.scope("model");
      Ops tf = model.tf();
      Operand<TFloat32> x = tf.constant(xData);
      Normal w = Normal.of(model, tf.zeros(tf.constant(new int[] {s.d()}), TFloat32.class),
          tf.ones(tf.constant(new int[] {s.d()}), TFloat32.class));
      Bernoulli<TInt32> y = Bernoulli.ofLogits(model, LinearAlgebra.dot(tf, x, w));
      // INFERENCE
      VariableScope q = ctx.scope("qw");
      Variable<TFloat32> loc = q.getVariable("loc", Shape.of(s.d()));
      Variable<TFloat32> scale = q.getVariable("scale", Shape.of(s.d()));
      Normal qw = Normal.of(q, loc, q.tf().math.softplus(scale));
      Iwvi inference = new Iwvi(Map.of(w, qw), Map.of(y, tf.constant(yData)));
      inference.initialize(new Iwvi.Options(VariationalOptions.builder().nIter(s.iterations()).nPrint(0).build(), s.k()));
      Operand<TFloat32> error = tf.math.mean(tf.math.square(tf.math.sub(tf.constant(toFloat(wTrue)), qw.mean())), tf.constant(0));
      double initial = ctx.eval(error).scalar();
      long started = System.nanoTime();
      double[] losses = new double[s.iterations()];
      for (int t = 0; t < s.iterations(); t++) {
        UpdateInfo info = inference.update();
        losses[t] = info.loss();
        if ((t + 1) % Math.max(1, s.iterations() / 10) == 0) {
          log.printf("iteration %d: loss %.3f%n", t + 1, info.loss());
        }
      }
      inference.finish();
      double last = ctx.eval(error).scalar();
      // CRITICISM
      log.println("Mean squared error in true values to inferred posterior mean:");
      log.println(last);
      QualityReport.builder("iwvi")
          .setting("command", "iwvi --n " + s.n() + " --d " + s.d() + " --k " + s.k() + " --iterations " + s.iterations()
              + " --seed " + s.seed())
          .setting("train_seconds", (System.nanoTime() - started) / 1e9).setting("n", s.n()).setting("d", s.d()).setting("k", s.k())
          .setting("iterations", s.iterations()).setting("seed", s.seed())
          .metric("weight_mse", last, "mean squared error of the posterior mean to w_true")
          .metric("initial_weight_mse", initial, "the same before training")
          .metric("final_loss", losses[losses.length - 1], "negative importance-weighted bound, last iteration")
          .build().writeJson(s.out().resolve("iwvi.json"));
      LinePlot.builder().series("loss", losses).yLabel("-IW bound").title("IWVI, K = " + s.k()).build()
          .writePng(s.out().resolve("iwvi-loss.png"));
      return new Result(initial, last, losses);
    }
  }

  private static float[] toFloat(double[] v) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) v[i];
    }
    return out;
  }
}

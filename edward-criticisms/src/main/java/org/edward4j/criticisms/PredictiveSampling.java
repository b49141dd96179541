package org.edward4j.criticisms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.edward4j.core.Feeds;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.TensorValue;
import org.edward4j.criticisms.PosteriorPredictive.OutputKind;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Categorical;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * The Monte Carlo loop of Edward's {@code evaluate}: {@code nSamples} session runs, each drawing
 * anew from the posterior predictive, averaging the output's probabilities (Bernoulli,
 * Categorical) or values (other outputs) and its log-likelihood at the held-out data.
 */
final class PredictiveSampling {

  private PredictiveSampling() {}

  static PosteriorPredictive run(
      DataBinding data, Operand<?> outputKey, boolean predictions, boolean logLikelihood, int nSamples, long seed) {
    ModelContext ctx = data.context();
    Realization yTrue = data.observed(outputKey).atLeast1d();
    OutputKind kind = outputKey instanceof Bernoulli<?> ? OutputKind.BERNOULLI
        : outputKey instanceof Categorical<?> ? OutputKind.CATEGORICAL : OutputKind.OTHER;
    Ops tf = ctx.scope("evaluate").tf();
    List<Operand<? extends TNumber>> fetches = new ArrayList<>();
    try (Feeds feeds = new Feeds()) {
      data.feedPlaceholders(feeds);
      if (predictions) {
        fetches.add(predictionTensor(tf, outputKey, kind));
      }
      if (logLikelihood) {
        fetches.add(logLikelihoodTensor(tf, outputKey, data.observed(outputKey), feeds));
      }
      double[] sum = null;
      long[] shape = null;
      double logLik = 0;
      for (int s = 0; s < nSamples; s++) {
        List<TensorValue> out = ctx.evalAll(fetches, feeds.asMap());
        if (predictions) {
          float[] v = out.get(0).data();
          if (sum == null) {
            sum = new double[v.length];
            shape = out.get(0).shape();
          }
          for (int i = 0; i < v.length; i++) {
            sum[i] += (double) v[i] / nSamples;
          }
        }
        if (logLikelihood) {
          logLik += out.get(out.size() - 1).data()[0] / (double) nSamples;
        }
      }
      if (!predictions) {
        return new PosteriorPredictive(yTrue, null, kind, null, logLik);
      }
      Realization mean = new Realization(shape, sum);
      return switch (kind) {
        case BERNOULLI -> new PosteriorPredictive(yTrue, roundProbs(mean, seed), kind, mean, logLikOrNaN(logLikelihood, logLik));
        case CATEGORICAL -> new PosteriorPredictive(yTrue, mean.argmaxLastAxis(), kind, mean, logLikOrNaN(logLikelihood, logLik));
        case OTHER -> new PosteriorPredictive(yTrue, mean.atLeast1d(), kind, null, logLikOrNaN(logLikelihood, logLik));
      };
    }
  }

  private static double logLikOrNaN(boolean computed, double value) {
    return computed ? value : Double.NaN;
  }

  @SuppressWarnings("unchecked")
  private static Operand<? extends TNumber> predictionTensor(Ops tf, Operand<?> outputKey, OutputKind kind) {
    if (kind == OutputKind.BERNOULLI) {
      return ((Bernoulli<?>) outputKey).probs();
    }
    if (kind == OutputKind.CATEGORICAL) {
      Categorical<?> c = (Categorical<?>) outputKey;
      Operand<TFloat32> logits = c.parameters().get("logits");
      if (logits != null) {
        return tf.nn.softmax(logits);
      }
      Operand<TFloat32> p = c.parameters().get("probs");
      return tf.math.div(p, tf.reduceSum(p, tf.constant(-1), ReduceSum.keepDims(true)));
    }
    if (!TNumber.class.isAssignableFrom(outputKey.type())) {
      throw new IllegalArgumentException("`outputKey` " + outputKey.op().name() + " must be numeric, got "
          + outputKey.asOutput().dataType());
    }
    return (Operand<? extends TNumber>) outputKey;
  }

  private static Operand<TFloat32> logLikelihoodTensor(Ops tf, Operand<?> outputKey, Realization yTrue, Feeds feeds) {
    if (!(outputKey instanceof RandomVariable<?> rv)) {
      throw new IllegalArgumentException("log_likelihood needs `outputKey` to be a RandomVariable (it uses its"
          + " logProb), got the tensor " + outputKey.op().name());
    }
    Placeholder<TFloat32> y = tf.withName("y_true").placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(yTrue.shape())));
    feeds.put(y, DataBinding.feedable(yTrue, TFloat32.class, "log_likelihood data"));
    Operand<TFloat32> logProb = rv.logProb(y);
    int rank = logProb.shape().isUnknown() ? -1 : logProb.shape().numDimensions();
    if (rank == 0) {
      return logProb;
    }
    return tf.math.mean(logProb, tf.range(tf.constant(0), tf.rank(logProb), tf.constant(1)));
  }

  /** Edward's prediction for a Bernoulli: round the averaged probability, a coin flip at exactly 0.5. */
  private static Realization roundProbs(Realization probs, long seed) {
    Random rng = new Random(seed);
    double[] out = Arrays.copyOf(probs.data(), probs.data().length);
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i] > 0.5 ? 1 : out[i] < 0.5 ? 0 : rng.nextInt(2);
    }
    return new Realization(probs.shape(), out).atLeast1d();
  }
}

package org.edward4j.inferences;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.optimizers.GradientAndVariable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The wake-sleep algorithm (Hinton et al., 1995), Edward's {@code ed.WakeSleep}: for a model
 * {@code p(x, z; theta)} and a recognition model {@code q(z | x; lambda)} it alternates
 *
 * <ul>
 *   <li>the wake phase: maximize {@code log p(x, z; theta)} over {@code theta} with bottom-up
 *       samples {@code z ~ q(z | x; lambda)} at the data {@code x};
 *   <li>the sleep phase: maximize {@code log q(z | x; lambda)} over {@code lambda} with top-down
 *       fantasies {@code (z, x) ~ p(x, z; theta)}, which minimizes {@code KL(p(z | x) || q(z | x))}
 *       averaged over the model's own {@code x}.
 * </ul>
 *
 * <p>Both phases run in one training step. The model's variables ({@code theta}) get only the wake
 * gradient and q's variables ({@code lambda}, those q's random variables depend on) only the q
 * gradient; each loss adds every regularization loss. The sleep phase draws the fantasy {@code z}
 * from the prior, then the fantasy {@code x} from {@code p(x | z)}, and scores {@code q} with
 * every data tensor of {@code data} (e.g. the placeholder q reads) replaced by the fantasy {@code
 * x}, as Hinton et al. describe. Edward's own implementation departs from its documentation here: it
 * never draws a fantasy {@code x} and scores prior samples of {@code z} against the real data.
 *
 * <p>Options ({@link WakeSleepOptions}): {@code nSamples} (samples per phase, default 1), {@code phaseQ} ({@link PhaseQ#SLEEP},
 * the default, or {@link PhaseQ#WAKE}: q maximizes {@code log q(z | x)} at its own samples held fixed,
 * whose expected gradient is zero unless {@code reweighted}), {@code reweighted} (reweighted
 * wake-sleep, Bornschein and Bengio, 2015: with {@code K = nSamples} draws per example the wake
 * phase, and q's wake update, weight each draw by its normalized importance weight {@code p(x,
 * z_k) / q(z_k | x)}; every variable then needs the examples along its first axis), {@code
 * scale}, and those of {@link VariationalInference}. In conditional inference ({@code data} binds
 * {@code beta} to {@code q(beta)}) both phases use a sample {@code beta ~ q(beta)}. The reported
 * loss is the wake loss; {@link #lossQ()} is q's.
 *
 * <pre>{@code
 * Bernoulli<TFloat32> z = Bernoulli.builder(scope).logits(zeros).dtype(TFloat32.class).build();
 * Bernoulli<TFloat32> x = Bernoulli.builder(scope).logits(decoder(z)).dtype(TFloat32.class).build();
 * Bernoulli<TFloat32> qz = Bernoulli.builder(scope).logits(encoder(xPh)).dtype(TFloat32.class).build();
 * WakeSleep inference = new WakeSleep(Map.of(z, qz), Map.of(x, xPh));
 * inference.initialize(WakeSleepOptions.builder().phaseQ(PhaseQ.SLEEP).optimizer(adam).build());
 * UpdateInfo info = inference.update(Map.of(xPh, batch));
 * }</pre>
 */
public class WakeSleep extends VariationalInference<WakeSleepOptions> {


  private Operand<TFloat32> lossP;
  private Operand<TFloat32> lossQ;
  private List<Variable<?>> modelVariables;
  private List<Variable<?>> recognitionVariables;

  /**
   * Creates the inference; nothing is built until {@link #initialize}.
   *
   * @param latentVars latent variable to its recognition model {@code q(z | x)}; may be empty
   * @param data observed variable to its data (the tensor q reads), or to a random variable for
   *     conditional inference
   * @throws IllegalArgumentException for keys or approximations that are not random variables, or
   *     mismatched dtypes and shapes
   */
  public WakeSleep(Map<? extends Operand<?>, ? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data);
  }

  @Override
  protected WakeSleepOptions defaultOptions() {
    return WakeSleepOptions.defaults();
  }

  @Override
  protected LossAndGradients buildLossAndGradients(WakeSleepOptions options, List<Variable<?>> varList) {
    Ops tf = tf();
    int n = options.nSamples();
    boolean sleep = options.phaseQ() == PhaseQ.SLEEP;
    boolean reweighted = options.reweighted();
    Map<Operand<?>, Object> scale = options.variational().scale();
    VariableScope base = inferenceScope();
    WakeTerms wake = new WakeTerms(tf, reweighted);
    List<Operand<TFloat32>> qTerms = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      PosteriorSample sample = PosteriorSample.draw(ctx, latentVars, data, base.child("q_sample"), true);
      wake.add(sample, latentVars, data, scale, !sleep);
      if (s == 0) {
        sample.checkEveryLatentBound("WakeSleep");
      }
      if (sleep) {
        qTerms.add(Fantasies.sleepTerm(ctx, latentVars, data, sample, scale, base.child("p_sample")));
      }
    }
    Operand<TFloat32> reg = regularizationPenalty();
    lossP = tf.math.add(tf.math.neg(wake.logJoint()), reg);
    Operand<TFloat32> q = sleep ? (qTerms.isEmpty() ? tf.constant(0f) : ModelTerms.mean(tf, qTerms)) : wake.logQ(!latentVars.isEmpty());
    lossQ = tf.math.add(tf.math.neg(q), reg);
    recognitionVariables = variationalVariables(varList);
    modelVariables = new ArrayList<>(varList);
    modelVariables.removeAll(recognitionVariables);
    List<GradientAndVariable> grads = new ArrayList<>(gradients(lossQ, recognitionVariables));
    grads.addAll(gradients(lossP, modelVariables));
    return new LossAndGradients(lossP, grads);
  }

  /**
   * The wake loss {@code -E_q[log p(x, z)]} plus regularization: the reported {@code "loss"}.
   *
   * @return the wake loss {@code -E_q[log p(x, z)]} plus regularization: the reported {@code "loss"}
   */
  public Operand<TFloat32> lossP() {
    checkInitialized();
    return lossP;
  }

  /**
   * q's loss: {@code -log q(z | x)} at the fantasies (sleep) or at q's own samples (wake), plus regularization.
   *
   * @return q's loss: {@code -log q(z | x)} at the fantasies (sleep) or at q's own samples (wake), plus regularization
   */
  public Operand<TFloat32> lossQ() {
    checkInitialized();
    return lossQ;
  }

  /**
   * The model's variables {@code theta}, trained by the wake phase only.
   *
   * @return the model's variables {@code theta}, trained by the wake phase only
   */
  public List<Variable<?>> modelVariables() {
    checkInitialized();
    return List.copyOf(modelVariables);
  }

  /**
   * q's variables {@code lambda} (those q's random variables depend on), trained by q's loss only.
   *
   * @return q's variables {@code lambda} (those q's random variables depend on), trained by q's loss only
   */
  public List<Variable<?>> recognitionVariables() {
    checkInitialized();
    return List.copyOf(recognitionVariables);
  }

  /** The wake-phase sums over samples: plain means, or importance-weighted per example. */
  private static final class WakeTerms {
    private final Ops tf;
    private final boolean reweighted;
    private final List<Operand<TFloat32>> logJoint = new ArrayList<>();
    private final List<Operand<TFloat32>> logQ = new ArrayList<>();
    private final List<Operand<TFloat32>> logWeights = new ArrayList<>();

    WakeTerms(Ops tf, boolean reweighted) {
      this.tf = tf;
      this.reweighted = reweighted;
    }

    /** Adds one sample's {@code log p(x, z)}, and {@code log q(z | x)} at the held sample. */
    void add(PosteriorSample sample, Map<Operand<?>, Operand<?>> latentVars, Map<Operand<?>, Operand<?>> data,
        Map<Operand<?>, Object> scale, boolean withQ) {
      Operand<TFloat32> p = tf.constant(0f);
      Operand<TFloat32> q = tf.constant(0f);
      Operand<TFloat32> w = tf.constant(0f);
      for (Operand<?> key : sample.valueKeys()) {
        RandomVariable<?> model = sample.model(key);
        Operand<TFloat32> lp = model.logProb(sample.numericValue(key));
        p = tf.math.add(p, term(lp, ModelTerms.scaleOf(tf, scale, key), model.name()));
        w = reweighted ? tf.math.add(w, ModelTerms.perExample(tf, lp, null, model.name())) : w;
      }
      for (Operand<?> z : latentVars.keySet()) {
        RandomVariable<?> qz = sample.q(z);
        Operand<TFloat32> lq = qz.logProb(tf.stopGradient(qz.value()));
        q = withQ ? tf.math.add(q, term(lq, ModelTerms.scaleOf(tf, scale, z), qz.name())) : q;
        w = reweighted ? tf.math.sub(w, ModelTerms.perExample(tf, lq, null, qz.name())) : w;
      }
      logJoint.add(p);
      logQ.add(q);
      logWeights.add(w);
    }

    private Operand<TFloat32> term(Operand<TFloat32> logProb, Operand<TFloat32> scale, String what) {
      return reweighted ? ModelTerms.perExample(tf, logProb, scale, what) : ModelTerms.total(tf, logProb, scale);
    }

    Operand<TFloat32> logJoint() {
      return combine(logJoint);
    }

    Operand<TFloat32> logQ(boolean anyLatent) {
      return anyLatent ? combine(logQ) : tf.constant(0f);
    }

    /** Plain: the mean over samples. Reweighted: sum over examples of the weighted sum over samples. */
    private Operand<TFloat32> combine(List<Operand<TFloat32>> terms) {
      if (!reweighted) {
        return ModelTerms.mean(tf, terms);
      }
      Operand<TFloat32> weights = tf.stopGradient(tf.nn.softmax(tf.linalg.transpose(tf.stack(logWeights), tf.constant(new int[] {1, 0}))));
      Operand<TFloat32> values = tf.linalg.transpose(tf.stack(terms), tf.constant(new int[] {1, 0}));
      return tf.reduceSum(tf.math.mul(weights, values), tf.constant(new int[] {0, 1}));
    }
  }
}

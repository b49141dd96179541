package org.edward4j.inferences;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.TensorValue;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.copy.GraphCopy;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The Laplace approximation, Edward's {@code ed.Laplace} (Laplace, 1986): a normal approximation
 * centred at the posterior mode, with the inverse Hessian of {@code -log p(x, z)} at the mode as
 * covariance.
 *
 * <p>Each latent variable {@code z} maps to a {@code Normal}, {@code MultivariateNormalDiag} or
 * {@code MultivariateNormalTriL} whose {@code loc} is trainable and whose scale parameter ({@code
 * scale}, {@code scaleDiag} or {@code scaleTril}) is a variable read directly (no transform: {@link
 * #finish} writes it). Training is {@link MAP} on the locations: {@code min -log p(x, z = loc)}.
 * {@link #finish} (called by {@code run}) then evaluates, per latent variable, the Hessian {@code H}
 * of {@code -log p(x, z)} with respect to {@code z} at the locations (second derivatives through
 * TensorFlow's gradients) and writes, in double precision in Java:
 *
 * <ul>
 *   <li>{@code MultivariateNormalTriL}: {@code scaleTril = cholesky(H^-1)}, so the covariance is
 *       {@code H^-1}, over {@code z}'s flattened elements (the event must be the whole value);
 *   <li>{@code Normal}, {@code MultivariateNormalDiag}: {@code scale = 1 / sqrt(H_ii)}, Edward's
 *       diagonal approximation (no matrix inversion, no correlations).
 * </ul>
 *
 * <p>Edward's code writes {@code 1 / H_ii} (a variance) into the variable the variance depends on,
 * which is the scale, and {@code inverse(cholesky(H))} as {@code scale_tril}, whose product is not
 * {@code H^-1}; this class follows Edward's docs ("the inverse Hessian ... forms the covariance").
 * The Hessian is taken in {@code z}'s own (constrained) space, as Edward's. Blocks between latent
 * variables are ignored (one Hessian per latent variable, as Edward). Costs {@code d} gradient
 * graphs for a latent variable of {@code d} elements. {@code scale} weighs each log density.
 *
 * <pre>{@code
 * Laplace laplace = new Laplace(Map.of(w, qw), Map.of(y, yData));
 * laplace.run(VariationalOptions.builder().nIter(500).nPrint(0).build());
 * double[][] covariance = laplace.covariance(w);
 * }</pre>
 */
public class Laplace extends VariationalInference<VariationalOptions> {

  private final Map<Operand<?>, Approximation> approximations = new LinkedHashMap<>();
  private final Map<Operand<?>, double[][]> covariances = new LinkedHashMap<>();

  /** One latent variable's approximation: its kind, its Hessian and how to write its scale. */
  private static final class Approximation {
    final String kind;
    final Variable<TFloat32> scaleVariable;
    Operand<TFloat32> hessian;
    ContextPlaceholder<TFloat32> newScale;
    Op assign;

    Approximation(String kind, Variable<TFloat32> scaleVariable) {
      this.kind = kind;
      this.scaleVariable = scaleVariable;
    }

    boolean full() {
      return "MultivariateNormalTriL".equals(kind);
    }
  }

  /**
   * Checks the approximations; builds nothing.
   *
   * @param latentVars latent variable to a Normal, MultivariateNormalDiag or MultivariateNormalTriL
   *     whose scale parameter is a variable
   * @param data observed variable to its data, or to a random variable for conditional inference
   * @throws IllegalArgumentException for another family, a scale parameter that is not a variable,
   *     or the checks of {@link VariationalInference}
   */
  public Laplace(Map<? extends Operand<?>, ? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data);
    this.latentVars.forEach((z, qz) -> {
      RandomVariable<?> q = (RandomVariable<?>) qz;
      String kind = q.distributionName();
      String scaleName = switch (kind) {
        case "Normal" -> "scale";
        case "MultivariateNormalDiag" -> "scaleDiag";
        case "MultivariateNormalTriL" -> "scaleTril";
        default -> throw new IllegalArgumentException("Laplace needs Normal, MultivariateNormalDiag or "
            + "MultivariateNormalTriL approximations, but " + ((RandomVariable<?>) z).name() + " is bound to the "
            + kind + " " + q.name());
      };
      approximations.put(z, new Approximation(kind, WritableParameter.variableOf(ctx, q, scaleName)));
    });
  }

  @Override
  protected VariationalOptions defaultOptions() {
    return VariationalOptions.defaults();
  }

  @Override
  protected LossAndGradients buildLossAndGradients(VariationalOptions options, List<Variable<?>> varList) {
    Ops tf = tf();
    Map<Operand<?>, Object> scale = options.scale();
    VariableScope base = inferenceScope();
    Map<Operand<?>, Operand<TFloat32>> points = new LinkedHashMap<>();
    List<RandomVariable<?>> model = new ArrayList<>();
    GraphCopy.Builder p = GraphCopy.builder(ctx).scope(base.child("p"));
    latentVars.forEach((z, qz) -> {
      // The point the model is evaluated at: an identity of loc, so that gradients and Hessians can
      // be taken at one tensor whichever variables loc is made of.
      Operand<TFloat32> point = tf.identity(((RandomVariable<?>) qz).parameters().get("loc"));
      points.put(z, point);
      p.swap(z, ModelTerms.cast(tf, point, ((RandomVariable<?>) z).type()));
      model.add((RandomVariable<?>) z);
    });
    data.forEach((x, v) -> {
      Operand<?> value = v instanceof RandomVariable<?> qx ? qx.value() : v;
      p.swap(x, ModelTerms.cast(tf, value, ((RandomVariable<?>) x).type()));
      model.add((RandomVariable<?>) x);
    });
    GraphCopy copy = p.randomVariables(model).build();
    Operand<TFloat32> logJoint = tf.constant(0f);
    for (RandomVariable<?> rv : model) {
      Operand<?> at = latentVars.containsKey(rv) ? points.get(rv) : data.get(rv) instanceof RandomVariable<?> q ? q.value() : data.get(rv);
      logJoint = tf.math.add(logJoint, ModelTerms.total(tf,
          copy.copy(rv).logProb(ModelTerms.numeric(ModelTerms.cast(tf, at, rv.type()))), ModelTerms.scaleOf(tf, scale, rv)));
    }
    if (!copy.redrawnRandomOps().isEmpty()) {
      throw new IllegalArgumentException("the model depends on random variable(s) " + copy.redrawnRandomOps()
          + " that are neither latent variables with an approximation in `latentVars` nor observed in `data`: "
          + "Laplace needs an approximation for each latent variable");
    }
    Operand<TFloat32> negLogJoint = tf.math.neg(logJoint);
    for (Map.Entry<Operand<?>, Approximation> e : approximations.entrySet()) {
      Approximation a = e.getValue();
      a.hessian = Hessians.of(tf, negLogJoint, points.get(e.getKey()), ((RandomVariable<?>) e.getKey()).name());
      a.newScale = ctx.placeholder(TFloat32.class, a.scaleVariable.shape());
      a.assign = a.scaleVariable.assign(tf, a.newScale);
    }
    Operand<TFloat32> loss = tf.math.add(negLogJoint, regularizationPenalty());
    return new LossAndGradients(loss, gradients(loss, varList));
  }

  /**
   * Writes the covariance from the Hessian at the current locations, then finishes as every
   * inference does; called by {@code run}. Graphs whose data are placeholders need {@link
   * #finish(Map)}.
   *
   * @throws IllegalStateException if a Hessian is not positive definite (the locations are not a
   *     strict mode)
   */
  @Override
  public void finish() {
    finish(Map.of());
  }

  /**
   * Edward's {@code finalize(feed_dict)}: writes the covariance from the Hessian at the current
   * locations, evaluated with {@code feedDict} (the data placeholders' values), then finishes.
   *
   * @param feedDict placeholder to value, as for {@code update}
   * @throws IllegalStateException if a Hessian is not positive definite
   */
  public void finish(Map<? extends Operand<?>, ?> feedDict) {
    if (options().isPresent() && contextOpen()) {
      for (Map.Entry<Operand<?>, Approximation> e : approximations.entrySet()) {
        writeCovariance(e.getKey(), e.getValue(), feedDict);
      }
    }
    super.finish();
  }

  /** Whether the context still runs: finishing after it closed only releases the inference's own parts. */
  private boolean contextOpen() {
    try {
      ctx.collections();
      return true;
    } catch (IllegalStateException closed) {
      return false;
    }
  }

  private void writeCovariance(Operand<?> z, Approximation a, Map<? extends Operand<?>, ?> feedDict) {
    TensorValue h = ctx.eval(a.hessian, feedDict);
    int d = (int) h.shape()[0];
    double[][] hessian = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        // Symmetrize: the two float32 halves may differ in the last bit.
        hessian[i][j] = 0.5 * (h.get(i, j) + h.get(j, i));
      }
    }
    String name = ((RandomVariable<?>) z).name();
    double[][] covariance;
    float[] scaleValues;
    if (a.full()) {
      covariance = SymmetricMatrices.inverse(hessian, name);
      double[][] l = SymmetricMatrices.cholesky(covariance, name);
      scaleValues = new float[d * d];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j <= i; j++) {
          scaleValues[i * d + j] = (float) l[i][j];
        }
      }
    } else {
      covariance = new double[d][d];
      scaleValues = new float[d];
      for (int i = 0; i < d; i++) {
        if (!(hessian[i][i] > 0)) {
          throw new IllegalStateException("the Hessian of -log p(x, z) for " + name + " has a non-positive diagonal entry "
              + hessian[i][i] + " at element " + i + ": the locations are not at a strict mode (train longer?)");
        }
        covariance[i][i] = 1 / hessian[i][i];
        scaleValues[i] = (float) Math.sqrt(covariance[i][i]);
      }
    }
    long expected = a.scaleVariable.shape().size();
    if (expected != scaleValues.length) {
      throw new IllegalStateException("the scale variable " + a.scaleVariable.name() + " of " + name + " has shape "
          + a.scaleVariable.shape() + ", but " + name + " has " + d + " elements");
    }
    try (TFloat32 t = TFloat32.tensorOf(a.scaleVariable.shape(), DataBuffers.of(scaleValues))) {
      Session.Runner runner = ctx.runner().feed(a.newScale, t).addTarget(a.assign);
      ctx.run(runner).close();
    }
    covariances.put(z, covariance);
  }

  /**
   * The covariance written by the last {@link #finish}: {@code H^-1} for a {@code
   * MultivariateNormalTriL}, {@code diag(1 / H_ii)} otherwise, over {@code z}'s flattened elements.
   *
   * @param z a latent variable of {@code latentVars}
   * @return a fresh copy of the covariance
   * @throws IllegalStateException before {@link #finish}
   * @throws IllegalArgumentException if {@code z} is not a latent variable of this inference
   */
  public double[][] covariance(Operand<?> z) {
    if (!approximations.containsKey(z)) {
      throw new IllegalArgumentException("`z` must be a latent variable of this Laplace, got " + InferenceData.name(z));
    }
    double[][] c = covariances.get(z);
    if (c == null) {
      throw new IllegalStateException("Laplace has no covariance yet: call finish() (run() does) first");
    }
    double[][] out = new double[c.length][];
    for (int i = 0; i < c.length; i++) {
      out[i] = c[i].clone();
    }
    return out;
  }
}

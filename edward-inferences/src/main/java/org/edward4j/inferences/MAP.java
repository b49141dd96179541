package org.edward4j.inferences;

import java.util.List;
import java.util.Map;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Maximum a posteriori estimation, Edward's {@code ed.MAP}: {@code min_z -log p(x, z)}, written as
 * variational inference with point-mass approximations {@code q(z) = delta(z - lambda)} and the
 * objective {@code -E_q[log p(x, z)] = -log p(x, lambda)}.
 *
 * <p>Every approximation must be a {@code PointMass}; to keep a constrained latent variable in its
 * support, give the point mass constrained parameters over free variables (e.g. {@code
 * softplus(v)} for a scale). Model parameters in {@code varList} are fitted too. In conditional
 * inference ({@code data} binds {@code beta} to {@code q(beta)}), one sample {@code beta* ~
 * q(beta)} per update is used, a lower bound of {@code log p(x, z)} that is exact when {@code
 * q(beta) = p(beta | x)}. {@code scale} weights each variable's log density; the loss adds every
 * regularization loss. Only differentiable latent variables (no discrete optimization). From a
 * list of latent variables ({@link #MAP(List, Map)}) it builds Edward's point masses over free
 * parameters mapped onto each latent's support.
 *
 * <pre>{@code
 * Variable<TFloat32> w = scope.getVariable("w", Shape.of(3), Initializers.zeros());
 * PointMass qbeta = PointMass.of(scope, w);
 * MAP inference = new MAP(Map.of(beta, qbeta), Map.of(y, yData));
 * inference.run(VariationalOptions.builder().nIter(500).build());
 * }</pre>
 */
public class MAP extends VariationalInference<VariationalOptions> {

  /**
   * Creates the inference; nothing is built until {@link #initialize}.
   *
   * @param latentVars latent variable to a {@code PointMass} of the same value shape
   * @param data observed variable to its data, or to a random variable for conditional inference
   * @throws IllegalArgumentException if an approximation is not a point mass, or for the checks of
   *     {@link VariationalInference}
   */
  public MAP(Map<? extends Operand<?>, ? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data);
    this.latentVars.forEach((z, qz) -> {
      RandomVariable<?> q = (RandomVariable<?>) qz;
      if (!"PointMass".equals(q.distributionName())) {
        throw new IllegalArgumentException("MAP needs PointMass approximations, but "
            + ((RandomVariable<?>) z).name() + " is bound to the " + q.distributionName() + " " + q.name());
      }
    });
  }

  /**
   * Creates the inference with Edward's automatic point masses, {@code ed.MAP([z], data)}: each
   * latent {@code z} gets {@code PointMass(T(lambda))} with {@code lambda} a variable of {@code z}'s
   * batch and event shape (one fewer entry on a simplex's last axis) under scope {@code posterior},
   * initialized from a standard normal, and {@code T} the map onto {@code z}'s support (softplus for
   * positive values, sigmoid for the unit interval, stick-breaking for the simplex).
   *
   * <pre>{@code
   * MAP inference = new MAP(List.of(x), Map.of());
   * }</pre>
   *
   * @param latentVars the latent variables, each of a known continuous support
   * @param data observed variable to its data, or to a random variable for conditional inference
   * @throws IllegalArgumentException for an empty list or a latent of discrete or unknown support,
   *     before any op is built
   */
  public MAP(List<? extends RandomVariable<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(AutomaticApproximations.pointMasses(latentVars, "MAP"), data);
  }

  @Override
  protected VariationalOptions defaultOptions() {
    return VariationalOptions.defaults();
  }

  @Override
  protected LossAndGradients buildLossAndGradients(VariationalOptions options, List<Variable<?>> varList) {
    Ops tf = tf();
    Map<Operand<?>, Object> scale = options.scale();
    PosteriorSample at = PosteriorSample.draw(ctx, latentVars, data, inferenceScope(), false);
    Operand<TFloat32> logJoint = tf.constant(0f);
    for (Operand<?> key : List.copyOf(at.valueKeys())) {
      RandomVariable<?> p = at.model(key);
      logJoint = tf.math.add(logJoint, ModelTerms.total(tf, p.logProb(at.numericValue(key)), ModelTerms.scaleOf(tf, scale, key)));
    }
    at.checkEveryLatentBound("MAP");
    Operand<TFloat32> loss = tf.math.add(tf.math.neg(logJoint), regularizationPenalty());
    return new LossAndGradients(loss, gradients(loss, varList));
  }
}

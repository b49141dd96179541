package org.edward4j.inferences;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edward4j.core.Variable;
import org.edward4j.core.optimizers.GradientAndVariable;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What Edward's seven named KLqp estimators share: {@link KLqpOptions} defaults, the checks of
 * {@code klScaling}, reparameterization and closed-form KLs each estimator requires, the draws of
 * {@link ElboSamples}, the regularization penalty, and the score-function split (variational
 * parameters along a surrogate, model parameters along the loss). Each public class only states its
 * requirements and its estimator.
 */
abstract class KLqpVariant extends VariationalInference<KLqpOptions> {

  /** What an estimator needs of the pairs {@code (z, q(z))}. */
  enum Requires {
    /** Any approximation; no KL term, so no {@code klScaling}. */
    NOTHING(false, false, false),
    /** Reparameterizable approximations; no KL term. */
    REPARAMETERIZATION(true, false, false),
    /** Closed-form KLs; {@code klScaling} weighs them. */
    CLOSED_FORM_KL(false, true, true),
    /** Both. */
    REPARAMETERIZATION_AND_CLOSED_FORM_KL(true, true, true);

    final boolean reparameterized;
    final boolean closedFormKl;
    final boolean klScaling;

    Requires(boolean reparameterized, boolean closedFormKl, boolean klScaling) {
      this.reparameterized = reparameterized;
      this.closedFormKl = closedFormKl;
      this.klScaling = klScaling;
    }
  }

  private final String name;
  private final Requires requires;

  KLqpVariant(Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data, String name, Requires requires) {
    super(latentVars, data);
    this.name = name;
    this.requires = requires;
  }

  @Override
  protected KLqpOptions defaultOptions() {
    return KLqpOptions.defaults();
  }

  @Override
  protected LossAndGradients buildLossAndGradients(KLqpOptions options, List<Variable<?>> varList) {
    ElboSamples.checkKlScaling(options, latentVars, requires.klScaling, name);
    if (requires.reparameterized) {
      ElboSamples.checkReparameterized(latentVars, name);
    }
    if (requires.closedFormKl) {
      ElboSamples.checkClosedFormKl(latentVars, name);
    }
    ElboSamples e = ElboSamples.draw(ctx, latentVars, data, inferenceScope(), options, name);
    return estimator(e, regularizationPenalty(), varList);
  }

  /**
   * The estimator of one class.
   *
   * @param e the draws of q and the log densities at them
   * @param reg the sum of the regularization losses, added to every loss and surrogate
   * @param varList the variables to train
   * @return the reported loss and the gradients
   */
  abstract LossAndGradients estimator(ElboSamples e, Operand<TFloat32> reg, List<Variable<?>> varList);

  /**
   * The score-function split: the variational parameters in {@code varList} along {@code
   * surrogate}'s gradient, the others (model parameters, variational EM) along {@code loss}'s.
   */
  final LossAndGradients scoreGradients(Operand<TFloat32> loss, Operand<TFloat32> surrogate, List<Variable<?>> varList) {
    List<Variable<?>> qVars = variationalVariables(varList);
    List<Variable<?>> pVars = new ArrayList<>(varList);
    pVars.removeAll(qVars);
    List<GradientAndVariable> grads = new ArrayList<>(gradients(surrogate, qVars));
    grads.addAll(gradients(loss, pVars));
    return new LossAndGradients(loss, grads);
  }
}

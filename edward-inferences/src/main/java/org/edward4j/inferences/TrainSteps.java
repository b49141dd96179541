package org.edward4j.inferences;

import java.util.List;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableSpec;
import org.edward4j.core.optimizers.GlobalStep;
import org.edward4j.core.optimizers.GradientAndVariable;
import org.edward4j.core.optimizers.LearningRate;
import org.edward4j.core.optimizers.Optimizer;
import org.edward4j.core.optimizers.OptimizerName;
import org.edward4j.core.optimizers.TrainOptions;
import org.edward4j.core.optimizers.TrainStep;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Edward's {@code _build_optimizer}: turns an optimizer choice and an optional global step into a
 * training step over an explicit variable list.
 *
 * <ul>
 *   <li>no optimizer and no global step: a new global step, and Adam with {@code
 *       exponentialDecay(0.1, step, 100, 0.9, staircase)};
 *   <li>a name: that optimizer with learning rate 0.01, or the same decay when a global step is
 *       given;
 *   <li>an optimizer object: used as given, incrementing the global step if one is given.
 * </ul>
 */
final class TrainSteps {

  private TrainSteps() {}

  /** A step lowering {@code loss} over {@code varList}. */
  static TrainStep minimize(
      ModelContext ctx, OptimizerOptions choice, Operand<TFloat32> loss, List<Variable<?>> varList, List<Op> updateOps) {
    Variable<TInt64> step = globalStep(ctx, choice);
    Optimizer optimizer = resolve(choice, step);
    return optimizer.minimize(loss, varList, options(step, updateOps));
  }

  /** An optimizer chosen for a loss, with its global step and the loss's gradients, not yet applied. */
  record Prepared(Optimizer optimizer, Variable<TInt64> globalStep, Operand<TFloat32> loss,
      List<GradientAndVariable> gradsAndVars) {}

  /**
   * The first half of {@link #minimize}: the optimizer and the gradients, so that checks of the
   * gradients can gate the step (debug mode).
   */
  static Prepared prepare(ModelContext ctx, OptimizerOptions choice, Operand<TFloat32> loss, List<Variable<?>> varList) {
    Variable<TInt64> step = globalStep(ctx, choice);
    Optimizer optimizer = resolve(choice, step);
    return new Prepared(optimizer, step, loss, optimizer.computeGradients(loss, varList));
  }

  /** The second half of {@link #minimize}: applies the prepared gradients after {@code before} and the loss. */
  static TrainStep apply(Prepared p, List<Op> before) {
    List<Op> first = new java.util.ArrayList<>(before);
    first.add(p.loss());
    return p.optimizer().applyGradients(p.gradsAndVars(), options(p.globalStep(), first));
  }

  /** A step applying given gradients (score-function and other custom estimators). */
  static TrainStep applyGradients(
      ModelContext ctx, OptimizerOptions choice, List<GradientAndVariable> gradsAndVars, List<Op> updateOps) {
    Variable<TInt64> step = globalStep(ctx, choice);
    return resolve(choice, step).applyGradients(gradsAndVars, options(step, updateOps));
  }

  /** The given global step, a new one for Edward's default optimizer, or null. */
  private static Variable<TInt64> globalStep(ModelContext ctx, OptimizerOptions choice) {
    if (choice.globalStep().isPresent()) {
      return choice.globalStep().get();
    }
    boolean edwardDefault = choice.optimizer().isEmpty() && choice.name().isEmpty();
    return edwardDefault ? newGlobalStep(ctx) : null;
  }

  private static Optimizer resolve(OptimizerOptions choice, Variable<TInt64> step) {
    if (choice.optimizer().isPresent()) {
      return choice.optimizer().get();
    }
    LearningRate lr =
        step != null ? LearningRate.exponentialDecay(0.1, step, 100, 0.9, true) : LearningRate.constant(0.01);
    return choice.name().orElse(OptimizerName.ADAM).create(lr);
  }

  private static TrainOptions options(Variable<TInt64> step, List<Op> updateOps) {
    TrainOptions o = TrainOptions.defaults().withUpdateOps(updateOps);
    return step == null ? o : o.withGlobalStep(step);
  }

  /** {@code global_step}, {@code global_step_1}, ...: Edward makes one per optimizer it defaults. */
  private static Variable<TInt64> newGlobalStep(ModelContext ctx) {
    String name = GlobalStep.NAME;
    for (int i = 1; ctx.variables().get(name).isPresent(); i++) {
      name = GlobalStep.NAME + "_" + i;
    }
    return ctx.rootScope().getVariable(
        VariableSpec.of(name, Shape.scalar(), TInt64.class).withInitializer(Initializers.zeros()).withTrainable(false));
  }
}

package org.edward4j.inferences;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.edward4j.core.GraphCollections;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Reuse;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.optimizers.TrainStep;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * What the GAN family shares: the single (generated, observed) pair of the data map, the
 * discriminator called under {@code Disc} twice with shared weights, Edward's default variable
 * lists and regularization terms per side, and the two training steps.
 */
final class AdversarialSetup {

  static final String DISC = Side.DISC.scope();
  static final String GEN = Side.GEN.scope();

  private AdversarialSetup() {}

  /**
   * The one entry of a map that must have exactly one, as a (generated, observed) or (prior,
   * posterior) pair of float32 tensors of compatible shapes.
   */
  static Operand<TFloat32>[] pair(Map<Operand<?>, Operand<?>> map, String argument, String what) {
    if (map.size() != 1) {
      throw new IllegalArgumentException(
          "`" + argument + "` must bind exactly one " + what + ", got " + map.size() + " entries");
    }
    Map.Entry<Operand<?>, Operand<?>> e = map.entrySet().iterator().next();
    Operand<TFloat32> key = InferenceData.floatTensor(e.getKey(), argument + " key");
    Operand<TFloat32> value = InferenceData.floatTensor(e.getValue(), argument + " value");
    Shape ks = key.shape();
    Shape vs = value.shape();
    if (!ks.isUnknown() && !vs.isUnknown()
        && (ks.numDimensions() != vs.numDimensions() || !ks.isCompatibleWith(vs))) {
      throw new IllegalArgumentException(
          "`" + argument + "` value " + InferenceData.name(e.getValue()) + " must have shape " + ks
              + " to match " + InferenceData.name(e.getKey()) + ", got " + vs);
    }
    @SuppressWarnings("unchecked")
    Operand<TFloat32>[] out = new Operand[] {key, value};
    return out;
  }

  /** A discriminator's logits, one per example, on its first and second input. */
  record Logits(Operand<TFloat32> first, Operand<TFloat32> second) {}

  /**
   * Calls a discriminator on its first input under {@code Disc} (creating or reusing its
   * variables) and on its second with reuse, checks that each output has one logit per example,
   * flattens them to {@code [batch]}, and logs both as the {@code discriminator_outputs} histogram.
   */
  static Logits discriminate(
      Inference<?> inference, ModelContext ctx,
      Function<VariableScope, Operand<TFloat32>> first, Shape firstShape, String firstWhat,
      Function<VariableScope, Operand<TFloat32>> second, Shape secondShape, String secondWhat) {
    Ops tf = ctx.opsAt("");
    Operand<TFloat32> a = logits(tf, first.apply(ctx.scope(DISC, Reuse.AUTO_REUSE)), firstShape, firstWhat);
    Operand<TFloat32> b = logits(tf, second.apply(ctx.scope(DISC, Reuse.REUSE)), secondShape, secondWhat);
    inference.logHistogram("discriminator_outputs", tf.concat(List.of(a, b), tf.constant(0)));
    return new Logits(a, b);
  }

  /** Checks a discriminator output and flattens it to {@code [batch]}. */
  static Operand<TFloat32> logits(Ops tf, Operand<TFloat32> d, Shape input, String what) {
    if (d == null) {
      throw new IllegalArgumentException("`discriminator` returned null for " + what);
    }
    AdversarialLosses.checkLogitsShape(d, input, what);
    return d.shape().numDimensions() == 1 ? d : tf.reshape(d, tf.constant(new int[] {-1}));
  }

  /** Trainable variables under {@code Disc}. */
  static List<Variable<?>> discVariables(ModelContext ctx) {
    List<Variable<?>> v = ctx.collections().trainableVariables(DISC);
    if (v.isEmpty()) {
      throw new IllegalArgumentException(
          "`discriminator` created no trainable variables: build its layers through the scope it is given");
    }
    return v;
  }

  /** Edward's GAN default: every trainable variable outside {@code Disc}. */
  static List<Variable<?>> allButDisc(ModelContext ctx, GanOptions options) {
    if (!options.varList().isEmpty()) {
      return options.varList();
    }
    List<Variable<?>> out = new ArrayList<>();
    for (Variable<?> v : ctx.collections().trainableVariables(null)) {
      if (!GraphCollections.inScope(v.name(), DISC)) {
        out.add(v);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "the generator has no trainable variables outside `Disc`; create them under scope `Gen` or pass `varList`");
    }
    return out;
  }

  /** Edward's BiGAN default: the trainable variables under {@code Gen}. */
  static List<Variable<?>> genScope(ModelContext ctx, GanOptions options) {
    if (!options.varList().isEmpty()) {
      return options.varList();
    }
    List<Variable<?>> out = ctx.collections().trainableVariables(GEN);
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "no trainable variables under scope `Gen`: build the generator and encoder there or pass `varList`");
    }
    return out;
  }

  /** The regularization losses outside {@code Disc}. */
  static List<Operand<? extends TNumber>> regularizationOutsideDisc(ModelContext ctx) {
    List<Operand<? extends TNumber>> disc = ctx.collections().regularizationLosses(DISC);
    List<Operand<? extends TNumber>> out = new ArrayList<>();
    for (Operand<? extends TNumber> r : ctx.collections().regularizationLosses(null)) {
      if (!disc.contains(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /** The update ops outside {@code Disc}. */
  static List<Op> updateOpsOutsideDisc(ModelContext ctx) {
    Set<Op> disc = new LinkedHashSet<>(ctx.collections().updateOps(DISC));
    List<Op> out = new ArrayList<>();
    for (Op op : ctx.collections().updateOps(null)) {
      if (!disc.contains(op)) {
        out.add(op);
      }
    }
    return out;
  }

  /**
   * Adds the generator's and the discriminator's steps.
   *
   * @param genUpdateOps update ops to run with the generator step
   * @param afterDisc builds ops that must follow each discriminator update (weight clipping), or
   *     null
   */
  static void addSteps(
      Inference<?> inference,
      ModelContext ctx,
      GanOptions options,
      Operand<TFloat32> loss,
      List<Variable<?>> genVars,
      List<Op> genUpdateOps,
      Operand<TFloat32> lossD,
      Function<TrainStep, Op> afterDisc) {
    List<Variable<?>> discVars = discVariables(ctx);
    // Under debug both steps wait for the NaN/Inf checks of both losses, so an update with a bad
    // loss changes no weight of either side (t waits for the same checks).
    List<Op> gate = new ArrayList<>(inference.numericGate("loss", loss));
    gate.addAll(inference.numericGate("loss_d", lossD));
    List<Op> genBefore = new ArrayList<>(genUpdateOps);
    List<Op> discBefore = new ArrayList<>(ctx.collections().updateOps(DISC));
    TrainStep gen;
    TrainStep disc;
    if (options.run().debug()) {
      // Both sides' gradients are checked too, and each step waits for every check.
      TrainSteps.Prepared g = TrainSteps.prepare(ctx, options.generator(), loss, genVars);
      TrainSteps.Prepared d = TrainSteps.prepare(ctx, options.discriminator(), lossD, discVars);
      gate.addAll(inference.gradientGate("loss", g.gradsAndVars()));
      gate.addAll(inference.gradientGate("loss_d", d.gradsAndVars()));
      genBefore.addAll(gate);
      discBefore.addAll(gate);
      gen = TrainSteps.apply(g, genBefore);
      disc = TrainSteps.apply(d, discBefore);
    } else {
      genBefore.addAll(gate);
      discBefore.addAll(gate);
      gen = TrainSteps.minimize(ctx, options.generator(), loss, genVars, genBefore);
      disc = TrainSteps.minimize(ctx, options.discriminator(), lossD, discVars, discBefore);
    }
    inference.addStep(new Inference.Step(Side.GEN, "loss", "Gen Loss", loss, gen));
    inference.addStep(
        new Inference.Step(Side.DISC, "loss_d", "Disc Loss", lossD, disc, afterDisc == null ? disc : afterDisc.apply(disc)));
  }
}

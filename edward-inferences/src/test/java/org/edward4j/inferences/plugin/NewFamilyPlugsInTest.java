package org.edward4j.inferences.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.inferences.Inference;
import org.edward4j.inferences.MonteCarloFamilyOptions;
import org.edward4j.inferences.MonteCarloOptions;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A new family written the way docs/ARCHITECTURE.md's "How to add an inference family" says, in a
 * package of its own, using only the public option parts and the protected API of {@link
 * Inference}: a stand-in for the Monte Carlo samplers (nIter defaults to the number of samples T,
 * an update no optimizer builds, an acceptance rate reported instead of a loss).
 */
class NewFamilyPlugsInTest {

  /** A sampler's options: the Monte Carlo part plus one parameter of its own. */
  record StepOptions(MonteCarloOptions monteCarlo, double stepSize) implements MonteCarloFamilyOptions {
    StepOptions {
      Objects.requireNonNull(monteCarlo, "monteCarlo");
      if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
        throw new IllegalArgumentException("`stepSize` must be > 0 and finite, got " + stepSize);
      }
    }

    static Builder builder() {
      return new Builder();
    }

    static final class Builder extends MonteCarloOptions.AbstractBuilder<Builder> {
      private double stepSize = 0.25;

      @Override
      protected Builder self() {
        return this;
      }

      public Builder stepSize(double stepSize) {
        this.stepSize = stepSize;
        return this;
      }

      public StepOptions build() {
        return new StepOptions(monteCarloOptions(), stepSize);
      }
    }
  }

  /** Moves a position by {@code stepSize} per update and accepts every move. */
  static final class Walker extends Inference<StepOptions> {
    private final int samples;
    private Variable<TFloat32> position;

    Walker(Map<? extends Operand<?>, ? extends Operand<?>> latentVars, int samples) {
      super(latentVars, Map.of());
      this.samples = samples;
    }

    @Override
    protected StepOptions defaultOptions() {
      return StepOptions.builder().build();
    }

    @Override
    protected int defaultNIter() {
      return samples;
    }

    @Override
    protected void build(StepOptions options) {
      Ops tf = ctx.tf();
      position = ctx.rootScope().variable(0.0);
      Op move = position.assign(tf, tf.math.add(position.read(tf), tf.constant((float) options.stepSize())));
      addStep(Step.update("accept_rate", "Acceptance Rate", tf.constant(1f), move));
    }

    Variable<TFloat32> position() {
      return position;
    }
  }

  @Test
  void aSamplerInItsOwnPackageRunsTSamplesByDefault() {
    try (ModelContext ctx = ModelContext.withSeed(4)) {
      Normal z = Normal.of(ctx.scope("model"), 0.0, 1.0);
      Normal qz = Normal.of(ctx.scope("q"), 0.0, 1.0);
      try (Walker walker = new Walker(Map.of(z, qz), 7)) {
        walker.run(StepOptions.builder().nPrint(0).stepSize(0.5).build());
        assertEquals(7, walker.nIter(), "nIter defaults to the number of samples T");
        assertEquals(3.5f, ctx.eval(walker.position()).scalar(), "7 moves of 0.5, exact in float32");
        assertTrue(walker.trainedVariables(null).isEmpty(), "no optimizer, no trained variables");
        walker.reset();
        UpdateInfo info = walker.update();
        assertEquals(1, info.t());
        assertEquals(1.0, info.get("accept_rate"));
      }
      try (Walker walker = new Walker(Map.of(z, qz), 7)) {
        walker.run(StepOptions.builder().nIter(3).nPrint(0).build());
        assertEquals(0.75f, ctx.eval(walker.position()).scalar(), "an explicit nIter wins: 3 moves of 0.25");
      }
    }
  }

  @Test
  void itsBuilderOffersTheMonteCarloPartAndItsOwnParameter() {
    Set<String> offered = Arrays.stream(StepOptions.Builder.class.getMethods())
        .filter(m -> m.getDeclaringClass() != Object.class && !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
        .map(java.lang.reflect.Method::getName).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(Set.of("nIter", "nPrint", "logdir", "logTimestamp", "debug", "initializeVariables",
        "progressOutput", "scale", "stepSize", "build")), offered);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StepOptions.builder().stepSize(-1).build());
    assertEquals("`stepSize` must be > 0 and finite, got -1.0", e.getMessage());
  }
}

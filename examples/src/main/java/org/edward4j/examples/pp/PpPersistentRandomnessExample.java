package org.edward4j.examples.pp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.TensorValue;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.models.Categorical;
import org.tensorflow.Operand;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code examples/pp_persistent_randomness.py}: {@code eye_color(person)} returns the
 * random variable already made for {@code person} (found among the graph's random variables by
 * name) or makes one, so asking for Bob twice gives the same variable and the same draw in a run,
 * while a new run draws anew (probmods' {@code mem}).
 *
 * <p>Figures: how many variables three calls made (Edward: 2), whether Bob's two uses agreed in
 * every run, and how often Bob and Alice agreed over {@code repeats} runs (theory 1/3: two
 * independent uniform draws of three colours). No difference from Edward's script beyond the
 * figures.
 */
public final class PpPersistentRandomnessExample {

  /** The figures. */
  record Result(int variables, boolean bobPersisted, double bobEqualsAlice) {}

  private PpPersistentRandomnessExample() {}

  /** Bob's variable if the scope has one, else a new uniform categorical over three colours named {@code person}. */
  @SuppressWarnings("unchecked")
  static Categorical<TInt32> eyeColor(ModelContext ctx, VariableScope scope, String person) {
    for (RandomVariable<?> rv : ctx.collections().randomVariables(scope.path())) {
      if (rv.name().equals(scope.opPrefix() + "/" + person)) {
        return (Categorical<TInt32>) rv;
      }
    }
    return Categorical.builder(scope).probs(new float[] {1 / 3f, 1 / 3f, 1 / 3f}).name(person).build();
  }

  static Result run(long seed, int repeats, Path out, PrintStream print) throws IOException {
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      VariableScope scope = ctx.scope("pp");
      Categorical<TInt32> bob = eyeColor(ctx, scope, "bob");
      Categorical<TInt32> alice = eyeColor(ctx, scope, "alice");
      Categorical<TInt32> bobAgain = eyeColor(ctx, scope, "bob");
      int variables = ctx.collections().randomVariables(scope.path()).size();
      print.printf("random variables made by three calls: %d (%s)%n", variables,
          ctx.collections().randomVariables(scope.path()).stream().map(RandomVariable::name).toList());
      // the same op cannot be fetched twice in one run (TF Java: "name collision in the result set")
      List<Operand<TInt32>> fetch = List.of(bob, alice, ctx.tf().identity(bobAgain));
      boolean persisted = true;
      int equal = 0;
      for (int r = 0; r < repeats; r++) {
        List<TensorValue> v = ctx.evalAll(fetch, Map.of());
        persisted &= v.get(0).ints()[0] == v.get(2).ints()[0];
        equal += v.get(0).ints()[0] == v.get(1).ints()[0] ? 1 : 0;
      }
      Result result = new Result(variables, persisted && bob == bobAgain, equal / (double) repeats);
      QualityReport.builder("pp-persistent-randomness").setting("seed", seed).setting("repeats", repeats)
          .metric("random_variables", variables, "Edward: 2")
          .metric("bob_equals_alice", result.bobEqualsAlice(), "theory 1/3")
          .build().writeJson(out.resolve("pp-persistent-randomness.json"));
      print.printf("Bob's two uses agreed in every run: %s; Bob and Alice agreed in %.3f of %d runs (theory 0.333)%n",
          result.bobPersisted(), result.bobEqualsAlice(), repeats);
      return result;
    }
  }
}

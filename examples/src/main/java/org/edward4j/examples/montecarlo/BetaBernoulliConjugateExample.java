package org.edward4j.examples.montecarlo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Beta;
import org.edward4j.models.conjugacy.Conjugacy;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code examples/beta_bernoulli_conjugate.py}: a coin's bias {@code p ~ Beta(1, 1)} and
 * ten flips {@code x ~ Bernoulli(p)}, two of them heads; {@code Conjugacy.completeConditional(p)}
 * finds {@code p | x} symbolically, and its parameters at the data are printed as Edward prints
 * them: {@code Beta} with {@code concentration1 = 1 + heads = 3}, {@code concentration0 = 1 +
 * tails = 9}.
 *
 * <p>{@code bin/edward beta-bernoulli-conjugate [--flips 0,1,...] [--out DIR] [--seed S]}
 */
public final class BetaBernoulliConjugateExample {

  private BetaBernoulliConjugateExample() {}

  /**
   * What a run found.
   *
   * @param family the conditional's family, {@code Beta}
   * @param parameters its parameters at the data, by Edward's names
   * @param report the JSON report written
   */
  record Result(String family, Map<String, Float> parameters, Path report) {}

  static Result run(BetaBernoulliConjugateCommand args) throws IOException {
    Path out = args.output.out();
    try (ModelContext ctx = ModelContext.withSeed(args.output.seed())) {
      VariableScope model = ctx.scope("model");
      Beta p = Beta.of(model, 1.0, 1.0);
      Bernoulli<TInt32> x = Bernoulli.builder(model).probs(p).sampleShape(args.flips.length).build();
      RandomVariable<TFloat32> pCond = Conjugacy.completeConditional(p);

      System.out.println("p(probs | x) type: " + pCond.distributionName());
      Map<String, Float> values = new LinkedHashMap<>();
      for (Map.Entry<String, Operand<TFloat32>> e : pCond.parameters().entrySet()) {
        values.put(e.getKey(), ctx.eval(e.getValue(), Map.of(x, args.flips)).scalar());
      }
      System.out.println("parameters:");
      values.forEach((k, v) -> System.out.printf("%s:\t%.3f%n", k, v));
      double a = values.get("concentration1");
      double b = values.get("concentration0");
      double mean = a / (a + b);
      double sd = Math.sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
      System.out.printf("posterior mean %.4f, sd %.4f%n", mean, sd);
      Path report = QualityReport.builder("beta-bernoulli-conjugate")
          .setting("command", "bin/edward beta-bernoulli-conjugate")
          .setting("flips", args.flips.length)
          .setting("seed", args.output.seed())
          .metric("concentration1", a, "complete conditional's concentration1 (1 + heads)")
          .metric("concentration0", b, "complete conditional's concentration0 (1 + tails)")
          .metric("posterior_mean", mean, "a / (a + b)")
          .build().writeJson(out.resolve("beta-bernoulli-conjugate.json"));
      return new Result(pCond.distributionName(), values, report);
    }
  }
}

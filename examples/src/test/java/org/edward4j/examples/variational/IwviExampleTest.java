package org.edward4j.examples.variational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.inferences.VariationalOptions;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import picocli.CommandLine;

/** Edward's iwvi.py at a smaller size, and the user-written {@link Iwvi} on a known posterior. */
class IwviExampleTest {

  @TempDir Path dir;

  /**
   * N = 500, D = 5, K = 5, 600 iterations. The posterior sd of each weight is about 1 / sqrt(N
   * E[p(1 - p)]) ~ 0.1 (E[p(1 - p)] ~ 0.17 for logits of sd ~2.2), so the squared error of the
   * posterior mean to w_true is ~0.01 per weight on average; a bound of 0.06 leaves room for the
   * spread of that chi-square-like average over 5 weights. Untrained, the Glorot-uniform location
   * (|loc| < 0.77) against N(0, 1) weights gives an error near 1.
   */
  @Test
  void trainsToTheTrueWeights() throws IOException {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    IwviExample.Result r = IwviExample.run(new IwviExample.Settings(500, 5, 5, 600, 42, dir),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertTrue(r.initialError() > 0.2, "untrained error " + r.initialError());
    assertTrue(r.finalError() < 0.06, "trained error " + r.finalError());
    double early = mean(r.losses(), 0, 20);
    double late = mean(r.losses(), r.losses().length - 50, r.losses().length);
    assertTrue(late < early, "the negative bound decreases: " + early + " -> " + late);
    String out = printed.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("Mean squared error in true values to inferred posterior mean:"), out);
    String json = Files.readString(dir.resolve("iwvi.json"));
    assertTrue(json.contains("\"weight_mse\""), json);
    assertTrue(json.contains("\"command\" : \"iwvi --n 500 --d 5 --k 5 --iterations 600 --seed 42\""), json);
    assertTrue(Files.size(dir.resolve("iwvi-loss.png")) > 0);
  }

  /**
   * The user-written inference recovers an exact posterior: mu ~ N(0, 1), four x_i ~ N(mu, 1) with
   * mean 1.5, posterior N(1.2, 1/sqrt(5)). With q in the family every importance weight equals
   * p(x) at the optimum, so the IW bound is tight there; the reparameterization noise leaves the
   * same spread as KLqp's (KLqpTest: within 0.042 and 0.020 over seeds 1-8).
   */
  @Test
  void userInferenceRecoversTheNormalNormalPosterior() {
    try (ModelContext ctx = ModelContext.withSeed(11)) {
      VariableScope scope = ctx.scope("model");
      Normal mu = Normal.of(scope, 0.0, 1.0);
      Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(4).build();
      VariableScope post = ctx.scope("posterior");
      Variable<TFloat32> loc = post.getVariable("loc", Shape.scalar(), Initializers.zeros());
      Variable<TFloat32> raw = post.getVariable("scale", Shape.scalar(), Initializers.zeros());
      Normal qmu = Normal.of(post, loc, post.tf().math.softplus(raw));
      Iwvi inference = new Iwvi(Map.of(mu, qmu), Map.of(x, ctx.tf().constant(new float[] {1.5f, 1.5f, 1.5f, 1.5f})));
      inference.run(new Iwvi.Options(VariationalOptions.builder().nIter(2000).nPrint(0).build(), 5));
      assertEquals(1.2, ctx.eval(qmu.mean()).scalar(), 0.1, "posterior mean");
      assertEquals(1 / Math.sqrt(5), ctx.eval(qmu.stddev()).scalar(), 0.05, "posterior sd");
    }
  }

  @Test
  void badFlagsAreUsageErrorsBeforeAnyWork() {
    for (String[] args : new String[][] {{"--k", "0"}, {"--n", "-3"}, {"--iterations", "0"}, {"--d", "0"}}) {
      StringWriter err = new StringWriter();
      int code = new CommandLine(new IwviCommand()).setErr(new PrintWriter(err))
          .execute(args[0], args[1], "--out", dir.resolve("never").toString());
      assertEquals(2, code, String.join(" ", args));
      assertTrue(err.toString().contains(args[0] + " must be at least 1, got " + args[1]), err.toString());
      assertTrue(!Files.exists(dir.resolve("never")), "nothing created for a bad flag");
    }
    IllegalArgumentExceptionCheck.assertK();
  }

  private static double mean(double[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += v[i];
    }
    return s / (to - from);
  }

  /** The options record checks K itself. */
  static final class IllegalArgumentExceptionCheck {
    static void assertK() {
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> new Iwvi.Options(VariationalOptions.defaults(), 0));
      assertEquals("`k` must be at least 1, got 0", e.getMessage());
    }
  }
}

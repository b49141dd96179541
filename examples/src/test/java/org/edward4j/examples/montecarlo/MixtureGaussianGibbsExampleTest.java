package org.edward4j.examples.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bin/edward mixture-gaussian-gibbs} with 600 points and 150 sweeps. */
class MixtureGaussianGibbsExampleTest {

  @TempDir Path out;

  @Test
  void recoversTheComponents() throws Exception {
    MixtureGaussianGibbsCommand args = new MixtureGaussianGibbsCommand();
    new CommandLine(args).parseArgs("--n", "600", "--samples", "150", "--seed", "3", "--out", out.toString());
    args.check();
    MixtureGaussianGibbsExample.Result r = MixtureGaussianGibbsExample.run(args);
    for (int j = 0; j < 3; j++) {
      int nj = r.counts()[j];
      double var = MixtureGaussianGibbsExample.TRUE_SIGMASQ[j];
      // Given the data, the posterior mean of a component's mean sits within a few sigma/sqrt(n_j)
      // of the true mean (the data's own sampling error plus the posterior spread, each about
      // sigma/sqrt(n_j)); 5 of them, for a component with n_j of 120 to 300 points, is 0.45 to
      // 0.87, far below the 10 that separates the components: a chain that mixed up two
      // components or never left its start fails.
      assertEquals(MixtureGaussianGibbsExample.TRUE_MU[j], r.mu()[j], 5 * Math.sqrt(2 * var / nj), "mu " + j);
      // A sample variance has sd sigma^2 sqrt(2 / n_j); 5 of them, plus the prior's pull.
      assertEquals(var, r.sigmasq()[j], 5 * var * Math.sqrt(2.0 / nj) + 0.1, "sigmasq " + j);
      // A weight is known to sqrt(pi (1 - pi) / N), about 0.02.
      double p = MixtureGaussianGibbsExample.TRUE_PI[j];
      assertEquals(p, r.pi()[j], 5 * Math.sqrt(2 * p * (1 - p) / r.n()), "pi " + j);
    }
    assertTrue(Files.size(out.resolve("components.png")) > 0);
    assertTrue(Files.size(out.resolve("data.png")) > 0);
    assertTrue(Files.readString(r.report()).contains("max_abs_error_mu"));
  }

  @Test
  void rejectsBadFlagsBeforeAnyWork() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new MixtureGaussianGibbsCommand());
    cl.setErr(new PrintWriter(err));
    assertEquals(2, cl.execute("--samples", "2", "--out", out.resolve("never").toString()));
    assertTrue(err.toString().contains("--samples must be at least 4"), err.toString());
    assertTrue(Files.notExists(out.resolve("never")));
  }
}

package org.edward4j.examples.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/edward mixture-gaussian-mh} with Edward's data and 500 draws: the failure Edward describes. */
class MixtureGaussianMhExampleTest {

  @TempDir Path out;

  @Test
  void jointIndependentProposalsAreAlmostNeverAccepted() throws Exception {
    MixtureGaussianMhCommand args = ScriptRuns.parse(new MixtureGaussianMhCommand(), out, "--samples", "500",
        "--print", "250", "--seed", "37");
    args.check();
    MixtureGaussianMhExample.Result r = MixtureGaussianMhExample.run(args);
    // A proposal puts each of the 500 points in a uniformly random component: about half land in
    // the wrong one, 2.8 apart from its mean with a scale near 1, costing about 4 nats each against
    // the start's (every point in component 0 at mean 0, scale 1, 2.9 nats a point). The log
    // acceptance ratio is then of order -500, so a move has probability far below 1e-100; at
    // most a first lucky jump could be taken. (Edward: MH "utterly fails" here.)
    assertTrue(r.pi().moveRate() <= 2.0 / (r.pi().draws() - 1), "moves: " + r.pi().moveRate());
  }

  @Test
  void rejectsBadFlagsBeforeAnyWork() {
    ScriptRuns.Rejected r = ScriptRuns.execute(new MixtureGaussianMhCommand(), "--print", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--print must be at least 1, got 0"), r.err());
  }
}

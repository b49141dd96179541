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

/** {@code bin/edward beta-bernoulli-conjugate}: Edward's figure, Beta(3, 9), and another data set. */
class BetaBernoulliConjugateExampleTest {

  @TempDir Path out;

  private BetaBernoulliConjugateExample.Result run(String... flags) throws Exception {
    BetaBernoulliConjugateCommand args = new BetaBernoulliConjugateCommand();
    String[] all = java.util.Arrays.copyOf(flags, flags.length + 2);
    all[flags.length] = "--out";
    all[flags.length + 1] = out.toString();
    new CommandLine(args).parseArgs(all);
    args.check();
    return BetaBernoulliConjugateExample.run(args);
  }

  @Test
  void printsEdwardsBeta3And9() throws Exception {
    BetaBernoulliConjugateExample.Result r = run();
    assertEquals("Beta", r.family());
    // 1 + 2 heads and 1 + 8 tails, sums of ten 0/1 values: exact in float32.
    assertEquals(3f, r.parameters().get("concentration1"), 0f);
    assertEquals(9f, r.parameters().get("concentration0"), 0f);
    assertTrue(Files.readString(r.report()).contains("concentration1"));
  }

  @Test
  void followsTheData() throws Exception {
    BetaBernoulliConjugateExample.Result r = run("--flips", "1,1,1,0,1");
    assertEquals(5f, r.parameters().get("concentration1"), 0f);
    assertEquals(2f, r.parameters().get("concentration0"), 0f);
  }

  @Test
  void rejectsBadFlagsBeforeAnyWork() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new BetaBernoulliConjugateCommand());
    cl.setErr(new PrintWriter(err));
    assertEquals(2, cl.execute("--flips", "0,2,1", "--out", out.resolve("never").toString()));
    assertTrue(err.toString().contains("--flips must hold only 0 and 1, got 2 at position 2"), err.toString());
    assertTrue(Files.notExists(out.resolve("never")));
  }
}

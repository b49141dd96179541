package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bin/edward} over bad command lines, run in this JVM: every failure is exactly one line on
 * standard error naming the flag and the value, with exit code 2, before any model is built or any
 * data is read (none of these cases touches MNIST, which this test machine may not have).
 */
class CommandLineErrorsTest {

  @TempDir static Path tmp;

  /** What a run printed and returned. */
  record Run(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), ShutdownSignal.none(), args);
    return new Run(code, out.toString(), err.toString());
  }

  static Stream<Arguments> badCommandLines() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    Path report = Files.writeString(tmp.resolve("gan.json"), "{\"example\": \"gan\"}");
    return Stream.of(
        Arguments.of(List.of("gan", "--out", ""), "--out"),
        Arguments.of(List.of("gan", "--out", " "), "--out"),
        Arguments.of(List.of("gan", "--out", file.toString()), "is a file, not a directory"),
        Arguments.of(List.of("gan", "--out", file.resolve("sub").toString()), file + " is a file, not a directory"),
        Arguments.of(List.of("gan", "--out", "/proc/edward4j-test/out"), "read-only"),
        Arguments.of(List.of("gan", "--iterations", "abc"), "'abc' is not an int"),
        Arguments.of(List.of("gan", "--iterations", "0"), "--iterations must be at least 1, got 0"),
        Arguments.of(List.of("gan", "--iterations", "99999999999"), "--iterations"),
        Arguments.of(List.of("gan", "--print", "-5"), "--print must be at least 1, got -5"),
        Arguments.of(List.of("gan", "--seed", "x"), "--seed"),
        Arguments.of(List.of("gan", "--save-every", "-1"), "--save-every must be 0"),
        Arguments.of(List.of("gan", "--resume", tmp.resolve("nothing-here").toString()), "--resume"),
        Arguments.of(List.of("gan", "--bogus", "1"), "--bogus"),
        Arguments.of(List.of("gan", "--iterations"), "--iterations"),
        Arguments.of(List.of("gan", "--binarize", "yes"), "--binarize takes true or false"),
        Arguments.of(List.of("gan", "--shuffle", "1"), "--shuffle takes true or false"),
        Arguments.of(List.of("gan", "--shuffle=maybe"), "'maybe' is not a boolean"),
        Arguments.of(List.of("dcgan", "--width", "0"), "--width must be a finite number above 0, got 0.0"),
        Arguments.of(List.of("dcgan", "--batch", "0"), "--batch must be at least 1, got 0"),
        Arguments.of(List.of("dcgan", "--noise", "-2"), "--noise must be at least 1, got -2"),
        Arguments.of(List.of("dcgan", "--lr-gen", "NaN"), "--lr-gen must be a finite number above 0, got NaN"),
        Arguments.of(List.of("dcgan", "--lr-disc", "-1"), "--lr-disc must be a finite number above 0, got -1.0"),
        Arguments.of(List.of("dcgan", "--iterations", "0"), "--iterations must be at least 1, got 0"),
        Arguments.of(List.of("dcgan", "--iterations", "100", "--decay", "101"), "--decay must be between 0 and --iterations (100), got 101"),
        Arguments.of(List.of("dcgan", "--decay", "-1"), "--decay must be between 0 and --iterations (12000), got -1"),
        Arguments.of(List.of("bigan", "--recipe", "cpu", "--ema", "1.5"), "--ema must be 0 (no average) or in (0, 1), got 1.5"),
        Arguments.of(List.of("bigan", "--ema", "0.999"), "--ema applies to --recipe paper and cpu"),
        Arguments.of(List.of("dcgan", "--ema", "1"), "--ema must be 0 (no average) or in (0, 1), got 1.0"),
        Arguments.of(List.of("dcgan", "--ema", "-0.5"), "--ema must be 0 (no average) or in (0, 1), got -0.5"),
        Arguments.of(List.of("dcgan", "--label-smoothing", "1"), "--label-smoothing must be in [0, 1), got 1.0"),
        Arguments.of(List.of("dcgan", "--label-smoothing", "-0.1"), "--label-smoothing must be in [0, 1), got -0.1"),
        Arguments.of(List.of("bigan", "--bounded-codes", "false"), "--bounded-codes applies to --recipe paper and cpu"),
        Arguments.of(List.of("dcgan", "--save-every", "-1"), "--save-every must be 0"),
        Arguments.of(List.of("bigan", "--recipe", "iclr"), "expected one of [edward, paper, cpu]"),
        Arguments.of(List.of("bigan", "--recipe", "Paper"), "expected one of [edward, paper, cpu]"),
        Arguments.of(List.of("bigan", "--recipe", "paper", "--binarize"), "--binarize applies to --recipe edward"),
        Arguments.of(List.of("bigan", "--recipe", "paper", "--iterations", "0"), "--iterations must be at least 1"),
        Arguments.of(List.of("bigan", "--recipe", "paper", "--print", "0"), "--print must be at least 1"),
        Arguments.of(List.of("bigan", "--binarize", "yes"), "--binarize takes true or false"),
        Arguments.of(List.of("bigan", "--binarize=yes"), "'yes' is not a boolean"),
        Arguments.of(List.of("sbn", "--save-every", "-1"), "--save-every must be 0"),
        Arguments.of(List.of("sbn", "--reweighted", "yes"), "--reweighted takes true or false"),
        Arguments.of(List.of("sbn", "--reweighted", "1"), "--reweighted takes true or false"),
        Arguments.of(List.of("sbn", "--phase-q", "dream"), "expected one of [sleep, wake]"),
        Arguments.of(List.of("sbn", "--lr", "-0.1"), "--lr must be a finite number above 0, got -0.1"),
        Arguments.of(List.of("sbn", "--lr", "NaN"), "--lr must be a finite number above 0, got NaN"),
        Arguments.of(List.of("sbn", "--k", "0"), "--k must be at least 1"),
        Arguments.of(List.of("vae", "--latent", "0"), "--latent must be at least 1"),
        Arguments.of(List.of("vae", "--test-images", "-3"), "--test-images must be at least 1"),
        Arguments.of(List.of("wgan", "--data", "cifar"), "expected one of [mnist, mixture]"),
        Arguments.of(List.of("wgan", "--critic", "0"), "--critic must be at least 1"),
        Arguments.of(List.of("wgan", "--lr", "0"), "--lr must be a finite number above 0"),
        Arguments.of(List.of("invert", "--model", "vae"), "expected one of [gan, bigan]"),
        Arguments.of(List.of("invert", "--init", "encoder"), "--init encoder needs --model bigan"),
        Arguments.of(List.of("invert", "--steps", "-1"), "--steps must be 0 or more"),
        Arguments.of(List.of("invert", "--realism", "-1"), "--realism must be a finite number of at least 0"),
        Arguments.of(List.of("quality"), "EXAMPLE"),
        Arguments.of(List.of("quality", "cifar"), "expected one of [gan, wgan, dcgan, bigan, bigan-paper, sbn, vae]"),
        Arguments.of(List.of("quality", "bigan_paper"), "expected one of [gan, wgan, dcgan, bigan, bigan-paper, sbn, vae]"),
        Arguments.of(List.of("quality", "bigan-paper"), "pass --checkpoint DIR"),
        Arguments.of(List.of("quality", "wgan", "--binarize", "false"), "--binarize applies to `quality gan` only"),
        Arguments.of(List.of("quality", "dcgan", "--shuffle"), "--shuffle applies to `quality gan` only"),
        Arguments.of(List.of("quality", "gan", "--shuffle", "maybe"), "--shuffle takes true or false"),
        Arguments.of(List.of("quality", "gan", "--binarize", "false", "--checkpoint", tmp.toString()),
            "with --checkpoint nothing is trained"),
        Arguments.of(List.of("quality", "dcgan", "--samples", "0"), "--samples must be at least 1"),
        Arguments.of(List.of("quality", "dcgan", "--authors-split", "true"),
            "--authors-split applies to `quality bigan` and `quality bigan-paper`"),
        Arguments.of(List.of("results"), "--reports"),
        Arguments.of(List.of("results", "--reports", tmp.resolve("none.json").toString()), "none.json is not a file"),
        Arguments.of(List.of("results", "--reports", report + "," + tmp), "is not a file"),
        Arguments.of(List.of("results", "--reports", report.toString(), "--update", tmp.resolve("RESULTS.md").toString()),
            "--update: "),
        Arguments.of(List.of("quality", "vae", "--checkpoint", tmp.toString()), "--checkpoint is not supported"),
        Arguments.of(List.of("quality", "sbn", "--checkpoint", tmp.toString()), "--checkpoint: "),
        Arguments.of(List.of("quality", "sbn", "--k", "0"), "--k must be at least 1, got 0"),
        Arguments.of(List.of("quality", "vae", "--test-images", "-3"), "--test-images must be at least 1, got -3"),
        Arguments.of(List.of("quality", "dcgan", "--k", "5"), "--k applies to `quality sbn` and `quality vae`"),
        Arguments.of(List.of("quality", "gan", "--checkpoint", tmp.resolve("none").toString()), "--checkpoint"),
        Arguments.of(List.of("quality", "gan", "--samples", "0"), "--samples must be at least 1"),
        Arguments.of(List.of("bench"), "name a benchmark"),
        Arguments.of(List.of("bench", "gan", "--steps", "0"), "--steps must be at least 1"),
        Arguments.of(List.of("bench", "build", "--repeats", "0"), "--repeats must be at least 1"),
        Arguments.of(List.of("bench", "input", "--model", "vae"), "--model must be gan or dcgan, got 'vae'"),
        Arguments.of(List.of("nonsense"), "'nonsense'"),
        Arguments.of(List.of(), "name a command"));
  }

  @ParameterizedTest
  @MethodSource("badCommandLines")
  void aBadCommandLineIsOneLineAndExitCode2(List<String> args, String expected) {
    Run r = run(args.toArray(String[]::new));
    assertEquals(2, r.code(), r.err());
    assertEquals(1, r.errLines().size(), "one line, got:\n" + r.err());
    assertTrue(r.err().contains(expected), "expected `" + expected + "` in: " + r.err());
    assertTrue(r.err().startsWith("edward"), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
  }

  @Test
  void verboseAddsTheStackTrace() {
    Run r = run("gan", "--verbose", "--iterations", "0");
    assertEquals(2, r.code());
    assertTrue(r.errLines().size() > 1 && r.err().contains("\tat "), r.err());
  }

  @Test
  void helpListsEveryCommandAndEachCommandsFlags() {
    Run top = run("--help");
    assertEquals(0, top.code());
    for (String command : List.of("gan", "dcgan", "bigan", "wgan", "sbn", "vae", "quality", "results", "invert", "bench",
        "completion")) {
      assertTrue(top.out().contains("  " + command + " "), command + " missing from:\n" + top.out());
    }
    Run gan = run("gan", "--help");
    assertEquals(0, gan.code());
    for (String flag : List.of("--iterations", "--print", "--out", "--seed", "--save-every", "--resume", "--verbose")) {
      assertTrue(gan.out().contains(flag), flag + " missing from:\n" + gan.out());
    }
    assertTrue(gan.out().contains("(default: 15000)"), gan.out());
    assertTrue(gan.out().contains("--binarize") && gan.out().contains("--shuffle"), gan.out());
    Run bigan = run("bigan", "--help");
    assertTrue(bigan.out().contains("--recipe") && bigan.out().contains("edward, paper, cpu"), bigan.out());
    Run quality = run("quality", "--help");
    assertTrue(quality.out().contains("bigan-paper") && quality.out().contains("--binarize"), quality.out());
  }

  @Test
  void resultsPrintsTheRowsOfAReport() throws IOException {
    Path json = Files.writeString(tmp.resolve("dcgan.json"), org.edward4j.criticisms.quality.QualityReport.builder("dcgan")
        .setting("seed", 42L).setting("iterations", 12000).metric("frechet_distance", 7.5, "").build().toJson());
    Run r = run("results", "--reports", json.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith(ResultsTable.HEADER), r.out());
    assertTrue(r.out().contains("| dcgan | Frechet distance | 7.50 | `bin/edward quality dcgan --iterations 12000 --seed 42` |"),
        r.out());
  }

  @Test
  void completionPrintsABashScriptCoveringTheCommandsAndFlags() {
    Run r = run("completion");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("#!/usr/bin/env bash") && r.out().contains("complete -F"), r.out().substring(0, 200));
    assertTrue(r.out().contains("--reweighted") && r.out().contains("mixture"), "flags and enum values complete");
  }

  @Test
  void aFailureWhileRunningIsOneLineAndExitCode1() {
    // A checkpoint directory holding a damaged state file: found while planning, before training.
    Path out = tmp.resolve("damaged");
    Run r;
    try {
      Files.createDirectories(out.resolve("checkpoints"));
      Files.writeString(out.resolve("checkpoints/checkpoint"), "not a state file\n");
      r = run("wgan", "--data", "mixture", "--out", out.toString());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertEquals(2, r.code(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("checkpoint state file") && r.err().contains("delete"), r.err());
  }

  @Test
  void describeTurnsJavaNioExceptionsIntoWhatHappened() {
    assertEquals("/data/x: permission denied", Main.describe(new java.nio.file.AccessDeniedException("/data/x")));
    assertEquals("/d/f: No space left on device",
        Main.describe(new java.nio.file.FileSystemException("/d/f", null, "No space left on device")));
    assertEquals("/d/f: no such file or directory", Main.describe(new java.nio.file.NoSuchFileException("/d/f")));
    assertEquals("NullPointerException", Main.describe(new NullPointerException()));
  }
}

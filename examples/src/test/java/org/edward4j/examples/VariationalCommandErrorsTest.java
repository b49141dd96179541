package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ports of Edward's variational scripts over bad command lines, through {@code bin/edward}'s
 * entry point: one line on standard error naming the flag and the value, exit code 2, before any
 * model is built (so each case takes milliseconds).
 */
class VariationalCommandErrorsTest {

  static Stream<Arguments> badCommandLines() {
    return Stream.of(
        Arguments.of(List.of("dirichlet-categorical", "--n", "0"), "--n must be at least 1, got 0"),
        Arguments.of(List.of("dirichlet-categorical", "--samples", "-1"), "--samples must be at least 1, got -1"),
        Arguments.of(List.of("dirichlet-categorical", "--iterations", "x"), "'x' is not an int"),
        Arguments.of(List.of("bayesian-nn", "--n", "41"), "--n must be even (half the points on each interval), got 41"),
        Arguments.of(List.of("bayesian-nn", "--iterations", "0"), "--iterations must be at least 1, got 0"),
        Arguments.of(List.of("irt", "--students", "0"), "--students must be at least 1, got 0"),
        Arguments.of(List.of("irt", "--print", "-3"), "--print must be at least 1, got -3"),
        Arguments.of(List.of("probabilistic-matrix-factorization", "--factors", "0"), "--factors must be at least 1, got 0"),
        Arguments.of(List.of("cox-process", "--v", "0"), "--v must be at least 1, got 0"),
        Arguments.of(List.of("stochastic-block-model", "--iterations", "0"), "--iterations must be at least 1, got 0"),
        Arguments.of(List.of("probabilistic-pca-subsampling", "--n", "50", "--batch", "100"), "--batch must be at most --n (50), got 100"),
        Arguments.of(List.of("deep-exponential-family", "--k", "5,3"), "--k must give 3 sizes, e.g. 100,30,15, got 2"),
        Arguments.of(List.of("deep-exponential-family", "--lr", "0"), "--lr must be a finite number above 0, got 0.0"),
        Arguments.of(List.of("deep-exponential-family", "--corpus", "/nonexistent/corpus.txt"),
            "--corpus must be a readable file, got /nonexistent/corpus.txt"));
  }

  @ParameterizedTest
  @MethodSource("badCommandLines")
  void failsOnOneLineNamingTheFlag(List<String> args, String expected) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), ShutdownSignal.none(), args.toArray(String[]::new));
    assertEquals(2, code, err.toString());
    List<String> lines = err.toString().lines().toList();
    assertEquals(1, lines.size(), err.toString());
    assertTrue(lines.get(0).contains(expected), lines.get(0));
  }
}

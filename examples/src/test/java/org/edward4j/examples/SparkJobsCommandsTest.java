package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bin/edward spark chains} and {@code spark nll} over bad command lines: exit code 2 and a
 * line naming the flag and the value, before any Spark context starts (this test JVM lacks the
 * module flags Spark needs, so a context would fail to start).
 */
class SparkJobsCommandsTest {

  static Stream<Arguments> badCommandLines() {
    return Stream.of(
        Arguments.of(List.of("spark", "chains", "--chains", "0"), "--chains must be at least 1, got 0"),
        Arguments.of(List.of("spark", "chains", "--samples", "100", "--burn-in", "97"),
            "--burn-in must leave at least 4 of the 100 draws, got 97"),
        Arguments.of(List.of("spark", "chains", "--burn-in", "-1"), "--burn-in must be 0 or more, got -1"),
        Arguments.of(List.of("spark", "chains", "--step-size", "0"), "--step-size must be a finite number above 0, got 0.0"),
        Arguments.of(List.of("spark", "chains", "--master", " "), "--master must be a Spark master URL"),
        Arguments.of(List.of("spark", "nll", "--k", "0"), "--k must be at least 1, got 0"),
        Arguments.of(List.of("spark", "nll", "--rows", "-4"), "--rows must be at least 1, got -4"),
        Arguments.of(List.of("spark", "nll", "--proposal-sd", "NaN"), "--proposal-sd must be a finite number above 0, got NaN"),
        Arguments.of(List.of("spark", "nll", "--bogus", "1"), "--bogus"),
        Arguments.of(List.of("spark"), "name an example: gan, chains, nll"));
  }

  @ParameterizedTest
  @MethodSource("badCommandLines")
  void badFlagIsAUsageErrorNamingIt(List<String> args, String expected) {
    CommandLineErrorsTest.Run run = CommandLineErrorsTest.run(args.toArray(new String[0]));
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains(expected), run.err());
  }
}

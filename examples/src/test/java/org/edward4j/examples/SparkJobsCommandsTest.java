package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bin/edward spark chains}, {@code nll}, {@code parity}, {@code invert} and {@code sweep} over
 * bad command lines: exit code 2 and a line naming the flag and the value, checked before any Spark
 * context starts or any data is read (each case takes milliseconds; a context takes seconds).
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
        Arguments.of(List.of("spark", "parity", "--examples", "1000"),
            "--examples must be a positive multiple of 128 x --partitions x --k = 25600 (whole rounds on every replica), got 1000"),
        Arguments.of(List.of("spark", "parity", "--single-examples", "1000"),
            "--single-examples must be a positive multiple of 128 (whole batches), got 1000"),
        Arguments.of(List.of("spark", "parity", "--seeds", "1"), "--seeds must be at least 2 (the noise is the spread across seeds), got 1"),
        Arguments.of(List.of("spark", "parity", "--samples", "995"), "--samples must be a multiple of 10 (the score's 10 splits), got 995"),
        Arguments.of(List.of("spark", "parity", "--k", "0"), "--k must be at least 1, got 0"),
        Arguments.of(List.of("spark", "invert", "--count", "10001"), "--count must be at most 10000 (MNIST's test digits), got 10001"),
        Arguments.of(List.of("spark", "invert", "--steps", "-1"), "--steps must be 0 or more, got -1"),
        Arguments.of(List.of("spark", "invert", "--clip", "0"), "--clip must be a finite number above 0, got 0.0"),
        Arguments.of(List.of("spark", "invert", "--checkpoint", "/nonexistent/edward4j-ckpt"),
            "--checkpoint: `checkpoint` must be a checkpoint directory or prefix, but /nonexistent/edward4j-ckpt has no .index file"),
        Arguments.of(List.of("spark", "sweep", "--scales", "1,-2"), "--scales must be a finite number above 0, got -2.0"),
        Arguments.of(List.of("spark", "sweep", "--k", "10,0"), "--k must be at least 1, got 0"),
        Arguments.of(List.of("spark", "sweep", "--k", "10,10"), "--scales and --k must not repeat a value"),
        Arguments.of(List.of("spark", "sweep", "--rows", "1"), "--rows must be at least 2 (for a standard error), got 1"),
        Arguments.of(List.of("spark", "sweep", "--master", ""), "--master must be a Spark master URL"),
        Arguments.of(List.of("spark"), "name an example: gan, chains, nll, parity, invert, sweep"));
  }

  @ParameterizedTest
  @MethodSource("badCommandLines")
  void badFlagIsAUsageErrorNamingIt(List<String> args, String expected) {
    CommandLineErrorsTest.Run run = CommandLineErrorsTest.run(args.toArray(new String[0]));
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains(expected), run.err());
  }
}
